package org.vss4j.sim.abi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Native address of a simulated COM object to its Java implementation. Retired objects stay in {@link #DEAD} (and keep
 * their memory) so that a call on a released object is recognised and reported rather than landing on a newer object
 * at a reused address.
 */
public final class ComRegistry {

    private static final Map<Long, NativeComObject> LIVE = new HashMap<>();
    private static final Map<Long, NativeComObject> DEAD = new HashMap<>();

    private ComRegistry() {
    }

    static synchronized void register(NativeComObject o) {
        LIVE.put(o.address(), o);
    }

    static synchronized void retire(NativeComObject o) {
        LIVE.remove(o.address());
        DEAD.put(o.address(), o);
    }

    /** The live object at {@code address}, or null. */
    static synchronized NativeComObject live(long address) {
        return LIVE.get(address);
    }

    /** The retired object at {@code address}, or null. */
    static synchronized NativeComObject dead(long address) {
        return DEAD.get(address);
    }

    /** Live objects owned by {@code ledger}, for a leak report. */
    static synchronized List<String> liveObjects(LeakLedger ledger) {
        List<String> out = new ArrayList<>();
        for (NativeComObject o : LIVE.values()) {
            if (o.ledger() == ledger) {
                out.add(o.describe());
            }
        }
        return out;
    }
}
