package org.vss4j.media;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * How an incremental or differential set decides that a file no writer claims changed since its parent set
 * (docs/backup-sets.md, "Incremental and differential sets"): a file is taken when the parent set does not list it,
 * or its size, last-write time or attributes differ from the parent's row, or its last-write time is after the
 * parent's snapshot time; and, where the change time is compared, when its change time differs or is after that time.
 * Anything else is listed with the parent's data ({@code stored_in}).
 */
public enum ChangeDetection {

    /** Also compare the change time ({@link FileMetadata#changeTime}). */
    WITH_CHANGE_TIME,

    /** Compare size, last-write time and attributes only. */
    WITHOUT_CHANGE_TIME;

    /**
     * The rule for this host. On Windows the change time of a file in a shadow copy is the original's, and is
     * compared. Elsewhere vss4j reads a simulated shadow copy, which is a copy of the volume directory on the host:
     * its files' {@code unix:ctime} is the time of that copy, not the original's, so comparing it would take every
     * file; it is recorded but not compared.
     *
     * @return {@link #WITH_CHANGE_TIME} on Windows, {@link #WITHOUT_CHANGE_TIME} elsewhere
     */
    public static ChangeDetection forHost() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? WITH_CHANGE_TIME
                : WITHOUT_CHANGE_TIME;
    }

    /**
     * Whether the file must be stored again.
     *
     * @param now        the file's metadata in the new snapshot
     * @param size       its size now
     * @param before     its row in the parent set, or null if the parent does not list it
     * @param parentTime the parent's snapshot time, or null if unknown
     * @return true if the file is new or changed, or could have changed
     */
    public boolean changed(FileMetadata now, long size, CatalogRow before, Instant parentTime) {
        if (before == null || before.size() != size) {
            return true;
        }
        FileMetadata was = before.metadata();
        if (now.lastWriteTime() == null || !now.lastWriteTime().equals(was.lastWriteTime())
                || now.attributes() != was.attributes() || after(now.lastWriteTime(), parentTime)) {
            return true;
        }
        if (this == WITH_CHANGE_TIME) {
            return !Objects.equals(now.changeTime(), was.changeTime()) || after(now.changeTime(), parentTime);
        }
        return false;
    }

    private static boolean after(Instant t, Instant parentTime) {
        return t != null && parentTime != null && t.isAfter(parentTime);
    }
}
