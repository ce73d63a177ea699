package org.vss4j;

import java.util.List;
import java.util.UUID;

/**
 * One writer's part of the Backup Components Document, read whole by {@link WriterComponents#read()}.
 *
 * @param instanceId the writer instance
 * @param writerId   the writer class
 * @param components the components of this writer in the document
 */
public record WriterComponentsSnapshot(UUID instanceId, UUID writerId, List<ComponentState> components) {

    public WriterComponentsSnapshot {
        components = List.copyOf(components);
    }
}
