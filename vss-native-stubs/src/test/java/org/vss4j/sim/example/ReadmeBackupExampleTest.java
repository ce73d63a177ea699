package org.vss4j.sim.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupType;
import org.vss4j.session.BackupResult;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;

/** The README's "a complete backup" example, {@link MediaBackup}, run on a simulated machine. */
@ExtendWith(VssSimulatorExtension.class)
class ReadmeBackupExampleTest {

    @Test
    void aCompleteBackupInTwentyLines(SimulatedMachine machine, @TempDir Path disk, @TempDir Path media)
            throws IOException {
        Files.createDirectories(disk.resolve("orders"));
        Files.writeString(disk.resolve("orders/orders.db"), "42 orders");
        machine.addVolume(disk, "D:\\");
        machine.addWriter(SimulatedWriter.builder("Orders DB Writer")
                .component(WriterComponent.database("", "orders")
                        .withDatabaseFile(FileSpec.of("D:\\orders", "*.db", false)))
                .build());

        BackupResult result = MediaBackup.backUp("Orders DB Writer", media);

        assertThat(result.succeeded()).isTrue();
        assertThat(media.resolve("D/orders/orders.db")).hasContent("42 orders");
        assertThat(media.resolve("backup-components.xml")).isNotEmptyFile();
        assertThat(result.state().type()).isEqualTo(BackupType.FULL);
    }
}
