package org.vss4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vss4j.AsyncCompletion;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ObjectType;
import org.vss4j.SnapshotAttribute;
import org.vss4j.SnapshotProperties;
import org.vss4j.VssAsync;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterIdentity;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterStatus;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.InProgressRetry;

/**
 * The documented requester sequence for one shadow copy set (Microsoft docs, "Overview of Backup Initialization",
 * "Overview of Pre-Backup Tasks", "Overview of Actual Backup Of Files"), printing each step. On any failure after
 * StartSnapshotSet, when the action reports failure, and when a shutdown stops the run ({@link ShutdownGuard}), it
 * calls AbortBackup; closing the components then lets VSS delete the non-persistent shadow copies, so nothing is left.
 */
final class SnapshotRun {

    /** What to do while the shadow copies exist; returns an exit code, 0 meaning the backup succeeded. */
    interface WhileSnapshotted {
        int accept(UUID setId, List<SnapshotProperties> snapshots) throws Exception;
    }

    /**
     * @param volumes         volumes to shadow-copy
     * @param context         a VSS_CTX_* value
     * @param type            the backup type told to writers
     * @param enabledClasses  writer classes to enable (empty: all)
     * @param disabledClasses writer classes to disable
     */
    record Plan(List<String> volumes, int context, BackupType type, List<UUID> enabledClasses,
            List<UUID> disabledClasses) {

        boolean involvesWriters() {
            return (context & SnapshotAttribute.NO_WRITERS.value()) == 0;
        }

        boolean persistent() {
            return (context & SnapshotAttribute.PERSISTENT.value()) != 0;
        }
    }

    /** The first wait after VSS_E_SNAPSHOT_SET_IN_PROGRESS; each next one doubles, up to {@link #MAX_BACKOFF}. */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** Where the steps go: stderr, always; stdout is the command's results and the --exec command's output. */
    private final PrintWriter steps;
    private final PrintWriter err;
    private final Duration timeout;
    private final Duration inProgressTimeout;
    private final ShutdownGuard guard;
    private boolean cleanupFailed;
    private boolean backupCompleted;

    /**
     * @param err               where the steps and the notes go (stderr)
     * @param timeout           the longest wait for each asynchronous step
     * @param inProgressTimeout how long another shadow copy set in progress is waited out, in all
     */
    SnapshotRun(PrintWriter err, Duration timeout, Duration inProgressTimeout, ShutdownGuard guard) {
        this.steps = err;
        this.err = err;
        this.timeout = timeout;
        this.inProgressTimeout = inProgressTimeout;
        this.guard = guard;
    }

    /**
     * Runs the sequence and {@code action}. VSS_E_SNAPSHOT_SET_IN_PROGRESS is waited out as a backup session waits it
     * out (the same {@link InProgressRetry}; docs/simulator-in-progress.md): StartSnapshotSet and AddToSnapshotSet are
     * called again; a DoSnapshotSet that met another set is aborted, its requester released, and the whole sequence
     * runs again with a new one (Microsoft docs, "IVssBackupComponents": an object "can be used for only a single
     * backup" and "must not be reused").
     */
    int run(Plan plan, WhileSnapshotted action) throws Exception {
        InProgressRetry retry = InProgressRetry.standalone(guard.clock(), inProgressTimeout, FIRST_BACKOFF,
                MAX_BACKOFF, this::retrying);
        InProgressRetry.Backoff again = retry.backoff();
        while (true) {
            try {
                return runOnce(plan, action, retry);
            } catch (InProgressRetry.SetCollision c) {
                again.await(BackupPhase.DO_SNAPSHOT_SET, "DoSnapshotSet", c.failure());
            }
        }
    }

    /** Whether AbortBackup or the deletion of a persistent set failed: shadow copies may be left (stderr says). */
    boolean cleanupFailed() {
        return cleanupFailed;
    }

    /** Whether BackupComplete was called: the backup was done, a stop after it aborts nothing. */
    boolean backupCompleted() {
        return backupCompleted;
    }

    private void retrying(BackupEvent event) {
        if (event instanceof BackupEvent.Retrying r) {
            steps.printf("%s: %s, another shadow copy set is in progress; attempt %d again in %s%n", r.call(),
                    VssHresult.describe(r.hresult()), r.attempt() + 1, r.backoff());
            steps.flush();
        }
    }

    private int runOnce(Plan plan, WhileSnapshotted action, InProgressRetry retry) throws Exception {
        UUID setId = null;
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(plan.context());
            // Volume mode (no component selection): every writer on the volumes takes part.
            bc.setBackupState(false, false, plan.type(), false);
            boolean writers = plan.involvesWriters();
            if (writers) {
                // Enable/disable only take effect before GatherWriterMetadata (Microsoft docs,
                // "Overview of Backup Initialization").
                bc.enableWriterClasses(plan.enabledClasses());
                bc.disableWriterClasses(plan.disabledClasses());
                step(bc.gatherWriterMetadata(), "GatherWriterMetadata");
                printWriters(bc);
            }
            guard.check("StartSnapshotSet");
            setId = retry.call(BackupPhase.START_SNAPSHOT_SET, "StartSnapshotSet", bc::startSnapshotSet);
            steps.printf("snapshot set {%s}%n", setId);
            boolean completed = false;
            // From StartSnapshotSet on, a backup that ends early must call AbortBackup (Microsoft docs,
            // "IVssBackupComponents::AbortBackup").
            try {
                List<UUID> snapshotIds = new ArrayList<>();
                for (String volume : plan.volumes()) {
                    try {
                        snapshotIds.add(retry.call(BackupPhase.START_SNAPSHOT_SET, "AddToSnapshotSet",
                                () -> bc.addToSnapshotSet(volume, BackupComponents.GUID_NULL)));
                    } catch (VssException e) {
                        // VSS's error stays whole; the command says when the name is a folder, not a volume.
                        throw VolumeArguments.explain(volume, e);
                    }
                }
                if (writers) {
                    guard.check("PrepareForBackup");
                    stepNamingWriters(bc, bc.prepareForBackup(), "PrepareForBackup");
                    checkWriters(bc, "PrepareForBackup");
                }
                guard.check("DoSnapshotSet");
                doSnapshotSet(bc);
                if (writers) {
                    checkWriters(bc, "DoSnapshotSet");
                }
                List<SnapshotProperties> props = new ArrayList<>();
                for (UUID id : snapshotIds) {
                    props.add(bc.getSnapshotProperties(id));
                }
                guard.check("--exec");
                int exit = action.accept(setId, props);
                // A command that ended with 0 after the stop (it trapped SIGTERM) does not complete the backup.
                guard.check("BackupComplete");
                if (exit != ExitCodes.OK) {
                    return exit;
                }
                if (!writers) {
                    completed = true;
                    backupCompleted = true;
                    return ExitCodes.OK;
                }
                VssAsync completing = bc.backupComplete();
                // The writers were told the backup ended: from here nothing aborts and a persistent set stays
                // (Microsoft docs, "Overview of Backup Cleanup and Termination"; AbortBackup belongs to a backup
                // that ends before BackupComplete).
                completed = true;
                backupCompleted = true;
                afterBackupComplete(bc, completing, setId, plan.persistent());
                return ExitCodes.OK;
            } finally {
                if (!completed) {
                    abort(bc, setId, plan.persistent());
                }
            }
        } finally {
            if (setId != null && guard.isRequested() && !plan.persistent()) {
                // Releasing the requester is what deletes non-persistent shadow copies (Microsoft docs,
                // "Overview of Backup Termination"; "IVssBackupComponents::DeleteSnapshots", Remarks).
                report("released the requester of shadow copy set {" + setId
                        + "}: its non-persistent shadow copies are deleted");
            }
        }
    }

    /**
     * Waits for BackupComplete and checks the writers. A failure is the command's failure (exit code 3), but the set
     * is not aborted and, when persistent, is kept: the line on stderr says so before the error.
     */
    private void afterBackupComplete(BackupComponents bc, VssAsync completing, UUID setId, boolean persistent) {
        try {
            // Waited out also after a stop: the backup is done once BackupComplete is called, the writers are
            // being told so, and nothing would be aborted.
            steps.println("BackupComplete ...");
            steps.flush();
            completing.finish(timeout);
            checkWriters(bc, "BackupComplete");
        } catch (RuntimeException e) {
            report("BackupComplete was called for shadow copy set {" + setId + "}, so it is not aborted"
                    + (persistent ? " and stays (delete it with 'vss snapshot delete')" : "")
                    + "; what failed after it follows");
            throw e;
        }
    }

    /** DoSnapshotSet and its wait; VSS_E_SNAPSHOT_SET_IN_PROGRESS from either is a {@link InProgressRetry.SetCollision}. */
    private void doSnapshotSet(BackupComponents bc) {
        VssAsync op;
        try {
            op = bc.doSnapshotSet();
        } catch (VssException e) {
            throw InProgressRetry.isInProgress(e) ? new InProgressRetry.SetCollision(e) : e;
        }
        try {
            stepNamingWriters(bc, op, "DoSnapshotSet");
        } catch (VssException e) {
            throw InProgressRetry.isInProgress(e) ? new InProgressRetry.SetCollision(e) : e;
        }
    }

    /**
     * {@link #step} for an operation that delivers writer events (PrepareForBackup, DoSnapshotSet): when it fails
     * with a writer's error, the writers that failed are named (their status, read after the operation ended), as
     * the status check after a step that succeeded names them.
     */
    private void stepNamingWriters(BackupComponents bc, VssAsync async, String name) {
        try {
            step(async, name);
        } catch (VssException e) {
            if (InProgressRetry.isInProgress(e) || e.is(VssHresult.E_ABORT)) {
                throw e;
            }
            List<String> failed = new ArrayList<>();
            try {
                bc.writerStatuses(timeout).stream().filter(WriterStatus::isFailed)
                        .forEach(w -> failed.add(w.toString()));
            } catch (RuntimeException statusFailed) {
                e.addSuppressed(statusFailed);
            }
            if (failed.isEmpty()) {
                throw e;
            }
            throw new VssException(e.hresult(), e.operation(), String.join("; ", failed), e);
        }
    }

    /** A line on stderr saying what the stop did, when the run was stopped by a shutdown. */
    private void report(String what) {
        err.println("vss: " + what);
        err.flush();
    }

    /**
     * AbortBackup after a failure or a stop: writers return to normal and VSS drops the set. AbortBackup does not
     * delete persistent shadow copies, so a failed persistent run deletes the set it made: nothing that looks like a
     * good shadow copy stays behind. A failure here is reported on stderr, saying what stays and how to delete it,
     * and makes the command's exit code {@link ExitCodes#CLEANUP_FAILED}; it does not hide the failure that caused
     * the abort, which is still reported.
     */
    private void abort(BackupComponents bc, UUID setId, boolean persistent) {
        steps.println("aborting the backup");
        steps.flush();
        try {
            bc.abortBackup();
            if (guard.isRequested()) {
                report("aborted the backup of shadow copy set {" + setId + "} (AbortBackup)");
            }
        } catch (VssException e) {
            cleanupFailed = true;
            report("AbortBackup of shadow copy set {" + setId + "} failed: " + e.getMessage()
                    + (persistent ? "" : "; its shadow copies go when the requester is released"));
        }
        UUID persistentSet = persistent ? setId : null;
        if (persistentSet != null) {
            try {
                bc.deleteSnapshots(persistentSet, ObjectType.SNAPSHOT_SET, true);
                if (guard.isRequested()) {
                    report("deleted the persistent shadow copy set {" + persistentSet + "}");
                }
            } catch (VssException e) {
                if (!e.is(VssHresult.VSS_E_OBJECT_NOT_FOUND)) {
                    cleanupFailed = true;
                    report("the persistent shadow copy set {" + persistentSet + "} could not be deleted and stays: "
                            + e.getMessage() + "; delete it with `vss snapshot delete --set " + persistentSet + "`");
                }
            }
        }
    }

    /**
     * Waits for an asynchronous step within {@code --timeout}, looking at the guard after every slice of the wait
     * (1 s): a stop cancels the operation (IVssAsync::Cancel, with a bounded grace to acknowledge) and ends the run,
     * which then aborts, instead of waiting the step out.
     */
    private void step(VssAsync async, String name) {
        steps.printf("%s ...%n", name);
        steps.flush();
        AsyncCompletion completion = AsyncCompletion.systemClock();
        try {
            completion.awaitFinished(async, completion.within(timeout), elapsed -> {
                if (guard.isRequested()) {
                    throw new ShutdownGuard.Stopped("stopped by a signal during " + name + " (cancelled)");
                }
            });
        } finally {
            async.close();
        }
    }

    private void printWriters(BackupComponents bc) {
        int n = bc.getWriterMetadataCount();
        steps.printf("%d writer(s)%n", n);
        for (int i = 0; i < n; i++) {
            try (WriterMetadataEntry e = bc.getWriterMetadata(i)) {
                WriterIdentity id = e.metadata().getIdentity();
                steps.printf("  %s {%s}%n", id.writerName(), id.writerId());
            }
        }
    }

    /**
     * Writer status after an asynchronous step (Microsoft docs, "Overview of Pre-Backup Tasks" and
     * "Overview of Actual Backup Of Files": "It should also verify writer status").
     */
    private void checkWriters(BackupComponents bc, String step) {
        for (WriterStatus s : bc.writerStatuses(timeout)) {
            if (s.isFailed()) {
                throw new VssException(s.failureHresult() < 0 ? s.failureHresult()
                        : VssHresult.VSS_E_UNEXPECTED_WRITER_ERROR.code(), step, s.toString());
            }
        }
    }
}
