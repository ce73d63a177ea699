package org.vss4j.session;

/** What a {@link BackupItem} is, and so how the caller stores it. */
public enum ItemKind {
    /** A file: copy its contents (for a reparse point carrying its own data, such as a deduplicated file, too). */
    FILE,
    /**
     * A symbolic link, junction or volume mount point: record it as a link. Never follow it: inside a shadow copy an
     * absolute target names the live volume (Microsoft docs, "Working with Mounted Folders and Reparse Points").
     */
    LINK
}
