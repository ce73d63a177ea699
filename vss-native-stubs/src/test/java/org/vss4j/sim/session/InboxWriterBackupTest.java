package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentRef;
import org.vss4j.session.ComponentSelection;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterEvent;

/**
 * Component-mode backups of realistic writers: the in-box Registry Writer, whose paths use {@code %SystemRoot%}, and a
 * writer replayed from a Writer Metadata Document. Writer paths are expanded with the simulated machine's environment,
 * handed to the session with {@code BackupSessionBuilder.environment} (the writer's machine-scope view, not the
 * requester's process environment).
 */
@ExtendWith(VssSimulatorExtension.class)
class InboxWriterBackupTest {

    @TempDir
    Path temp;

    SessionFixture fx;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
    }

    @Test
    void theRegistryWriterBacksUpTheSystemHivesAndLeavesTheirLogsOut(SimulatedMachine machine) {
        for (String hive : new String[] {"DEFAULT", "SAM", "SECURITY", "SOFTWARE", "SYSTEM", "SYSTEM.LOG",
            "SOFTWARE.LOG", "COMPONENTS"}) {
            SessionFixture.write(fx.c, "Windows\\System32\\config\\" + hive, hive);
        }
        SessionFixture.write(fx.c, "Windows\\System32\\SMI\\Store\\Machine\\SCHEMA.DAT", "schema");
        SessionFixture.write(fx.c, "Windows\\System32\\config\\RegBack\\SYSTEM", "old copy, not reported");
        machine.addInboxWriters();
        SimulatedWriter registry = machine.writer("Registry Writer");

        BackupResult result;
        Map<String, String> copied;
        try (BackupSession s = fx.session()
                .components(ComponentSelection.component("Registry Writer", "Registry")).start()) {
            assertThat(s.addedComponents()).extracting(c -> c.writer().name() + ":" + c.fullPath())
                    .containsExactly("Registry Writer:Registry");
            copied = SessionFixture.copyAll(s);
            result = s.complete();
        }

        assertThat(copied.keySet()).containsExactly("C:\\Windows\\System32\\SMI\\Store\\Machine\\SCHEMA.DAT",
                "C:\\Windows\\System32\\config\\COMPONENTS", "C:\\Windows\\System32\\config\\DEFAULT",
                "C:\\Windows\\System32\\config\\SAM", "C:\\Windows\\System32\\config\\SECURITY",
                "C:\\Windows\\System32\\config\\SOFTWARE", "C:\\Windows\\System32\\config\\SYSTEM");
        assertThat(copied).containsEntry("C:\\Windows\\System32\\config\\SYSTEM", "SYSTEM");
        assertThat(result.succeeded()).isTrue();
        assertThat(result.backupComponentsDocument()).contains("componentName=\"Registry\"");
        assertThat(registry.events()).contains(WriterEvent.PREPARE_FOR_BACKUP, WriterEvent.FREEZE, WriterEvent.THAW,
                WriterEvent.BACKUP_COMPLETE);
    }

    @Test
    void theBitsWritersExclusionWithATrailingBackslashKeepsItsCacheOutOfAVolumeBackup(SimulatedMachine machine) {
        // The BITS writer excludes "%ALLUSERSPROFILE%\Microsoft\Network\Downloader\" (trailing backslash, which
        // Microsoft allows in a file set path).
        SessionFixture.write(fx.c, "ProgramData\\Microsoft\\Network\\Downloader\\qmgr.db", "queue");
        SessionFixture.write(fx.c, "ProgramData\\Microsoft\\Network\\Downloader\\sub\\job.tmp", "job");
        SessionFixture.write(fx.c, "ProgramData\\kept.txt", "kept");
        machine.addInboxWriters();
        try (BackupSession s = fx.session().volumeMode().volumes("C:\\").start()) {
            assertThat(SessionFixture.originals(s)).contains("C:\\ProgramData\\kept.txt")
                    .noneMatch(p -> p.contains("Downloader"));
        }
    }

    @Test
    void aWriterReplayedFromItsDocumentTakesPartInAComponentModeBackup(SimulatedMachine machine)
            throws URISyntaxException {
        Path d = SessionFixture.mkdirs(temp.resolve("d"));
        machine.addVolume(d, "D:\\");
        SessionFixture.write(d, "Ledger\\Data\\accounts.mdb", "rows");
        SessionFixture.write(d, "Ledger\\Data\\accounts.tmp", "scratch");
        SessionFixture.write(d, "Ledger\\Logs\\accounts1.log", "log");
        SessionFixture.write(fx.c, "ProgramData\\Contoso\\Ledger\\ledger.ini", "cfg");
        SimulatedWriter ledger = machine.addWriter(SimulatedWriter.fromWriterMetadataDocument(
                Path.of(getClass().getResource("/org/vss4j/sim/wmd/ledger-writer.xml").toURI())));

        Map<String, String> copied;
        try (BackupSession s = fx.session()
                .components(ComponentSelection.component("Contoso Ledger Writer", "LEDGER01\\accounts")).start()) {
            // "config" is not selectable and has no selectable ancestor: it comes with any backup of the writer.
            assertThat(s.addedComponents()).extracting(ComponentRef::fullPath)
                    .containsExactlyInAnyOrder("LEDGER01\\accounts", "LEDGER01\\config");
            copied = SessionFixture.copyAll(s);
            assertThat(s.complete().succeeded()).isTrue();
        }

        assertThat(copied.keySet()).containsExactly("C:\\ProgramData\\Contoso\\Ledger\\ledger.ini",
                "D:\\Ledger\\Data\\accounts.mdb", "D:\\Ledger\\Logs\\accounts1.log");
        assertThat(ledger.events()).contains(WriterEvent.FREEZE, WriterEvent.BACKUP_COMPLETE);
    }
}
