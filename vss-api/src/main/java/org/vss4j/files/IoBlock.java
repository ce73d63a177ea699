package org.vss4j.files;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.vss4j.com.Utf16;

/**
 * The native memory one {@link Win32BackupFile} reads through: the read buffer, the file name, the information
 * block and the out-values of ReadFile, BackupRead and BackupSeek. Taken from a small pool when a file is opened and
 * given back when it is closed, so reading many small files allocates no native memory per file (each JNA
 * {@code Memory} and {@code ByReference} is a {@code malloc} and a {@code Cleaner}). Nothing here is handed to native
 * code beyond a call: every call is synchronous and its results are read before the next.
 */
final class IoBlock {

    /** The read buffer's size, as the per-call paths of {@link Win32PrivilegedFileAccess} use. */
    static final int BUFFER = 64 * 1024;
    /** Names up to this many UTF-16 units go in the block; a longer one gets its own memory. */
    static final int NAME_UNITS = 1024;
    /** How many blocks the pool keeps: one per thread reading files at the same time is enough. */
    private static final int KEPT = 4;
    private static final ConcurrentLinkedDeque<IoBlock> POOL = new ConcurrentLinkedDeque<>();

    final Memory buffer = new Memory(BUFFER);
    /** The Java side of a BackupRead: the buffer of the {@link BackupStreamReader} reading into {@link #buffer}. */
    final byte[] streamBuffer = new byte[BackupStreamReader.BUFFER_SIZE];
    /** FILE_BASIC_INFO (40 bytes) or FILE_STANDARD_INFO (24), winbase.h. */
    final Memory info = new Memory(40);
    final IntByReference count = new IntByReference();
    final IntByReference low = new IntByReference();
    final IntByReference high = new IntByReference();
    final PointerByReference context = new PointerByReference();
    private final Memory name = new Memory(2L * (NAME_UNITS + 1));

    private IoBlock() {
    }

    /** A block from the pool, or a new one; its context is NULL. */
    static IoBlock take() {
        IoBlock b = POOL.pollFirst();
        return b != null ? b : new IoBlock();
    }

    /** Gives {@code b} back to the pool (kept if the pool has room). */
    static void giveBack(IoBlock b) {
        b.context.setValue(null);
        if (POOL.size() < KEPT) {
            POOL.offerFirst(b);
        }
    }

    /**
     * {@code s} as a NUL-terminated wide string for {@code parameter}: in the block when it fits, else in memory
     * of its own; a NUL in it is refused as {@link Utf16#toNative(String, String)} refuses it.
     */
    Pointer wide(String parameter, String s) {
        if (s.length() > NAME_UNITS) {
            return Utf16.toNative(parameter, s);
        }
        Utf16.refuseNul(parameter, s);
        Utf16.write(name, s);
        return name;
    }
}
