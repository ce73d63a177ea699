package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vss4j.ApplicationLevel;
import org.vss4j.BackupType;
import org.vss4j.FileRestoreStatus;
import org.vss4j.SourceType;
import org.vss4j.UsageType;
import org.vss4j.examples.logwriter.LogCheck;
import org.vss4j.examples.logwriter.LogWriter;
import org.vss4j.examples.logwriter.RestoreNotice;
import org.vss4j.examples.logwriter.RunningLogWriter;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentSelection;
import org.vss4j.session.RestoreItem;
import org.vss4j.session.RestoreResult;
import org.vss4j.session.RestoreSession;

/**
 * The writer-aware round trip against the target's VSS: a component-mode backup of the Java log writer's component
 * while the log is written to, the live log damaged, then a restore from the stored Backup Components Document that
 * the writer is told of (PreRestore, PostRestore) and accepts, with the log back as it was backed up.
 */
@VssContract
class RestoreSessionContractTest {

    @Test
    void aComponentBackedUpWithTheSessionIsRestoredToItsWriter(VssTarget target) throws Exception {
        Path dir = target.workDir().resolve("orders");
        Path live = dir.resolve("orders.log");
        Path media = Files.createDirectories(target.workDir().resolve("media"));
        String instance = "round trip " + UUID.randomUUID();

        BackupResult backup;
        try (RunningLogWriter running = RunningLogWriter.start(dir, target.vssPath(dir), 2, instance)) {
            assertThat(running.load().awaitAcknowledged(200, Steps.timeout())).isTrue();
            try (BackupSession session = BackupSession.builder()
                    .components(ComponentSelection.writer(LogWriter.WRITER_ID))
                    .type(BackupType.FULL)
                    .phaseTimeout(Steps.timeout())
                    .overallTimeout(Steps.remainingBudget())
                    .start()) {
                for (BackupItem item : session.items()) {
                    Files.copy(item.inSnapshot(), media.resolve("orders.log"), StandardCopyOption.REPLACE_EXISTING);
                    session.saved(item);
                }
                backup = session.complete();
            }
        }
        assertThat(backup.succeeded()).isTrue();
        LogCheck saved = LogCheck.of(media.resolve("orders.log"));
        assertThat(saved.isClean()).isTrue();
        assertThat(saved.records()).isPositive();

        // The application stopped writing; its log is damaged: the first record's checksum no longer matches.
        byte[] bytes = Files.readAllBytes(live);
        bytes[12] ^= 0x40;
        Files.write(live, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        assertThat(LogCheck.of(live).isClean()).isFalse();

        RestoreResult result;
        try (LogWriter writer = LogWriter.forRestore(live, target.vssPath(dir))) {
            writer.initialize(LogWriter.WRITER_ID, LogWriter.NAME, instance, UsageType.USERDATA,
                    SourceType.NONTRANSACTEDDB, ApplicationLevel.FRONT_END, Duration.ofSeconds(60));
            writer.subscribe();
            try (RestoreSession session = RestoreSession.builder()
                    .document(backup.backupComponentsDocument())
                    .component(LogWriter.WRITER_ID, LogWriter.COMPONENT)
                    .phaseTimeout(Steps.timeout())
                    .overallTimeout(Steps.remainingBudget())
                    .start()) {
                assertThat(session.items()).singleElement().satisfies(item -> {
                    assertThat(item.action()).isEqualTo(RestoreItem.Action.REPLACE_IF_POSSIBLE);
                    assertThat(item.target()).isEqualToIgnoringCase(target.vssPath(dir));
                    assertThat(item.files().filespec()).isEqualTo("orders.log");
                });
                assertThat(writer.restoreNotices()).singleElement().satisfies(n -> {
                    assertThat(n.event()).isEqualTo(RestoreNotice.Event.PRE_RESTORE);
                    assertThat(n.component()).isEqualTo(LogWriter.COMPONENT);
                    assertThat(n.selectedForRestore()).isTrue();
                });
                for (RestoreItem item : session.items()) {
                    // The item names the directory as VSS does; here it is the log's own directory.
                    Files.copy(media.resolve(item.files().filespec()), dir.resolve(item.files().filespec()),
                            StandardCopyOption.REPLACE_EXISTING);
                    session.restored(item);
                }
                result = session.complete();
            }
            assertThat(writer.restoreNotices()).hasSize(2).last().satisfies(n -> {
                assertThat(n.event()).isEqualTo(RestoreNotice.Event.POST_RESTORE);
                assertThat(n.component()).isEqualTo(LogWriter.COMPONENT);
                assertThat(n.status()).isEqualTo(FileRestoreStatus.ALL);
                assertThat(n.log()).as("the log the writer found at PostRestore").isEqualTo(saved);
            });
        }
        assertThat(result.allRestored()).as("%s", result).isTrue();
        assertThat(result.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.component().name()).isEqualTo(LogWriter.COMPONENT);
            assertThat(o.status()).isEqualTo(FileRestoreStatus.ALL);
            assertThat(o.restored()).isTrue();
        });
        LogCheck restored = LogCheck.of(live);
        assertThat(restored.isClean()).isTrue();
        assertThat(restored.records()).isEqualTo(saved.records());
        assertThat(Files.readAllBytes(live)).isEqualTo(Files.readAllBytes(media.resolve("orders.log")));
    }
}
