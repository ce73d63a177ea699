package org.vss4j.sim.abi;

import java.util.List;

/**
 * What a simulated machine still holds and what went wrong: live native blocks (BSTRs, CoTaskMem, snapshot
 * properties), live COM objects with their reference counts, and misuse errors (double free, unknown pointer, Release of
 * a dead object).
 */
public record LeakReport(List<String> liveBlocks, List<String> liveObjects, List<String> errors) {

    /**
     * A report; the lists are copied.
     *
     * @param liveBlocks the native blocks still allocated, each described
     * @param liveObjects the COM objects still referenced, each with its count and origin
     * @param errors the misuses recorded
     */
    public LeakReport {
        liveBlocks = List.copyOf(liveBlocks);
        liveObjects = List.copyOf(liveObjects);
        errors = List.copyOf(errors);
    }

    /**
     * True when nothing leaked and nothing was misused.
     *
     * @return true if the three lists are empty
     */
    public boolean isClean() {
        return liveBlocks.isEmpty() && liveObjects.isEmpty() && errors.isEmpty();
    }

    @Override
    public String toString() {
        if (isClean()) {
            return "no leaks, no misuse";
        }
        StringBuilder b = new StringBuilder();
        section(b, "leaked native blocks", liveBlocks);
        section(b, "leaked COM references", liveObjects);
        section(b, "misuse errors", errors);
        return b.toString().trim();
    }

    private static void section(StringBuilder b, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        b.append(title).append(" (").append(lines.size()).append("):\n");
        lines.forEach(l -> b.append("  - ").append(l).append('\n'));
    }
}
