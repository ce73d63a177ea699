package org.vss4j.session;

/**
 * A file on a selected path that the backup leaves out on purpose, with the reason: neither an item to copy nor a
 * failure. Its component can still succeed: a writer's exclusion must be respected (Microsoft docs, "Overview of
 * Actual Backup Of Files": "File exclusion must always be respected, regardless of which components are selected"),
 * and a differenced file that did not change since the time its writer gave is not part of an incremental or
 * differential backup (Microsoft docs, "IVssComponent::AddDifferencedFilesByLastModifyTime").
 *
 * @param writer         the writer whose component's file set names the file, or null (a volume file no component
 *                       claims)
 * @param component      that component, or null
 * @param addedComponent the component added to the Backup Components Document that covers it, or null
 * @param originalPath   the file's path on the live system
 * @param excludedBy     the writer whose exclusion removed it, or null when it is left out as unchanged
 * @param reason         why it is left out
 */
public record ExcludedFile(WriterRef writer, ComponentRef component, ComponentRef addedComponent, String originalPath,
        WriterRef excludedBy, String reason) {
}
