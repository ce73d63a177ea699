package org.vss4j.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.vss4j.ComponentIcon;
import org.vss4j.ComponentType;

/**
 * A component a writer declares in its metadata: type, logical path, name, caption, icon, the flags of
 * {@code VSS_COMPONENTINFO} (restore metadata, notify on backup complete, selectability, {@code VSS_COMPONENT_FLAGS}),
 * its files (file group files, or database and log files) and its dependencies on other writers' components.
 *
 * <p>Logical paths make component sets (Microsoft "Working with Selectability and Logical Paths"): a component whose
 * logical path is another component's {@link #fullPath()} (or starts with it followed by a backslash) is a
 * subcomponent of it; a selectable component with subcomponents is the root of a component set.
 */
public record WriterComponent(ComponentType type, String logicalPath, String name, String caption,
        ComponentIcon icon, boolean restoreMetadata, boolean notifyOnBackupComplete, boolean selectable,
        boolean selectableForRestore, int componentFlags, List<FileSpec> files, List<FileSpec> databaseFiles,
        List<FileSpec> logFiles, List<SimulatedComponentDependency> dependencies) {

    /**
     * A component; a null logical path is the root's ({@code ""}), a null icon {@link ComponentIcon#NONE}, and the
     * lists are copied.
     *
     * @param type file group or database ({@code VSS_COMPONENT_TYPE})
     * @param logicalPath the logical path, null or {@code ""} at the root
     * @param name the component's name
     * @param caption the caption shown to users, or null
     * @param icon the icon, or null for none
     * @param restoreMetadata whether the component has restore metadata
     * @param notifyOnBackupComplete whether the writer wants BackupComplete even when the component was not backed up
     * @param selectable whether the component is selectable for backup
     * @param selectableForRestore whether it is selectable for restore
     * @param componentFlags the {@code VSS_COMPONENT_FLAGS} mask
     * @param files the file group's files
     * @param databaseFiles a database's files
     * @param logFiles a database's log files
     * @param dependencies the components of other writers it depends on
     */
    public WriterComponent {
        logicalPath = logicalPath == null ? "" : logicalPath;
        icon = icon == null ? ComponentIcon.NONE : icon;
        files = List.copyOf(files);
        databaseFiles = List.copyOf(databaseFiles);
        logFiles = List.copyOf(logFiles);
        dependencies = List.copyOf(dependencies);
    }

    /**
     * A selectable file-group component with no files yet.
     *
     * @param logicalPath the component's logical path, {@code ""} or null at the root
     * @param name the component's name
     * @return the component
     */
    public static WriterComponent fileGroup(String logicalPath, String name) {
        return of(ComponentType.FILEGROUP, logicalPath, name);
    }

    /**
     * A selectable database component with no files yet.
     *
     * @param logicalPath the component's logical path, {@code ""} or null at the root
     * @param name the component's name
     * @return the component
     */
    public static WriterComponent database(String logicalPath, String name) {
        return of(ComponentType.DATABASE, logicalPath, name);
    }

    private static WriterComponent of(ComponentType type, String logicalPath, String name) {
        return new WriterComponent(type, logicalPath, name, name, ComponentIcon.NONE, false, false, true, true, 0,
                List.of(), List.of(), List.of(), List.of());
    }

    /**
     * This component with the caption {@code c} ({@code AddComponent}'s {@code wszCaption}).
     *
     * @param c the caption, or null for none
     * @return a copy of this component with the caption
     */
    public WriterComponent withCaption(String c) {
        return new WriterComponent(type, logicalPath, name, c, icon, restoreMetadata, notifyOnBackupComplete,
                selectable, selectableForRestore, componentFlags, files, databaseFiles, logFiles, dependencies);
    }

    /**
     * This component with an icon ({@code AddComponent}'s {@code pbIcon}).
     *
     * @param bytes the icon's bytes, or null for none
     * @return a copy of this component with the icon
     */
    public WriterComponent withIcon(byte[] bytes) {
        return new WriterComponent(type, logicalPath, name, caption, ComponentIcon.of(bytes), restoreMetadata,
                notifyOnBackupComplete, selectable, selectableForRestore, componentFlags, files, databaseFiles,
                logFiles, dependencies);
    }

    /**
     * The {@code bRestoreMetadata} and {@code bNotifyOnBackupComplete} flags of {@code AddComponent}.
     *
     * @param restoreMeta whether the component has restore metadata
     * @param notifyOnComplete whether the writer wants BackupComplete even when the component was not backed up
     * @return a copy of this component with the flags
     */
    public WriterComponent withNotifications(boolean restoreMeta, boolean notifyOnComplete) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMeta, notifyOnComplete, selectable,
                selectableForRestore, componentFlags, files, databaseFiles, logFiles, dependencies);
    }

    /**
     * This component, selectable for backup or not ({@code AddComponent}'s {@code bSelectable}).
     *
     * @param s whether it is selectable for backup
     * @return a copy of this component with the flag
     */
    public WriterComponent withSelectable(boolean s) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMetadata, notifyOnBackupComplete, s,
                selectableForRestore, componentFlags, files, databaseFiles, logFiles, dependencies);
    }

    /**
     * This component, selectable for restore or not ({@code AddComponent}'s {@code bSelectableForRestore}).
     *
     * @param s whether it is selectable for restore
     * @return a copy of this component with the flag
     */
    public WriterComponent withSelectableForRestore(boolean s) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMetadata, notifyOnBackupComplete,
                selectable, s, componentFlags, files, databaseFiles, logFiles, dependencies);
    }

    /**
     * The {@code VSS_COMPONENT_FLAGS} mask ({@link org.vss4j.ComponentFlag}).
     *
     * @param mask the flags
     * @return a copy of this component with the flags
     */
    public WriterComponent withComponentFlags(int mask) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMetadata, notifyOnBackupComplete,
                selectable, selectableForRestore, mask, files, databaseFiles, logFiles, dependencies);
    }

    /**
     * This component with one more file group file ({@code AddFilesToFileGroup}).
     *
     * @param f the files
     * @return a copy of this component with {@code f} after its other files
     */
    public WriterComponent withFile(FileSpec f) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMetadata, notifyOnBackupComplete,
                selectable, selectableForRestore, componentFlags, plus(files, f), databaseFiles, logFiles,
                dependencies);
    }

    /**
     * This component with one more database file ({@code AddDatabaseFiles}).
     *
     * @param f the files
     * @return a copy of this component with {@code f} after its other database files
     */
    public WriterComponent withDatabaseFile(FileSpec f) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMetadata, notifyOnBackupComplete,
                selectable, selectableForRestore, componentFlags, files, plus(databaseFiles, f), logFiles,
                dependencies);
    }

    /**
     * This component with one more database log file ({@code AddDatabaseLogFiles}).
     *
     * @param f the files
     * @return a copy of this component with {@code f} after its other log files
     */
    public WriterComponent withLogFile(FileSpec f) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMetadata, notifyOnBackupComplete,
                selectable, selectableForRestore, componentFlags, files, databaseFiles, plus(logFiles, f),
                dependencies);
    }

    /**
     * {@code AddComponentDependency} for this component: it depends on another writer's component.
     *
     * @param onWriterId the class id of the writer of the component depended on
     * @param onLogicalPath that component's logical path
     * @param onComponentName that component's name
     * @return a copy of this component with the dependency after its others
     */
    public WriterComponent withDependency(UUID onWriterId, String onLogicalPath, String onComponentName) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMetadata, notifyOnBackupComplete,
                selectable, selectableForRestore, componentFlags, files, databaseFiles, logFiles,
                plus(dependencies, new SimulatedComponentDependency(onWriterId, onLogicalPath, onComponentName)));
    }

    /**
     * The logical path of this component's subcomponents: {@code logicalPath\name}, or {@code name} at the root.
     *
     * @return the path, backslash separated
     */
    public String fullPath() {
        return logicalPath.isEmpty() ? name : logicalPath + "\\" + name;
    }

    /**
     * Whether {@code other} lies under this component's logical path (a member of its component set).
     *
     * @param other a component of the same writer
     * @return true if {@code other}'s logical path is this component's full path or lies below it (ignoring case)
     */
    public boolean contains(WriterComponent other) {
        String path = other.logicalPath().toLowerCase(Locale.ROOT);
        String mine = fullPath().toLowerCase(Locale.ROOT);
        return path.equals(mine) || path.startsWith(mine + "\\");
    }

    /**
     * All file sets of the component.
     *
     * @return the number of file group, database and log file specifications
     */
    public int fileCount() {
        return files.size() + databaseFiles.size() + logFiles.size();
    }

    private static <T> List<T> plus(List<T> l, T t) {
        List<T> out = new ArrayList<>(l);
        out.add(t);
        return out;
    }
}
