package org.vss4j;

/**
 * {@code IVssExamineWriterMetadata::GetFileCounts}: how many file sets and components a Writer Metadata Document
 * declares at writer level.
 *
 * @param includeFiles always 0 on current Windows: {@code AddIncludeFiles} is reserved (Microsoft docs)
 * @param excludeFiles file sets the writer excludes from backup ({@code GetExcludeFile} indexes them)
 * @param components   components the writer declares ({@code GetComponent} indexes them)
 */
public record WriterFileCounts(int includeFiles, int excludeFiles, int components) {
}
