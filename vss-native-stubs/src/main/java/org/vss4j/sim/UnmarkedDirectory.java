package org.vss4j.sim;

import java.nio.file.Path;

/**
 * A folder in the state directory's {@code snapshots} directory that is named like a shadow copy's copy directory
 * (a GUID) and that no record names, but that does not carry the simulator's mark: the simulator cannot tell that it
 * made it (a copy left by a version that wrote no mark, or anyone's data in a directory given as the state
 * directory), so a machine opening the directory leaves it alone and reports it here and at WARN, each time.
 * {@code directory} is its path.
 */
public record UnmarkedDirectory(Path directory) {

    /** The words of {@link #toString()} that say what was done with it. */
    public static final String LEFT_ALONE = "left alone";

    @Override
    public String toString() {
        return "the folder " + directory + " is named like a shadow copy's copy directory, but no record names it and "
                + "the simulator did not mark it as its own: " + LEFT_ALONE + ". Nothing in it tells a copy that an "
                + "interrupted run of an earlier version left from other data: if it is not yours, remove it yourself; "
                + "if it is, move it out of the state directory or choose another --sim-state";
    }
}
