package org.vss4j.session;

/**
 * A writer's Writer Metadata Document as {@code IVssExamineWriterMetadata::SaveAsXML} wrote it, to store with the
 * backup (Microsoft docs, "Overview of Actual Backup Of Files": without it VSS cannot be used at restore).
 *
 * @param writer the writer
 * @param xml    the document
 */
public record WriterDocument(WriterRef writer, String xml) {
}
