package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vss4j.BackupType;
import org.vss4j.examples.logwriter.LogCheck;
import org.vss4j.examples.logwriter.LogWriter;
import org.vss4j.examples.logwriter.RunningLogWriter;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentSelection;

/**
 * The high-level session against the target's VSS: a component-mode backup of the Java log writer's component while
 * the log is written to, copied from the shadow copy and reported back. A real writer on both targets, and only a
 * few files, so it runs on a Windows runner's C:\ too.
 */
@VssContract
class BackupSessionContractTest {

    @Test
    void aComponentModeSessionBacksUpTheWritersFilesConsistently(VssTarget target) throws Exception {
        Path dir = target.workDir().resolve("orders");
        Path media = Files.createDirectories(target.workDir().resolve("media"));
        List<BackupPhase> phases = new ArrayList<>();
        BackupResult result;
        try (RunningLogWriter running = RunningLogWriter.start(dir, target.vssPath(dir), 2,
                "session " + UUID.randomUUID())) {
            assertThat(running.load().awaitAcknowledged(200, Steps.timeout())).isTrue();
            try (BackupSession session = BackupSession.builder()
                    .components(ComponentSelection.writer(LogWriter.WRITER_ID))
                    .type(BackupType.FULL)
                    .phaseTimeout(Steps.timeout())
                    // The session's whole budget is what is left of the test's.
                    .overallTimeout(Steps.remainingBudget())
                    .listener(event -> {
                        if (event instanceof BackupEvent.PhaseFinished finished) {
                            phases.add(finished.phase());
                        }
                    })
                    .start()) {
                assertThat(session.items()).singleElement().satisfies(item -> {
                    assertThat(item.writer().name()).isEqualTo(LogWriter.NAME);
                    assertThat(item.component().name()).isEqualTo(LogWriter.COMPONENT);
                    assertThat(item.originalPath()).endsWith("orders.log");
                    assertThat(item.fromAlternatePath()).isFalse();
                });
                for (BackupItem item : session.items()) {
                    Files.copy(item.inSnapshot(), media.resolve("orders.log"), StandardCopyOption.REPLACE_EXISTING);
                    session.saved(item);
                }
                result = session.complete();
            }
        }
        assertThat(result.succeeded()).isTrue();
        assertThat(result.backupComponentsDocument()).contains(LogWriter.COMPONENT);
        assertThat(result.writerMetadataDocuments()).isNotEmpty();
        assertThat(phases).contains(BackupPhase.PREPARE_FOR_BACKUP, BackupPhase.DO_SNAPSHOT_SET,
                BackupPhase.BACKUP_COMPLETE);
        LogCheck copied = LogCheck.of(media.resolve("orders.log"));
        assertThat(copied.isClean()).as("the backed-up log ends at a record boundary").isTrue();
        assertThat(copied.records()).isPositive();
    }
}
