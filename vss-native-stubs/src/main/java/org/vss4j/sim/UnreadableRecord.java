package org.vss4j.sim;

import java.nio.file.Path;

/**
 * A record in the state directory that a machine opening it could not use, and skipped: the file and what is wrong
 * with it. The shadow copy it described is not listed; delete the file (and the copy directory, if any) to forget it.
 */
public record UnreadableRecord(Path file, String problem) {

    @Override
    public String toString() {
        return file + ": " + problem;
    }
}
