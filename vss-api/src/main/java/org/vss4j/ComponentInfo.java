package org.vss4j;

import java.util.Set;

/**
 * A copy of {@code VSS_COMPONENTINFO} (vsbackup.h) as {@code IVssWMComponent::GetComponentInfo} returns
 * it: the component's description and how many file sets and dependencies {@code GetFile}, {@code GetDatabaseFile},
 * {@code GetDatabaseLogFile} and {@code GetDependency} index.
 *
 * @param type                   database or file group
 * @param logicalPath            the logical path (may be null or empty)
 * @param componentName          the name
 * @param caption                the display name, or null
 * @param icon                   the icon bytes ({@link ComponentIcon#NONE} when none)
 * @param restoreMetadata        whether the component asks for restore metadata
 * @param notifyOnBackupComplete whether the writer wants the backup result
 * @param selectable             whether the component may be selected for backup
 * @param selectableForRestore   whether it may be selected for restore
 * @param componentFlagsMask     the raw {@code VSS_COMPONENT_FLAGS} mask
 * @param fileCount              file sets of a file group ({@code cFileCount})
 * @param databaseCount          database file sets ({@code cDatabases})
 * @param logFileCount           database log file sets ({@code cLogFiles})
 * @param dependencyCount        dependencies ({@code cDependencies})
 */
public record ComponentInfo(ComponentType type, String logicalPath, String componentName, String caption,
        ComponentIcon icon, boolean restoreMetadata, boolean notifyOnBackupComplete, boolean selectable,
        boolean selectableForRestore, int componentFlagsMask, int fileCount, int databaseCount, int logFileCount,
        int dependencyCount) {

    /** The single-bit flags of {@link #componentFlagsMask()}. */
    public Set<ComponentFlag> componentFlags() {
        return ComponentFlag.fromMask(componentFlagsMask);
    }
}
