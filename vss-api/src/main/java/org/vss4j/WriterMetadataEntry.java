package org.vss4j;

import java.util.UUID;

/**
 * One result of {@code GetWriterMetadata}: the writer instance id and its metadata document. Closing the entry releases
 * the {@code IVssExamineWriterMetadata}.
 *
 * @param instanceId the writer instance
 * @param metadata   its Writer Metadata Document (owned: close it)
 */
public record WriterMetadataEntry(UUID instanceId, ExamineWriterMetadata metadata) implements AutoCloseable {
    @Override
    public void close() {
        metadata.close();
    }
}
