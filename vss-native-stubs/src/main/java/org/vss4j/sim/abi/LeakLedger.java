package org.vss4j.sim.abi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The resource account of one simulated machine: every native block and COM object records the ledger that was
 * current when it was created, and every misuse (double free, free of an unknown pointer, call on a released object)
 * is written here as an error. {@link #report()} is what the JUnit extension checks after each test.
 */
public final class LeakLedger {

    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    /**
     * Records a misuse; it is never ignored: it appears in {@link #report()}.
     *
     * @param message the misuse, naming the call
     */
    public void error(String message) {
        errors.add(message);
    }

    /**
     * The misuses recorded so far.
     *
     * @return a copy of the misuses, in the order recorded
     */
    public List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /**
     * Everything still alive that this ledger owns, and every recorded misuse.
     *
     * @return the report now
     */
    public LeakReport report() {
        return new LeakReport(NativeHeap.liveBlocks(this), ComRegistry.liveObjects(this), errors());
    }
}
