package org.vss4j.sim.abi;

import com.sun.jna.Memory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vss4j.sim.SimulatedMachine;

/**
 * Native address of a live simulated COM object to its Java implementation. A released object leaves only a
 * {@link Tombstones tombstone} (its address kept reserved, one line describing it), so that a call on it is still
 * recognised and reported rather than landing on a newer object at a reused address, without keeping the object and
 * its state for the life of the process.
 */
public final class ComRegistry {

    /**
     * How many released objects stay recognisable: a backup session releases a few hundred, so a stale pointer from
     * the last several sessions is still diagnosed with what it was.
     */
    public static final int TOMBSTONES = 4096;

    private static final Map<Long, NativeComObject> LIVE = new HashMap<>();
    private static final Tombstones RELEASED = new Tombstones(TOMBSTONES);

    private ComRegistry() {
    }

    static synchronized void register(NativeComObject o) {
        LIVE.put(o.address(), o);
    }

    static synchronized void retire(NativeComObject o, Memory memory) {
        LIVE.remove(o.address());
        RELEASED.bury(memory, o.describe(), o.ledger());
    }

    /** The live object at {@code address}, or null. */
    static synchronized NativeComObject live(long address) {
        return LIVE.get(address);
    }

    /** The tombstone of the released object at {@code address}, if still kept. */
    static Optional<Tombstones.Tombstone> released(long address) {
        return RELEASED.at(address);
    }

    /** Records {@code method} called with a {@code this} that is no live object: released, or unknown. */
    static void callOnMissing(String method, long address) {
        Optional<Tombstones.Tombstone> dead = released(address);
        LeakLedger ledger = dead.map(Tombstones.Tombstone::ledger).orElseGet(() -> SimulatedMachine.current().ledger());
        ledger.error(method + " called on " + dead.map(t -> "a released object: " + t.description())
                .orElse("an unknown object at 0x" + Long.toHexString(address)));
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

    /** What the registry holds now: live objects, and tombstones of released ones (for soak figures and tests). */
    public record Holdings(int liveObjects, int tombstones) {
    }

    public static synchronized Holdings holdings() {
        return new Holdings(LIVE.size(), RELEASED.size());
    }
}
