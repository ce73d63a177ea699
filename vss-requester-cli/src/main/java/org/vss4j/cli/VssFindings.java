package org.vss4j.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vss4j.AsyncIncompleteException;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.SnapshotAttribute;
import org.vss4j.SnapshotContext;
import org.vss4j.SnapshotProperties;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterState;
import org.vss4j.WriterStatus;

/**
 * What VSS itself answers: whether this process may use it, every writer's state and last error (as
 * {@code vssadmin list writers} shows them: GatherWriterMetadata, then GatherWriterStatus), and the persistent shadow
 * copies that {@code vss snapshot create --persistent} (or another requester) left (a query in VSS_CTX_ALL).
 */
final class VssFindings {

    private final Duration timeout;

    VssFindings(Duration timeout) {
        this.timeout = timeout;
    }

    /** The {@code vss} finding, then one {@code writer} finding per writer, then {@code shadow-copies}. */
    List<Finding> run() {
        List<Finding> out = new ArrayList<>();
        List<WriterStatus> writers;
        int documents;
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(true, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(timeout);
            documents = bc.getWriterMetadataCount();
            writers = bc.writerStatuses(timeout);
        } catch (AsyncIncompleteException e) {
            // A writer that does not answer is no refusal of this process: say which wait ran out.
            out.add(Finding.blocking("vss", null, "the writers did not answer in time: " + e.getMessage(), List.of(),
                    "vss writers shows which writer hangs; restart its service, or allow more time with --timeout"));
            return out;
        } catch (VssException e) {
            out.add(refused(e));
            return out;
        }
        out.add(Finding.ok("vss", "this process may use VSS: " + documents + " writer(s) reported their metadata"));
        writers.forEach(w -> out.add(writer(w)));
        out.add(shadowCopies());
        return out;
    }


    static Finding refused(VssException e) {
        String fix;
        if (e.is(VssHresult.E_ACCESSDENIED)) {
            fix = "run elevated (Run as administrator), or as a member of Backup Operators";
        } else if (e.is(VssHresult.HRESULT_FROM_WIN32_ERROR_SERVICE_DISABLED)) {
            fix = ServiceFindings.ENABLE;
        } else {
            fix = "see the Application event log (source VSS) at this time";
        }
        return Finding.blocking("vss", null, "VSS refuses this process: " + e.getMessage(), List.of(), fix);
    }

    /** A writer as {@code vssadmin list writers} shows it: its state and its last error. */
    static Finding writer(WriterStatus w) {
        String lastError = w.failureHresult() == 0 ? "no error" : VssHresult.describe(w.failureHresult());
        String summary = w.state().nativeName() + ", last error: " + lastError;
        List<String> ids = List.of("writer id {" + w.writerId() + "}, instance {" + w.instanceId() + "}");
        if (w.isFailed()) {
            return Finding.warning("writer", w.writerName(), summary, ids, "a backup of this writer's components "
                    + "fails or lacks them: retry if the error is retryable, else restart the service that hosts the "
                    + "writer (Microsoft docs, \"In-Box VSS Writers\", names each in-box writer's service) and see "
                    + "the Application event log");
        }
        if (w.state() == WriterState.STABLE) {
            return Finding.ok("writer", w.writerName(), summary, List.of());
        }
        return Finding.warning("writer", w.writerName(), summary, ids, "another backup is running or one did not "
                + "finish: run vss doctor again when no backup runs; a writer that stays so needs its service "
                + "restarted");
    }

    /**
     * Persistent shadow copies that are not client-accessible: what VSS_CTX_APP_ROLLBACK and VSS_CTX_NAS_ROLLBACK
     * make, the contexts of {@code vss snapshot create --persistent}. System Restore and Previous Versions make
     * client-accessible ones, which are not vss4j's and only counted.
     */
    Finding shadowCopies() {
        List<SnapshotProperties> all;
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.ALL);
            all = bc.querySnapshots();
        } catch (VssException e) {
            return Finding.warning("shadow-copies", null, "cannot list the shadow copies: " + e.getMessage(),
                    List.of(), "run vss snapshot list for the error with its stack trace (--verbose)");
        }
        List<SnapshotProperties> left = all.stream().filter(SnapshotProperties::isPersistent)
                .filter(p -> !p.hasAttribute(SnapshotAttribute.CLIENT_ACCESSIBLE)).toList();
        long clientAccessible = all.stream().filter(p -> p.hasAttribute(SnapshotAttribute.CLIENT_ACCESSIBLE)).count();
        String others = clientAccessible == 0 ? "" : "; " + clientAccessible
                + " client-accessible one(s) (System Restore, Previous Versions) are not vss4j's";
        if (left.isEmpty()) {
            return Finding.ok("shadow-copies", null, "no persistent shadow copy of the kind vss snapshot create "
                    + "--persistent makes" + others, List.of());
        }
        List<String> details = left.stream().map(p -> "{" + p.snapshotId() + "} of " + p.originalVolumeName()
                + ", created " + p.creationTime() + (p.exposedName() == null ? "" : ", exposed at " + p.exposedName()))
                .toList();
        return Finding.warning("shadow-copies", null, left.size() + " persistent shadow copy(ies) left by vss "
                + "snapshot create --persistent or another requester" + others, details,
                "delete those no longer needed: vss snapshot delete ID (they hold shadow storage until then)");
    }
}
