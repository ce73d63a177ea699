package org.vss4j;

import java.util.UUID;

/**
 * A writer's identity from {@code IVssExamineWriterMetadata::GetIdentity}.
 *
 * @param instanceId the writer instance
 * @param writerId   the writer class
 * @param writerName the writer's name
 * @param usage      what its data is used for
 * @param source     the kind of data store
 */
public record WriterIdentity(UUID instanceId, UUID writerId, String writerName, UsageType usage, SourceType source) {
}
