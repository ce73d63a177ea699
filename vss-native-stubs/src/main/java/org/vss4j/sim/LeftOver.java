package org.vss4j.sim;

import java.util.List;
import java.util.UUID;

/**
 * What an interrupted operation left in the state directory and a machine opening it removed: a shadow copy set
 * whose creation never completed ({@code create}), a deletion that stopped midway ({@code delete}), the
 * non-persistent shadow copies of a process that died ({@code create} in state {@code held}), or a copy directory that
 * no record names ({@code copy} in state {@code unrecorded}: a copy whose creation stopped and whose records went
 * without it; its set and volume are unknown, {@code setId} is null and {@code volumes} empty). {@code state} is the
 * journal state the operation was in; {@code snapshots} the shadow copies it named, all of them removed now.
 */
public record LeftOver(UUID setId, String operation, String state, List<UUID> snapshots, List<String> volumes) {

    /** The words of {@link #toString()} (logged at WARN by the machine that removed it) that say what it is. */
    public static final String WAS_INTERRUPTED = "was interrupted";

    /** The operation of a copy directory that no record names. */
    public static final String UNRECORDED_COPY = "copy";

    /** A copy directory of shadow copy {@code id} that no record names. */
    static LeftOver unrecordedCopy(UUID id) {
        return new LeftOver(null, UNRECORDED_COPY, "unrecorded", List.of(id), List.of());
    }

    @Override
    public String toString() {
        if (setId == null) {
            return "shadow copy " + snapshots.get(0) + ": its copy " + WAS_INTERRUPTED + " (no record names its "
                    + "copy directory, which no command would list or delete); removed the copy directory";
        }
        return "shadow copy set " + setId + ": its " + operation + " " + WAS_INTERRUPTED + " (" + state + ", volumes "
                + String.join(",", volumes) + "); removed shadow copies " + snapshots;
    }
}
