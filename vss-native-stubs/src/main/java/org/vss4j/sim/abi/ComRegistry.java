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
 *
 * <p>The tombstones are one store for every kind of simulated object ({@link #bury}): COM objects, the objects VSS
 * lends a writer's handler ({@link LentObject}), a writer's {@code IVssWriterImpl} and {@code IVssWriterComponentsExt}
 * objects. One bound then holds for them all, and a stale pointer of one kind passed where another is expected is
 * still recognised as released.
 */
public final class ComRegistry {

    /**
     * How many released objects (of every kind together) stay recognisable: a backup session releases a few hundred,
     * so a stale pointer from the last several sessions is still diagnosed with what it was.
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

    /**
     * Keeps a tombstone of a destroyed object that is not a {@link NativeComObject}'s own IUnknown (a lent object, a
     * second interface's memory): {@code memory} stays reserved until the tombstone is evicted.
     *
     * @param memory the destroyed object's memory, kept reserved so that its address is not reused
     * @param description what the object was, for a late call's message
     * @param ledger the ledger of the machine the object belonged to
     */
    public static void bury(Memory memory, String description, LeakLedger ledger) {
        RELEASED.bury(memory, description, ledger);
    }

    /** The live object at {@code address}, or null. */
    static synchronized NativeComObject live(long address) {
        return LIVE.get(address);
    }

    /**
     * The tombstone of the released object (of any kind) at {@code address}, if still kept.
     *
     * @param address the object's address
     * @return its tombstone, or empty if none is kept
     */
    public static Optional<Tombstones.Tombstone> released(long address) {
        return RELEASED.at(address);
    }

    /** Records {@code method} called with a {@code this} that is no live object: released, or unknown. */
    static void callOnMissing(String method, long address) {
        Optional<Tombstones.Tombstone> dead = released(address);
        if (dead.isPresent()) {
            dead.get().lateCall(method + " called on a released object: " + dead.get().description());
        } else {
            SimulatedMachine.current().ledger().error(method + " called on an unknown object at 0x"
                    + Long.toHexString(address));
        }
    }

    /** Live objects owned by {@code ledger}, for a leak report. */
    static synchronized List<String> liveObjects(LeakLedger ledger) {
        List<String> out = new ArrayList<>();
        for (NativeComObject o : LIVE.values()) {
            if (o.ledger() == ledger) {
                out.add(o.describeLeak());
            }
        }
        return out;
    }

    /** What the registry holds now: live objects, and tombstones of released ones (for soak figures and tests). */
    public record Holdings(int liveObjects, int tombstones) {
    }

    /**
     * What the registry holds now.
     *
     * @return the numbers of live objects and of tombstones
     */
    public static synchronized Holdings holdings() {
        return new Holdings(LIVE.size(), RELEASED.size());
    }
}
