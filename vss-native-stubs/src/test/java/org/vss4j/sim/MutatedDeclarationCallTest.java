package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.ptr.IntByReference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeSignature;
import org.vss4j.abi.SingleChanges;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.com.ComObject;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;

/**
 * The call-site check bites on the real declarations: {@code IVssBackupComponents::IsVolumeSupported} called through
 * the simulator with the arguments {@link BackupComponents#isVolumeSupported} passes, under a stand-in of its
 * declaration (same slot, same name) with one thing changed, is refused every time; under the unchanged copy it runs.
 */
@ExtendWith(VssSimulatorExtension.class)
class MutatedDeclarationCallTest {

    private static final IVssBackupComponents REAL = IVssBackupComponents.IsVolumeSupported;

    /** A copy of a declaration: the real constant's slot and names with another signature. */
    record StandIn(int ordinal, String name, String interfaceName, NativeSignature signature) implements ComMethod {
        StandIn(ComMethod real, NativeSignature signature) {
            this(real.slot(), real.name(), real.interfaceName(), signature);
        }
    }

    /** As {@code BackupComponents.isVolumeSupported} passes them: VSS_ID by value, LPCWSTR, BOOL *. */
    private static Object[] bindingArguments(IntByReference supported) {
        return new Object[] {Guids.byValue(BackupComponents.GUID_NULL), Utf16.toNative("C:\\"), supported};
    }

    @Test
    void theUnchangedCopyRunsAndEverySingleChangeIsRefusedBeforeTheCall(SimulatedMachine machine, @TempDir Path dir) {
        machine.addVolume(dir, "C:\\");
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.startSnapshotSet();
            IntByReference supported = new IntByReference();
            assertThat(ComObject.callSlot(b.pointer(), new StandIn(REAL, REAL.signature()),
                    bindingArguments(supported))).isZero();
            assertThat(supported.getValue()).isEqualTo(1);
            int calls = machine.faults().calls(REAL);

            List<NativeSignature> changes = SingleChanges.of(REAL.signature());
            assertThat(changes).hasSize(6 + 3 * 5 + 3 + 6);
            for (NativeSignature changed : changes) {
                assertThatThrownBy(() -> ComObject.callSlot(b.pointer(), new StandIn(REAL, changed),
                        bindingArguments(new IntByReference())))
                        .as(changed.toString()).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("IVssBackupComponents::IsVolumeSupported: ");
            }
            assertThat(machine.faults().calls(REAL)).as("simulated IsVolumeSupported calls").isEqualTo(calls);
        }
    }
}
