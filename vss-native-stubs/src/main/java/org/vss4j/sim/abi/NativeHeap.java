package org.vss4j.sim.abi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vss4j.sim.SimulatedMachine;

/**
 * The simulator's tracked native allocations: BSTRs, CoTaskMem blocks and snapshot-property blocks.
 *
 * <p>Every block is keyed by the address handed out and remembers the {@link LeakLedger} of the machine current at
 * allocation. Freed blocks stay in quarantine (their memory is not returned to the C heap) so that their address is
 * not reused at once: a second free of the same pointer is then recognised as a double free instead of silently freeing
 * a newer block. Each block keeps its {@link AllocationSite}, which a leak report prints.
 */
public final class NativeHeap {

    /**
     * How many freed blocks keep their memory reserved for double-free detection: enough for the frees of several
     * backup sessions, bounded so that a long-running process does not keep every block it ever freed.
     */
    public static final int QUARANTINE = 4096;

    private static final Map<Long, Block> LIVE = new LinkedHashMap<>();
    private static final Map<Long, Block> FREED = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Block> eldest) {
            if (size() > QUARANTINE) {
                if (eldest.getValue().memory != null) {
                    eldest.getValue().memory.close();
                }
                return true;
            }
            return false;
        }
    };

    private NativeHeap() {
    }

    /** One allocation: the JNA memory behind it and where the caller's pointer points inside it. */
    private record Block(BlockKind kind, Memory memory, long address, String what, LeakLedger ledger,
            AllocationSite site) {
        String describe() {
            return kind.description() + " at 0x" + Long.toHexString(address) + " (" + what + ")";
        }
    }

    /**
     * Allocates {@code size} zeroed bytes, of which the caller's pointer skips the first {@code prefix} (4 for the
     * BSTR length prefix, 0 otherwise).
     *
     * @param kind what the block is (BSTR, CoTaskMem, ...), checked when it is freed
     * @param size the block's size in bytes, the prefix included
     * @param prefix how many bytes the caller's pointer skips
     * @param what what the block holds, for leak reports
     * @return the caller's pointer, {@code prefix} bytes into the block
     */
    public static Pointer allocate(BlockKind kind, long size, int prefix, String what) {
        Memory memory = new Memory(Math.max(1, size));
        memory.clear();
        Pointer handed = memory.share(prefix);
        long address = Pointer.nativeValue(handed);
        synchronized (LIVE) {
            LIVE.put(address, new Block(kind, memory, address, what, SimulatedMachine.current().ledger(),
                    AllocationSite.capture()));
        }
        return handed;
    }

    /**
     * Registers memory the simulator does not own (the caller's {@code VSS_SNAPSHOT_PROP}) as a tracked block.
     *
     * @param kind what the block is
     * @param p the caller's memory
     * @param what what the block holds, for leak reports
     */
    public static void track(BlockKind kind, Pointer p, String what) {
        long address = Pointer.nativeValue(p);
        synchronized (LIVE) {
            LIVE.put(address, new Block(kind, null, address, what, SimulatedMachine.current().ledger(),
                    AllocationSite.capture()));
            FREED.remove(address);
        }
    }

    /**
     * Whether {@code p} is a live block of {@code kind}.
     *
     * @param kind the kind expected
     * @param p the caller's pointer
     * @return true if {@code p} is live and of {@code kind}
     */
    public static boolean isLive(BlockKind kind, Pointer p) {
        synchronized (LIVE) {
            Block b = LIVE.get(Pointer.nativeValue(p));
            return b != null && b.kind == kind;
        }
    }

    /**
     * Frees the block at {@code p} through {@code function}. A double free, an unknown pointer, or a block of another
     * kind (a BSTR passed to CoTaskMemFree) is recorded as an error and the block is left alone.
     *
     * @param kind the kind the freeing function takes
     * @param p the caller's pointer
     * @param function the freeing function, e.g. {@code SysFreeString}, for the error recorded
     * @return true if a block was freed
     */
    public static boolean free(BlockKind kind, Pointer p, String function) {
        long address = Pointer.nativeValue(p);
        synchronized (LIVE) {
            Block b = LIVE.get(address);
            if (b == null) {
                Block freed = FREED.get(address);
                LeakLedger ledger = freed != null ? freed.ledger : SimulatedMachine.current().ledger();
                ledger.error(freed != null
                        ? "double free: " + function + " of " + freed.describe() + ", which was already freed"
                        : function + " of an unknown pointer 0x" + Long.toHexString(address));
                return false;
            }
            if (b.kind != kind) {
                b.ledger.error(function + " of " + b.describe() + "; it must be freed with " + b.kind.freeFunction());
                return false;
            }
            LIVE.remove(address);
            FREED.put(address, b);
            return true;
        }
    }

    /**
     * The block sizes in bytes of a live block's memory (for SysStringLen-style reads); -1 if unknown.
     *
     * @param p the caller's pointer
     * @return the block's size in bytes, or -1 if {@code p} is no live block
     */
    public static long size(Pointer p) {
        synchronized (LIVE) {
            Block b = LIVE.get(Pointer.nativeValue(p));
            return b == null || b.memory == null ? -1 : b.memory.size();
        }
    }

    /** Bytes of the simulator's own memory behind live blocks, and how many blocks are live and quarantined. */
    public record Usage(long liveBytes, int liveBlocks, int quarantinedBlocks) {
    }

    /**
     * How much of the simulator's memory the live blocks hold now (a soak test watches it stay flat).
     *
     * @return the usage now
     */
    public static Usage usage() {
        synchronized (LIVE) {
            long bytes = 0;
            for (Block b : LIVE.values()) {
                bytes += b.memory == null ? 0 : b.memory.size();
            }
            return new Usage(bytes, LIVE.size(), FREED.size());
        }
    }

    /** Live blocks owned by {@code ledger}, described for a leak report. */
    static List<String> liveBlocks(LeakLedger ledger) {
        List<String> out = new ArrayList<>();
        synchronized (LIVE) {
            for (Block b : LIVE.values()) {
                if (b.ledger == ledger) {
                    out.add(b.describe() + ", never freed with " + b.kind.freeFunction() + "; allocated\n"
                            + b.site.describe("      "));
                }
            }
        }
        return out;
    }
}
