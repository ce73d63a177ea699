package org.vss4j.sim.vss;

import org.vss4j.VssHresult;
import org.vss4j.WriterState;
import org.vss4j.sim.Gate;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.WriterEvent;

/** One writer's part in one backup: the events it was sent and the state and failure VSS reports for it. */
final class WriterSession {

    final SimulatedWriter writer;
    private WriterState state = WriterState.STABLE;
    private int failure = VssHresult.S_OK.code();

    WriterSession(SimulatedWriter writer) {
        this.writer = writer;
    }

    synchronized WriterState state() {
        return state;
    }

    synchronized int failure() {
        return failure;
    }

    synchronized boolean hasFailed() {
        return failure < 0;
    }

    /**
     * Sends {@code event}: the writer records it, may hang at its gate (released by the test or by a cancel of
     * {@code op}) and succeeds or fails. Returns the failure HRESULT or null.
     */
    Integer send(WriterEvent event, AsyncOperation op) throws InterruptedException {
        Integer failed = writer.receive(event);
        Gate hang = writer.hangOf(event);
        if (hang != null && op != null) {
            op.block(hang);
        }
        synchronized (this) {
            if (failed != null) {
                state = event.failedState();
                failure = failed;
            } else if (!hasFailed()) {
                state = event.stateAfter();
            }
        }
        return failed;
    }
}
