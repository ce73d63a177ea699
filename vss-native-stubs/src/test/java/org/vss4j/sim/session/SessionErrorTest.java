package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentSelection;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * An {@link Error} (an OutOfMemoryError while the file list of a large volume is built, a StackOverflowError) in
 * {@code start()} after the shadow copies exist ends the session as any failure does: AbortBackup, the snapshot set
 * deleted, the requester released; the Error itself reaches the caller.
 */
@ExtendWith(VssSimulatorExtension.class)
class SessionErrorTest {

    @TempDir
    Path temp;

    SessionFixture fx;
    SimulatedWriter writer;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
        SessionFixture.write(fx.c, "app\\a.txt", "a");
        writer = machine.addWriter(SimulatedWriter.builder("AppWriter").component(WriterComponent.fileGroup("", "app")
                .withFile(FileSpec.of("C:\\app", "*", false))).build());
    }

    @Test
    void anErrorWhileTheFileListIsBuiltAbortsAndDeletesTheSnapshots() {
        OutOfMemoryError oom = new OutOfMemoryError("simulated: Java heap space");
        assertThatThrownBy(() -> BackupSession.builder().components(ComponentSelection.writer("AppWriter"))
                .listener(e -> {
                    if (e instanceof BackupEvent.PhaseStarted p && p.phase() == BackupPhase.FILE_LIST) {
                        throw oom;
                    }
                }).start()).isSameAs(oom);
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        assertThat(fx.machine.snapshots()).isEmpty();
        // Microsoft docs, "CVssWriter::OnAbort": not called once the writer has had OnPostSnapshot.
        assertThat(writer.events()).endsWith(WriterEvent.POST_SNAPSHOT);
    }
}
