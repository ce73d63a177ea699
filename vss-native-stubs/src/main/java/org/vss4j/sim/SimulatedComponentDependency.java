package org.vss4j.sim;

import java.util.UUID;

/**
 * A writer component's dependency on another writer's component, as {@code IVssCreateWriterMetadataEx::
 * AddComponentDependency(wszForLogicalPath, wszForComponentName, onWriterId, wszOnLogicalPath, wszOnComponentName)}
 * declares it: the "for" component is the {@link WriterComponent} holding this record; the "on" side names the other
 * writer's class id and the component's logical path and name ({@code IVssWMDependency::GetWriterId},
 * {@code GetLogicalPath}, {@code GetComponentName}).
 *
 * @param onWriterId      the class id of the writer that owns the component depended on
 * @param onLogicalPath   its logical path ({@code ""} for none)
 * @param onComponentName its name
 */
public record SimulatedComponentDependency(UUID onWriterId, String onLogicalPath, String onComponentName) {

    /**
     * A dependency; a null {@code onLogicalPath} is {@code ""}.
     *
     * @param onWriterId the class id of the writer that owns the component depended on
     * @param onLogicalPath its logical path ({@code ""} or null for none)
     * @param onComponentName its name
     */
    public SimulatedComponentDependency {
        onLogicalPath = onLogicalPath == null ? "" : onLogicalPath;
    }
}
