package org.vss4j.com;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GuidsTest {

    private static final UUID IID_BACKUP_COMPONENTS = UUID.fromString("665c1d5f-c218-414d-a05d-7fef5f9d5c86");

    @Test
    void layoutIsWindowsGuidMemoryOrder() {
        // Data1 little-endian 32-bit, Data2/Data3 little-endian 16-bit, Data4 as is (guiddef.h).
        byte[] b = Guids.toBytes(IID_BACKUP_COMPONENTS);
        assertThat(b).containsExactly(0x5f, 0x1d, 0x5c, 0x66, 0x18, 0xc2, 0x4d, 0x41, 0xa0, 0x5d, 0x7f, 0xef, 0x5f,
                0x9d, 0x5c, 0x86);
        assertThat(Guids.fromBytes(b)).isEqualTo(IID_BACKUP_COMPONENTS);
    }

    @Test
    void agreesWithJnaPlatformGuidParsing() {
        GUID jna = new GUID("{665c1d5f-c218-414d-a05d-7fef5f9d5c86}");
        assertThat(Guids.toUuid(jna)).isEqualTo(IID_BACKUP_COMPONENTS);
        assertThat(Guids.toGuid(IID_BACKUP_COMPONENTS).getPointer().getByteArray(0, 16))
                .isEqualTo(jna.getPointer().getByteArray(0, 16));
    }

    @Test
    void readsAndWritesNativeMemory() {
        Memory m = new Memory(16);
        UUID id = UUID.randomUUID();
        Guids.write(m, id);
        assertThat(Guids.read(m)).isEqualTo(id);
    }

    /** A native function taking (void*, VSS_ID by value, bool, VSS_ID*) as AddToSnapshotSet-like methods do. */
    interface ByValueTarget extends Callback {
        int invoke(Pointer self, GUID.ByValue id, byte flag, Pointer out);
    }

    @Test
    void passesGuidByValueThroughANativeCall() {
        AtomicReference<UUID> received = new AtomicReference<>();
        AtomicReference<Byte> flag = new AtomicReference<>();
        ByValueTarget target = (self, id, f, out) -> {
            received.set(Guids.toUuid(id));
            flag.set(f);
            Guids.write(out, IID_BACKUP_COMPONENTS);
            return 0;
        };
        Function fn = Function.getFunction(CallbackReference.getFunctionPointer(target));
        UUID sent = UUID.fromString("12345678-9abc-def0-1122-334455667788");
        GUID out = new GUID();

        int hr = fn.invokeInt(new Object[] {Pointer.NULL, Guids.byValue(sent), (byte) 1, out});

        assertThat(hr).isZero();
        assertThat(received.get()).isEqualTo(sent);
        assertThat(flag.get()).isEqualTo((byte) 1);
        assertThat(Guids.toUuid(out)).isEqualTo(IID_BACKUP_COMPONENTS);
    }
}
