package org.vss4j.sim.abi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.vss4j.sim.SimulatedMachine;

/**
 * What the simulator keeps of native objects it destroyed: for the most recent {@link #capacity()} of them, the
 * object's native memory (still reserved, so the C heap cannot hand its address to a newer object) and one line
 * describing it with the ledger of its machine. A call through a stale pointer among those is then diagnosed as a call
 * on a released object; the Java object itself, and everything it held, is not kept.
 *
 * <p>Older tombstones are dropped and their memory freed: the address may then be reused, and a call through a pointer
 * released that long ago is reported as a call on an unknown object, or reaches the newer object at that address as it
 * would on Windows. The bound keeps a long-running process's simulator from growing with every object it ever made.
 */
public final class Tombstones {

    /** A destroyed object: its description (interface, address, origin) and the ledger of the machine it was on. */
    public record Tombstone(String description, LeakLedger ledger) {

        /**
         * Records a call through the destroyed object's pointer: on the ledger of the machine it belonged to, and on
         * the current machine's when that is another one. A pointer kept from an earlier test's machine (already
         * checked and closed) then fails the test that made the late call.
         *
         * @param message what was called, and on what
         */
        public void lateCall(String message) {
            ledger.error(message);
            LeakLedger now = SimulatedMachine.current().ledger();
            if (now != ledger) {
                now.error(message + " (the object belonged to an earlier simulated machine)");
            }
        }
    }

    private record Grave(Tombstone stone, Memory memory) {
    }

    private final int capacity;
    private final Map<Long, Grave> graves;

    /** @param capacity how many destroyed objects keep their address reserved */
    public Tombstones(int capacity) {
        this.capacity = capacity;
        this.graves = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Grave> eldest) {
                if (size() > Tombstones.this.capacity) {
                    eldest.getValue().memory.close();
                    return true;
                }
                return false;
            }
        };
    }

    /**
     * Records that the object in {@code memory} was destroyed; the memory stays reserved until evicted.
     *
     * @param memory the destroyed object's memory, kept reserved so that its address is not reused
     * @param description what the object was, for the late call's message
     * @param ledger the ledger of the machine the object belonged to
     */
    public synchronized void bury(Memory memory, String description, LeakLedger ledger) {
        graves.put(Pointer.nativeValue(memory), new Grave(new Tombstone(description, ledger), memory));
    }

    /**
     * The tombstone of an object that started at {@code address}, if still kept.
     *
     * @param address the object's address
     * @return its tombstone, or empty if none is kept (never buried, or evicted)
     */
    public synchronized Optional<Tombstone> at(long address) {
        Grave g = graves.get(address);
        return g == null ? Optional.empty() : Optional.of(g.stone);
    }

    /**
     * How many are kept now (never more than {@link #capacity()}).
     *
     * @return the number of tombstones kept
     */
    public synchronized int size() {
        return graves.size();
    }

    /**
     * How many destroyed objects keep their address reserved at most; the oldest is evicted beyond.
     *
     * @return the capacity given to the constructor
     */
    public int capacity() {
        return capacity;
    }
}
