package org.vss4j;

import java.util.List;
import java.util.Set;

/**
 * One component of a Writer Metadata Document, read whole: its {@code VSS_COMPONENTINFO} and every file set and
 * dependency behind it.
 *
 * @param type                   database or file group
 * @param logicalPath            the logical path (may be null or empty)
 * @param name                   the component name
 * @param caption                the display name, or null
 * @param icon                   the icon bytes ({@link ComponentIcon#NONE} when none)
 * @param restoreMetadata        whether the component asks for restore metadata
 * @param notifyOnBackupComplete whether the writer wants the backup result
 * @param selectable             whether the component may be selected for backup
 * @param selectableForRestore   whether it may be selected for restore
 * @param componentFlagsMask     the raw {@code VSS_COMPONENT_FLAGS} mask
 * @param files                  the file sets of a file group
 * @param databaseFiles          the database files of a database
 * @param logFiles               the database log files of a database
 * @param dependencies           the components of other writers it depends on
 */
public record WriterComponentInfo(ComponentType type, String logicalPath, String name, String caption,
        ComponentIcon icon, boolean restoreMetadata, boolean notifyOnBackupComplete, boolean selectable,
        boolean selectableForRestore, int componentFlagsMask, List<FileSet> files, List<FileSet> databaseFiles,
        List<FileSet> logFiles, List<ComponentDependency> dependencies) {

    public WriterComponentInfo {
        files = List.copyOf(files);
        databaseFiles = List.copyOf(databaseFiles);
        logFiles = List.copyOf(logFiles);
        dependencies = List.copyOf(dependencies);
    }

    /** The single-bit flags of {@link #componentFlagsMask()}. */
    public Set<ComponentFlag> componentFlags() {
        return ComponentFlag.fromMask(componentFlagsMask);
    }
}
