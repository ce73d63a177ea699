package org.vss4j.media;

import java.time.Instant;
import java.util.Objects;
import org.vss4j.session.BackupItemStreams;

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
     * The rule for this host: {@link #forStreams} of {@link BackupItemStreams#current()}.
     *
     * @return {@link #WITH_CHANGE_TIME} on Windows and on the simulator, {@link #WITHOUT_CHANGE_TIME} elsewhere
     */
    public static ChangeDetection forHost() {
        return forStreams(BackupItemStreams.current());
    }

    /**
     * The rule for files whose metadata is read through {@code streams}. With backup semantics (Windows and the
     * simulator) the metadata comes from {@code FILE_BASIC_INFO} (winbase.h), whose {@code ChangeTime} NTFS moves on
     * any change of the file's data or metadata (security descriptor, alternate data streams, attributes, rename),
     * and which a shadow copy keeps as it was at snapshot time: it is compared, so a change that leaves size,
     * last-write time and attributes as they were (a new ACL; content written back with its old last-write time, as
     * an archive extractor does) is taken too. Elsewhere the change time is {@code unix:ctime} of whatever copy is
     * read, which need not be the original's: recorded, not compared.
     *
     * @param streams how the items are read
     * @return {@link #WITH_CHANGE_TIME} with backup semantics, {@link #WITHOUT_CHANGE_TIME} otherwise
     */
    public static ChangeDetection forStreams(BackupItemStreams streams) {
        return streams.backupSemantics() ? WITH_CHANGE_TIME : WITHOUT_CHANGE_TIME;
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
