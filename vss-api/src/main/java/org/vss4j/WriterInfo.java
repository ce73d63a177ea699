package org.vss4j;

import java.util.UUID;

/**
 * {@code IVssWriterComponents::GetWriterInfo}: the writer whose components an {@code IVssWriterComponentsExt} holds.
 *
 * @param instanceId the writer instance
 * @param writerId   the writer class
 */
public record WriterInfo(UUID instanceId, UUID writerId) {
}
