package org.vss4j.session;

import java.nio.file.Path;

/**
 * One file to back up, inside the shadow copy.
 *
 * @param writer            the writer whose component holds the file, or null for a file of a volume that no writer
 *                          component claims
 * @param component         the component whose file set holds the file (may be an implicitly included subcomponent),
 *                          or null
 * @param addedComponent    the component added to the Backup Components Document that covers the file (the component
 *                          itself or the root of its component set); null in volume mode and for unclaimed files
 * @param inSnapshot        where to read the file: inside the shadow copy
 * @param originalPath      the file's path on the live system, where it is restored to
 * @param fromAlternatePath whether the file is read from the file set's alternate path instead of its normal location
 *                          (Microsoft docs, "Overview of Actual Backup Of Files")
 * @param volumeName        the volume as it was added to the shadow copy set
 * @param kind              a file to copy, or a link to record without following it
 * @param reparseTag        the entry's reparse tag ({@link org.vss4j.files.ReparseTag}), 0 if it is no reparse point
 */
public record BackupItem(WriterRef writer, ComponentRef component, ComponentRef addedComponent, Path inSnapshot,
        String originalPath, boolean fromAlternatePath, String volumeName, ItemKind kind, int reparseTag) {

    /** A plain file (no reparse point). */
    public BackupItem(WriterRef writer, ComponentRef component, ComponentRef addedComponent, Path inSnapshot,
            String originalPath, boolean fromAlternatePath, String volumeName) {
        this(writer, component, addedComponent, inSnapshot, originalPath, fromAlternatePath, volumeName, ItemKind.FILE,
                0);
    }

    /** Where to store this item under a media directory, never outside it ({@link MediaPath#under}). */
    public Path pathUnder(Path media) {
        return MediaPath.under(media, originalPath);
    }

    /** The component's logical path, or null for a file no component claims. */
    public String logicalPath() {
        return component == null ? null : component.logicalPath();
    }

    @Override
    public String toString() {
        return originalPath + (component == null ? "" : " [" + component.fullPath() + " of '" + writer.name() + "']");
    }
}
