package org.vss4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.SnapshotContext;
import org.vss4j.SnapshotProperties;
import org.vss4j.VssAsync;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterIdentity;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterStatus;

/**
 * The documented requester sequence for one shadow copy set (seeds: backup initialization, pre-backup tasks, backing
 * up files), printing each step. On any failure after PrepareForBackup it calls AbortBackup; closing the components
 * then lets VSS delete the non-persistent shadow copies, so nothing is left behind.
 */
final class SnapshotRun {

    /** What to do while the shadow copies exist; receives their properties. */
    interface WhileSnapshotted {
        void accept(List<SnapshotProperties> snapshots) throws Exception;
    }

    private final PrintWriter out;
    private final Duration timeout;

    SnapshotRun(PrintWriter out, Duration timeout) {
        this.out = out;
        this.timeout = timeout;
    }

    void run(List<String> volumes, SnapshotContext context, BackupType type, WhileSnapshotted action)
            throws Exception {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(context);
            // Volume mode (no component selection): a crash-consistent image with every writer frozen.
            bc.setBackupState(false, false, type, false);
            await(bc.gatherWriterMetadata(), "GatherWriterMetadata");
            printWriters(bc);
            UUID setId = bc.startSnapshotSet();
            out.printf("snapshot set %s%n", setId);
            List<UUID> snapshotIds = new ArrayList<>();
            for (String volume : volumes) {
                if (!bc.isVolumeSupported(BackupComponents.GUID_NULL, volume)) {
                    throw new IllegalArgumentException("VSS cannot shadow-copy " + volume);
                }
                snapshotIds.add(bc.addToSnapshotSet(volume, BackupComponents.GUID_NULL));
            }
            boolean prepared = false;
            boolean completed = false;
            try {
                await(bc.prepareForBackup(), "PrepareForBackup");
                prepared = true;
                checkWriters(bc, "PrepareForBackup");
                await(bc.doSnapshotSet(), "DoSnapshotSet");
                checkWriters(bc, "DoSnapshotSet");
                List<SnapshotProperties> props = new ArrayList<>();
                for (UUID id : snapshotIds) {
                    SnapshotProperties p = bc.getSnapshotProperties(id);
                    props.add(p);
                    out.printf("  %s%n    volume  %s%n    device  %s%n    created %s, %s%n", p.snapshotId(),
                            p.originalVolumeName(), p.deviceObject(), p.creationTime(), p.state().nativeName());
                }
                action.accept(props);
                await(bc.backupComplete(), "BackupComplete");
                checkWriters(bc, "BackupComplete");
                completed = true;
            } finally {
                if (prepared && !completed) {
                    out.println("aborting the backup");
                    bc.abortBackup();
                }
            }
        }
        out.flush();
    }

    private void await(VssAsync async, String step) {
        out.printf("%s ...%n", step);
        out.flush();
        async.finish(timeout);
    }

    private void printWriters(BackupComponents bc) {
        int n = bc.getWriterMetadataCount();
        out.printf("%d writer(s)%n", n);
        for (int i = 0; i < n; i++) {
            try (WriterMetadataEntry e = bc.getWriterMetadata(i)) {
                WriterIdentity id = e.metadata().getIdentity();
                out.printf("  %s {%s} %s/%s%n", id.writerName(), id.writerId(), id.usage(), id.source());
            }
        }
    }

    /** Writer status after an asynchronous step (seeds: "It should also verify writer status"). */
    private void checkWriters(BackupComponents bc, String step) {
        bc.gatherWriterStatus().finish(timeout);
        try {
            int n = bc.getWriterStatusCount();
            for (int i = 0; i < n; i++) {
                WriterStatus s = bc.getWriterStatus(i);
                if (s.isFailed()) {
                    throw new VssException(s.failureHresult() < 0 ? s.failureHresult()
                            : VssHresult.VSS_E_UNEXPECTED_WRITER_ERROR.code(), step,
                            s.toString());
                }
            }
        } finally {
            bc.freeWriterStatus();
        }
    }
}
