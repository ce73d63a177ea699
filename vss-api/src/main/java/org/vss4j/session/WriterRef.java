package org.vss4j.session;

import java.util.UUID;

/**
 * A writer instance taking part in a backup.
 *
 * @param instanceId the writer instance
 * @param writerId   the writer class
 * @param name       the writer's name
 */
public record WriterRef(UUID instanceId, UUID writerId, String name) {

    @Override
    public String toString() {
        return "'" + name + "' (" + writerId + ", instance " + instanceId + ")";
    }
}
