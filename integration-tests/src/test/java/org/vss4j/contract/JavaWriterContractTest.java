package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vss4j.contract.Steps.writerStatuses;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.SnapshotMount;
import org.vss4j.WriterComponentInfo;
import org.vss4j.WriterMetadata;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterState;
import org.vss4j.WriterStatus;
import org.vss4j.examples.logwriter.AppendOnlyLog;
import org.vss4j.examples.logwriter.LogCheck;
import org.vss4j.examples.logwriter.LogLoad;
import org.vss4j.examples.logwriter.LogWriter;
import org.vss4j.examples.logwriter.RunningLogWriter;

/**
 * A Java VSS writer taking part in a shadow copy while a load generator keeps writing: the shadow copy holds a
 * consistent log, no acknowledged write is lost, and writing goes on after Thaw (on Windows the writer is a real VSS
 * writer, visible in {@code vssadmin list writers}).
 */
@VssContract
class JavaWriterContractTest {

    @Test
    void theLogWriterFreezesTheLogForAConsistentShadowCopyUnderLoad(VssTarget target) throws Exception {
        Path dir = target.workDir().resolve("orders");
        Path file = dir.resolve("orders.log");
        try (RunningLogWriter running = RunningLogWriter.start(dir, target.vssPath(dir), 3,
                "contract " + UUID.randomUUID())) {
            AppendOnlyLog log = running.log();
            LogLoad load = running.load();
            assertThat(load.awaitAcknowledged(500, Steps.timeout())).isTrue();

            long inSnapshot;
            try (BackupComponents bc = BackupComponents.create()) {
                bc.initializeForBackup(null);
                bc.setBackupState(false, false, BackupType.FULL, false);
                bc.gatherWriterMetadata().finish(Steps.timeout());
                assertThat(logWriterMetadata(bc).components()).extracting(WriterComponentInfo::name)
                        .containsExactly(LogWriter.COMPONENT);
                bc.startSnapshotSet();
                UUID snapshot = bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL);
                bc.prepareForBackup().finish(Steps.timeout());
                long holdsBefore = log.holds();
                bc.doSnapshotSet().finish(Steps.timeout());

                // The writer froze once, and thawed: nothing is held and no append is still waiting.
                assertThat(log.holds()).isEqualTo(holdsBefore + 1);
                assertThat(log.isHeld()).isFalse();
                assertThat(log.awaitNoWaitingAppends(Steps.timeout())).isTrue();
                assertThat(writerStatuses(bc)).filteredOn(s -> s.writerId().equals(LogWriter.WRITER_ID))
                        .singleElement().satisfies(s -> {
                            assertThat(s.isFailed()).isFalse();
                            assertThat(s.state()).isEqualTo(WriterState.WAITING_FOR_BACKUP_COMPLETE);
                        });

                try (SnapshotMount mount = bc.mountSnapshot(snapshot)) {
                    LogCheck frozen = LogCheck.of(target.inSnapshot(mount, file));
                    assertThat(frozen.isClean()).as("the log in the shadow copy ends at a record boundary").isTrue();
                    assertThat(frozen.records()).isPositive();
                    inSnapshot = frozen.records();
                }
                bc.backupComplete().finish(Steps.timeout());
                assertThat(writerStatuses(bc)).noneMatch(WriterStatus::isFailed);
            }
            // Writing goes on after Thaw.
            assertThat(load.awaitAcknowledged(load.acknowledged() + 500, Steps.timeout())).isTrue();
            load.close();
            LogCheck live = LogCheck.of(file);
            assertThat(live.isClean()).isTrue();
            assertThat(live.records()).as("no acknowledged write lost").isEqualTo(load.acknowledged())
                    .isGreaterThan(inSnapshot);
            if (!target.isSimulator()) {
                assertThat(vssadminListWriters()).contains(LogWriter.NAME);
            }
        }
    }

    /**
     * In component mode a writer with no component in the Backup Components Document before PrepareForBackup
     * "receive[s] no events after this point" (Microsoft docs, "Working with Selectability and Logical Paths"): the
     * log writer, whose component is not selected, never freezes while another writer's component is backed up.
     */
    @Test
    void aJavaWriterWithNoSelectedComponentDoesNotFreeze(VssTarget target) throws Exception {
        Path dir = target.workDir().resolve("unselected");
        try (RunningLogWriter running = RunningLogWriter.start(dir, target.vssPath(dir), 1,
                "contract " + UUID.randomUUID())) {
            try (BackupComponents bc = BackupComponents.create()) {
                bc.initializeForBackup(null);
                bc.setBackupState(true, false, BackupType.COPY, false);
                bc.gatherWriterMetadata().finish(Steps.timeout());
                logWriterMetadata(bc);
                Steps.Chosen other = Steps.topLevelComponent(bc, target.componentWriterName()).orElseThrow();
                bc.addComponent(other.instanceId(), other.writerId(), other.type(), other.logicalPath(), other.name());
                bc.startSnapshotSet();
                bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL);
                bc.prepareForBackup().finish(Steps.timeout());
                bc.doSnapshotSet().finish(Steps.timeout());
                bc.backupComplete().finish(Steps.timeout());
                assertThat(writerStatuses(bc)).filteredOn(s -> s.writerId().equals(LogWriter.WRITER_ID))
                        .singleElement().satisfies(s -> assertThat(s.state()).isEqualTo(WriterState.STABLE));
            }
            assertThat(running.log().holds()).as("freezes of the unselected log writer").isZero();
        }
    }

    /** A writer class disabled before GatherWriterMetadata gets no event at all, Identify included. */
    @Test
    void aDisabledJavaWriterClassTakesNoPart(VssTarget target) throws Exception {
        Path dir = target.workDir().resolve("disabled");
        try (RunningLogWriter running = RunningLogWriter.start(dir, target.vssPath(dir), 1,
                "contract " + UUID.randomUUID())) {
            try (BackupComponents bc = BackupComponents.create()) {
                bc.initializeForBackup(null);
                bc.setBackupState(false, false, BackupType.COPY, false);
                bc.disableWriterClasses(java.util.List.of(LogWriter.WRITER_ID));
                bc.gatherWriterMetadata().finish(Steps.timeout());
                for (int i = 0; i < bc.getWriterMetadataCount(); i++) {
                    try (WriterMetadataEntry e = bc.getWriterMetadata(i)) {
                        assertThat(e.metadata().getIdentity().writerId()).isNotEqualTo(LogWriter.WRITER_ID);
                    }
                }
                bc.startSnapshotSet();
                bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL);
                bc.prepareForBackup().finish(Steps.timeout());
                bc.doSnapshotSet().finish(Steps.timeout());
                bc.backupComplete().finish(Steps.timeout());
            }
            assertThat(running.log().holds()).as("freezes of the disabled log writer").isZero();
        }
    }

    private static WriterMetadata logWriterMetadata(BackupComponents bc) {
        for (int i = 0; i < bc.getWriterMetadataCount(); i++) {
            try (WriterMetadataEntry e = bc.getWriterMetadata(i)) {
                WriterMetadata md = e.metadata().read();
                if (md.identity().writerId().equals(LogWriter.WRITER_ID)) {
                    return md;
                }
            }
        }
        throw new AssertionError(LogWriter.NAME + " did not answer Identify");
    }

    /** {@code vssadmin list writers} (Windows only): the system's own view of the writers. */
    private static String vssadminListWriters() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("vssadmin", "list", "writers").redirectErrorStream(true).start();
        // Read on a thread of its own, so that a vssadmin that never ends cannot hold the test past this deadline.
        java.util.concurrent.CompletableFuture<byte[]> out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (!p.waitFor(Steps.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("vssadmin list writers did not finish within " + Steps.timeout());
        }
        return new String(out.join(), StandardCharsets.UTF_8);
    }
}
