package org.vss4j.session;

import java.util.UUID;

/**
 * A component's backup stamp from an earlier backup ({@code IVssComponent::GetBackupStamp}).
 *
 * @param writerId    the writer class
 * @param logicalPath the component's logical path, {@code ""} for none
 * @param name        the component's name
 * @param stamp       the writer's stamp
 */
public record ComponentStamp(UUID writerId, String logicalPath, String name, String stamp) {

    public ComponentStamp {
        logicalPath = logicalPath == null ? "" : logicalPath;
    }

    boolean isFor(ComponentRef c) {
        return writerId.equals(c.writer().writerId()) && logicalPath.equalsIgnoreCase(c.logicalPath())
                && name.equalsIgnoreCase(c.name());
    }
}
