package org.vss4j;

import java.util.UUID;

/**
 * A component's dependency on another writer's component ({@code IVssWMDependency}).
 *
 * @param writerId      the class id of the writer that owns the component depended on
 * @param logicalPath   its logical path (may be empty or null)
 * @param componentName its name
 */
public record ComponentDependency(UUID writerId, String logicalPath, String componentName) {
}
