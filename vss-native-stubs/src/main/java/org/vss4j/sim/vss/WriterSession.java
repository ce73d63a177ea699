package org.vss4j.sim.vss;

import org.vss4j.VssHresult;
import org.vss4j.WriterState;
import org.vss4j.sim.WriterEvent;

/**
 * One writer's part in one backup or restore: the events it was sent and the state and failure VSS reports for it
 * ({@code GetWriterStatus}; with the application HRESULT and message, {@code GetWriterStatusEx}).
 */
final class WriterSession {

    final WriterParticipant writer;
    private final WriterSessionContext context;
    private WriterState state = WriterState.STABLE;
    private int failure = VssHresult.S_OK.code();
    private int applicationFailure = VssHresult.S_OK.code();
    private String applicationMessage;
    /** Abort or PostSnapshot was sent: no Abort may follow (see {@link #takesAbort()}). */
    private boolean operationEnded;

    WriterSession(WriterParticipant writer, WriterSessionContext context) {
        this.writer = writer;
        this.context = context;
    }

    synchronized WriterState state() {
        return state;
    }

    synchronized int failure() {
        return failure;
    }

    synchronized int applicationFailure() {
        return applicationFailure;
    }

    synchronized String applicationMessage() {
        return applicationMessage;
    }

    synchronized boolean hasFailed() {
        return failure < 0;
    }

    /** Whether the writer takes {@code event} (a hosted writer subscribes to backup and/or restore events). */
    boolean receives(WriterEvent event) {
        return writer.receives(event);
    }

    /**
     * Whether an Abort may still be sent. Microsoft docs, "CVssWriter::OnAbort": "The writer will not receive further
     * event notifications related to the VSS operation it was participating in after CVssWriter::OnAbort has been
     * executed" and OnAbort "will not be called if the writer has called CVssWriter::OnPostSnapshot". So a writer
     * that DoSnapshotSet already aborted gets no second Abort from AbortBackup, and none after PostSnapshot.
     */
    synchronized boolean takesAbort() {
        return !operationEnded;
    }

    /**
     * Sends {@code event}: the writer may hang (released by the test or by a cancel of {@code op}) and succeeds or
     * fails; a failure, fatal or not, sets the event's failed state. Returns the HRESULT the operation fails with
     * (a fatal failure), or null (success or a non-fatal failure: {@link EventResult}).
     */
    Integer send(WriterEvent event, AsyncOperation op) throws InterruptedException {
        if (event == WriterEvent.ABORT || event == WriterEvent.POST_SNAPSHOT) {
            synchronized (this) {
                operationEnded = true;
            }
        }
        EventResult r = writer.deliver(event, context, op);
        synchronized (this) {
            if (r.failed()) {
                state = event.failedState();
                failure = r.failure();
                applicationFailure = r.applicationHresult();
                applicationMessage = r.applicationMessage();
            } else if (!hasFailed()) {
                state = event.stateAfter();
            }
        }
        return r.vetoes();
    }
}
