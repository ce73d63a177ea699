package org.vss4j.sim.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.VssSimulatorExtension;

/** The README's "Using the binding" example, {@link NotesBackup}, run on a simulated machine. */
@ExtendWith(VssSimulatorExtension.class)
class ReadmeBindingExampleTest {

    @Test
    void copiesAFileOutOfTheShadowCopy(SimulatedMachine machine, @TempDir Path disk, @TempDir Path backupDir)
            throws Exception {
        Files.createDirectories(disk.resolve("Users/me"));
        Files.writeString(disk.resolve("Users/me/notes.txt"), "frozen notes");
        machine.addVolume(disk, "C:\\");

        NotesBackup.copyNotes(backupDir);

        assertThat(backupDir.resolve("notes.txt")).hasContent("frozen notes");
        assertThat(machine.snapshots()).isEmpty();
    }
}
