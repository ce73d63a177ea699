package org.vss4j.session;

/**
 * What happened to one file of the backup, for storage with it (Microsoft docs, "Overview of Actual Backup Of Files": a
 * record of which files were backed up, the components they were a member of, and their original paths).
 *
 * @param writer            the writer, or null for an unclaimed volume file
 * @param component         the component whose file set holds the file, or null
 * @param addedComponent    the component added to the Backup Components Document that covers it, or null
 * @param originalPath      the file's path on the live system
 * @param fromAlternatePath whether it was read from an alternate path
 * @param saved             whether the caller reported it saved
 * @param failure           why it was not saved (the caller's cause, or "not reported"); null if saved
 */
public record FileRecord(WriterRef writer, ComponentRef component, ComponentRef addedComponent, String originalPath,
        boolean fromAlternatePath, boolean saved, String failure) {
}
