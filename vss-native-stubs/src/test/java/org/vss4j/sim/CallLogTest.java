package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.BackupComponents;
import org.vss4j.abi.vtable.IVssBackupComponents;

/**
 * The call log of {@link Faults}: kept only once asked for, so a machine serving thousands of sessions does not grow
 * with every call; calls are still counted (and fault plans still apply) without it.
 */
@ExtendWith(VssSimulatorExtension.class)
class CallLogTest {

    @Test
    void callsAreCountedButNotLoggedUnlessAsked(SimulatedMachine machine) {
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
        }
        assertThat(machine.faults().calls(IVssBackupComponents.InitializeForBackup)).isEqualTo(1);
        assertThatThrownBy(() -> machine.faults().callLog()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recordCalls()");
    }

    @Test
    void aRecordingListsEveryCallAfterItStarted(SimulatedMachine machine) {
        try (BackupComponents b = BackupComponents.create()) {
            machine.faults().recordCalls();
            b.initializeForBackup(null);
        }
        assertThat(machine.faults().callLog()).contains("IVssBackupComponents::InitializeForBackup")
                .noneMatch(call -> call.startsWith("CreateVssBackupComponents"));
    }
}
