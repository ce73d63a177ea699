package org.vss4j.com;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import java.util.UUID;

/**
 * Conversions between Java {@link UUID} and the Windows {@code GUID}/{@code VSS_ID} (16 bytes: Data1 LE 32-bit, Data2
 * and Data3 LE 16-bit, Data4 8 bytes; guiddef.h). The textual form is the same, so {@code UUID.toString()} matches
 * {@code {...}} in VSS output.
 */
public final class Guids {

    private Guids() {
    }

    /** A GUID structure to pass by reference ({@code VSS_ID*}) or to read from. */
    public static GUID toGuid(UUID id) {
        return fill(new GUID(), id);
    }

    /**
     * A GUID to pass <b>by value</b>. On x64 Windows a 16-byte argument travels as a pointer to a caller-made copy
     * (Microsoft docs, "x64 calling convention"); JNA's {@code Structure.ByValue} makes libffi follow the platform's
     * own rule, which is that one on Windows and the same rule on both sides of the simulator elsewhere.
     */
    public static GUID.ByValue byValue(UUID id) {
        return fill(new GUID.ByValue(), id);
    }

    /**
     * Sets the fields from a UUID. (JNA-Platform's {@code GUID(byte[])} and {@code toByteArray()} use the canonical
     * big-endian text order, not the memory order, so conversions go field by field.)
     */
    private static <G extends GUID> G fill(G g, UUID id) {
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        g.Data1 = (int) (hi >>> 32);
        g.Data2 = (short) (hi >>> 16);
        g.Data3 = (short) hi;
        g.Data4 = new byte[8];
        for (int i = 0; i < 8; i++) {
            g.Data4[i] = (byte) (lo >>> (56 - 8 * i));
        }
        g.write();
        return g;
    }

    /** The UUID of a GUID structure (read from native memory first if it has any). */
    public static UUID toUuid(GUID g) {
        g.read();
        long hi = (g.Data1 & 0xFFFFFFFFL) << 32 | (g.Data2 & 0xFFFFL) << 16 | (g.Data3 & 0xFFFFL);
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            lo = lo << 8 | (g.Data4[i] & 0xFFL);
        }
        return new UUID(hi, lo);
    }

    /** Reads a GUID at {@code p}. */
    public static UUID read(Pointer p) {
        return fromBytes(p.getByteArray(0, 16));
    }

    /** Writes a GUID at {@code p}. */
    public static void write(Pointer p, UUID id) {
        p.write(0, toBytes(id), 0, 16);
    }

    /** The 16 bytes of a GUID in Windows memory order. */
    public static byte[] toBytes(UUID id) {
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        byte[] b = new byte[16];
        int data1 = (int) (hi >>> 32);
        short data2 = (short) (hi >>> 16);
        short data3 = (short) hi;
        b[0] = (byte) data1;
        b[1] = (byte) (data1 >>> 8);
        b[2] = (byte) (data1 >>> 16);
        b[3] = (byte) (data1 >>> 24);
        b[4] = (byte) data2;
        b[5] = (byte) (data2 >>> 8);
        b[6] = (byte) data3;
        b[7] = (byte) (data3 >>> 8);
        for (int i = 0; i < 8; i++) {
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return b;
    }

    /** The UUID of 16 bytes in Windows GUID memory order. */
    public static UUID fromBytes(byte[] b) {
        long data1 = (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
        long data2 = (b[4] & 0xFFL) | (b[5] & 0xFFL) << 8;
        long data3 = (b[6] & 0xFFL) | (b[7] & 0xFFL) << 8;
        long hi = data1 << 32 | data2 << 16 | data3;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            lo = lo << 8 | (b[8 + i] & 0xFFL);
        }
        return new UUID(hi, lo);
    }
}
