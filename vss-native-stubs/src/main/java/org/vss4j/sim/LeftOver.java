package org.vss4j.sim;

import java.util.List;
import java.util.UUID;

/**
 * What an interrupted operation left in the state directory and a machine opening it removed: a shadow copy set
 * whose creation never completed ({@code create}), a deletion that stopped midway ({@code delete}), or the
 * non-persistent shadow copies of a process that died ({@code create} in state {@code held}). {@code state} is the
 * journal state the operation was in; {@code snapshots} the shadow copies it named, all of them removed now.
 */
public record LeftOver(UUID setId, String operation, String state, List<UUID> snapshots, List<String> volumes) {

    /** The words of {@link #toString()} (logged at WARN by the machine that removed it) that say what it is. */
    public static final String WAS_INTERRUPTED = "was interrupted";

    @Override
    public String toString() {
        return "shadow copy set " + setId + ": its " + operation + " " + WAS_INTERRUPTED + " (" + state + ", volumes "
                + String.join(",", volumes) + "); removed shadow copies " + snapshots;
    }
}
