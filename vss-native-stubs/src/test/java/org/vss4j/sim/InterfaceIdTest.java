package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.ptr.PointerByReference;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.BackupComponents;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IUnknown;
import org.vss4j.abi.vtable.IVssAsync;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.com.Guids;

/**
 * The simulator's {@code QueryInterface} answers the IIDs the binding's vtable enums declare (their single source):
 * its own interface and IUnknown give an AddRef'd pointer to the same object, anything else E_NOINTERFACE. The binding
 * does not wrap QueryInterface, so the calls go through {@link RawCom}.
 */
@ExtendWith(VssSimulatorExtension.class)
class InterfaceIdTest {

    private static int queryInterface(RawCom raw, UUID iid, PointerByReference out) {
        return raw.call(IVssBackupComponents.QueryInterface, Guids.toGuid(iid), out);
    }

    @Test
    void queryInterfaceAnswersTheEnumsIids(SimulatedMachine machine) {
        try (BackupComponents b = BackupComponents.create()) {
            RawCom raw = new RawCom(b.pointer(), "IVssBackupComponents");
            for (UUID iid : new UUID[] {IVssBackupComponents.IID, IUnknown.IID}) {
                PointerByReference out = new PointerByReference();
                assertThat(queryInterface(raw, iid, out)).isEqualTo(VssHresult.S_OK.code());
                assertThat(out.getValue()).isEqualTo(b.pointer());
                // The AddRef'd reference QueryInterface handed out is released here, or the extension reports it.
                new RawCom(out.getValue(), "IUnknown").call(IUnknown.Release);
            }
            PointerByReference none = new PointerByReference();
            assertThat(queryInterface(raw, IVssAsync.IID, none)).isEqualTo(VssHresult.E_NOINTERFACE.code());
            assertThat(none.getValue()).isNull();
        }
    }
}
