package org.vss4j.session;

import org.vss4j.ComponentType;

/**
 * A writer component, named as the Backup Components Document names it: writer, type, logical path and name.
 *
 * @param writer      the writer instance that declares it
 * @param type        database or file group
 * @param logicalPath the logical path, {@code ""} for none
 * @param name        the component name
 */
public record ComponentRef(WriterRef writer, ComponentType type, String logicalPath, String name) {

    public ComponentRef {
        logicalPath = logicalPath == null ? "" : logicalPath;
    }

    /** {@code logicalPath\name}, or {@code name} when there is no logical path. */
    public String fullPath() {
        return logicalPath.isEmpty() ? name : logicalPath + "\\" + name;
    }

    /** The logical path as the VSS calls take it: NULL when there is none. */
    String logicalPathOrNull() {
        return logicalPath.isEmpty() ? null : logicalPath;
    }

    @Override
    public String toString() {
        return fullPath() + " of writer " + writer;
    }
}
