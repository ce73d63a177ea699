package org.vss4j.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.vss4j.AsyncIncompleteException;
import org.vss4j.BackupComponents;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterStatus;
import org.vss4j.WriterState;
import org.vss4j.WriterStatusEx;

/**
 * Verifies the writers after an asynchronous step (Microsoft docs, "Overview of Pre-Backup Tasks" and
 * "Overview of Actual Backup Of Files": after PrepareForBackup, DoSnapshotSet and BackupComplete the requester
 * "should also verify writer status"): {@code GatherWriterStatus}, then {@code GetWriterStatusEx} for each writer (its
 * application HRESULT and message; {@code GetWriterStatus} where Windows lacks {@code IVssBackupComponentsEx3}), then
 * {@code FreeWriterStatus}. The last check after BackupComplete also ends the writers' session
 * (Microsoft docs, "Overview of Actual Backup Of Files").
 */
final class WriterStatusCheck {

    private final BackupComponents bc;
    private final AsyncWaiter waiter;
    private final Duration timeout;
    private final SessionEvents events;

    WriterStatusCheck(BackupComponents bc, AsyncWaiter waiter, Duration timeout, SessionEvents events) {
        this.bc = bc;
        this.waiter = waiter;
        this.timeout = timeout;
        this.events = events;
    }

    /** One writer's status: its state, and its failure if it is in a failed state. */
    record Reported(WriterRef writer, WriterState state, WriterFailure failure) {
    }

    /** The states of the last successful check, by writer. */
    private final Map<WriterRef, WriterState> lastStates = new LinkedHashMap<>();

    /** The writers in a failed state after {@code phase}, each also reported to the listener. */
    List<WriterFailure> failuresAfter(BackupPhase phase) {
        return failuresAfter(phase, phase);
    }

    /**
     * As {@link #failuresAfter(BackupPhase)}, for a check that is a phase of its own: the writers' failures are
     * {@code phase}'s, a failure of the check itself (its GatherWriterStatus wait) is {@code running}'s, as a failure of
     * the GatherWriterStatus call is.
     */
    List<WriterFailure> failuresAfter(BackupPhase phase, BackupPhase running) {
        return statusesAfter(phase, running).stream().map(Reported::failure).filter(java.util.Objects::nonNull)
                .toList();
    }

    /**
     * {@code e}, the failure of {@code phase}'s asynchronous operation, or the writer failure that explains it: the
     * first of the failed writers the status reports after it that {@code concerning} keeps (the requester learns which
     * writer failed from the writer status, Microsoft docs, "IVssBackupComponents::GatherWriterStatus"). An operation
     * the session gave up on (a timeout, an interrupt) or that someone cancelled is no writer's failure, and an
     * interrupted thread is not kept waiting for the status; a status that cannot be had is suppressed into {@code e}.
     */
    BackupException blamed(BackupPhase phase, BackupException e, UnaryOperator<List<WriterFailure>> concerning) {
        if (e.isTimeout() || e.getCause() instanceof AsyncIncompleteException) {
            return e;
        }
        List<WriterFailure> failures;
        try {
            failures = concerning.apply(failuresAfter(phase));
        } catch (RuntimeException statusFailed) {
            e.addSuppressed(statusFailed);
            return e;
        }
        return failures.isEmpty() ? e : BackupException.writer(phase, failures.get(0), e);
    }

    /** Every writer's status after {@code phase}, each also reported to the listener. */
    List<Reported> statusesAfter(BackupPhase phase) {
        return statusesAfter(phase, phase);
    }

    private List<Reported> statusesAfter(BackupPhase phase, BackupPhase running) {
        waiter.await(bc.gatherWriterStatus(), running, timeout);
        List<Reported> out = new ArrayList<>();
        try {
            int count = bc.getWriterStatusCount();
            for (int i = 0; i < count; i++) {
                WriterStatusEx s = statusOf(i);
                WriterStatus st = s.status();
                WriterRef writer = new WriterRef(st.instanceId(), st.writerId(), st.writerName());
                WriterFailure f = st.isFailed() ? new WriterFailure(phase, writer, st.state(), st.failureHresult(),
                        s.applicationHresult(), s.applicationMessage()) : null;
                out.add(new Reported(writer, st.state(), f));
                events.emit(new BackupEvent.WriterStatusReported(phase, writer, st.state(), f));
            }
        } finally {
            bc.freeWriterStatus();
        }
        lastStates.clear();
        out.forEach(r -> lastStates.put(r.writer(), r.state()));
        return out;
    }

    /** The states the last successful check reported (empty before the first). */
    Map<WriterRef, WriterState> lastStates() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lastStates));
    }

    private WriterStatusEx statusOf(int index) {
        try {
            return bc.getWriterStatusEx(index);
        } catch (VssException e) {
            if (!e.is(VssHresult.E_NOINTERFACE)) {
                throw e;
            }
            return new WriterStatusEx(bc.getWriterStatus(index), 0, null);
        }
    }
}
