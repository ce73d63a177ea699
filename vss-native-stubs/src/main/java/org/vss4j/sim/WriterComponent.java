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

    public WriterComponent {
        logicalPath = logicalPath == null ? "" : logicalPath;
        icon = icon == null ? ComponentIcon.NONE : icon;
        files = List.copyOf(files);
        databaseFiles = List.copyOf(databaseFiles);
        logFiles = List.copyOf(logFiles);
        dependencies = List.copyOf(dependencies);
    }

    /** A selectable file-group component with no files yet. */
    public static WriterComponent fileGroup(String logicalPath, String name) {
        return of(ComponentType.FILEGROUP, logicalPath, name);
    }

    /** A selectable database component with no files yet. */
    public static WriterComponent database(String logicalPath, String name) {
        return of(ComponentType.DATABASE, logicalPath, name);
    }

    private static WriterComponent of(ComponentType type, String logicalPath, String name) {
        return new WriterComponent(type, logicalPath, name, name, ComponentIcon.NONE, false, false, true, true, 0,
                List.of(), List.of(), List.of(), List.of());
    }

    public WriterComponent withCaption(String c) {
        return new WriterComponent(type, logicalPath, name, c, icon, restoreMetadata, notifyOnBackupComplete,
                selectable, selectableForRestore, componentFlags, files, databaseFiles, logFiles, dependencies);
    }

    public WriterComponent withIcon(byte[] bytes) {
        return new WriterComponent(type, logicalPath, name, caption, ComponentIcon.of(bytes), restoreMetadata,
                notifyOnBackupComplete, selectable, selectableForRestore, componentFlags, files, databaseFiles,
                logFiles, dependencies);
    }

    /** The {@code bRestoreMetadata} and {@code bNotifyOnBackupComplete} flags of {@code AddComponent}. */
    public WriterComponent withNotifications(boolean restoreMeta, boolean notifyOnComplete) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMeta, notifyOnComplete, selectable,
                selectableForRestore, componentFlags, files, databaseFiles, logFiles, dependencies);
    }

    public WriterComponent withSelectable(boolean s) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMetadata, notifyOnBackupComplete, s,
                selectableForRestore, componentFlags, files, databaseFiles, logFiles, dependencies);
    }

    public WriterComponent withSelectableForRestore(boolean s) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMetadata, notifyOnBackupComplete,
                selectable, s, componentFlags, files, databaseFiles, logFiles, dependencies);
    }

    /** The {@code VSS_COMPONENT_FLAGS} mask ({@link org.vss4j.ComponentFlag}). */
    public WriterComponent withComponentFlags(int mask) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMetadata, notifyOnBackupComplete,
                selectable, selectableForRestore, mask, files, databaseFiles, logFiles, dependencies);
    }

    public WriterComponent withFile(FileSpec f) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMetadata, notifyOnBackupComplete,
                selectable, selectableForRestore, componentFlags, plus(files, f), databaseFiles, logFiles,
                dependencies);
    }

    public WriterComponent withDatabaseFile(FileSpec f) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMetadata, notifyOnBackupComplete,
                selectable, selectableForRestore, componentFlags, files, plus(databaseFiles, f), logFiles,
                dependencies);
    }

    public WriterComponent withLogFile(FileSpec f) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMetadata, notifyOnBackupComplete,
                selectable, selectableForRestore, componentFlags, files, databaseFiles, plus(logFiles, f),
                dependencies);
    }

    /** {@code AddComponentDependency} for this component: it depends on another writer's component. */
    public WriterComponent withDependency(UUID onWriterId, String onLogicalPath, String onComponentName) {
        return new WriterComponent(type, logicalPath, name, caption, icon, restoreMetadata, notifyOnBackupComplete,
                selectable, selectableForRestore, componentFlags, files, databaseFiles, logFiles,
                plus(dependencies, new SimulatedComponentDependency(onWriterId, onLogicalPath, onComponentName)));
    }

    /** The logical path of this component's subcomponents: {@code logicalPath\name}, or {@code name} at the root. */
    public String fullPath() {
        return logicalPath.isEmpty() ? name : logicalPath + "\\" + name;
    }

    /** Whether {@code other} lies under this component's logical path (a member of its component set). */
    public boolean contains(WriterComponent other) {
        String path = other.logicalPath().toLowerCase(Locale.ROOT);
        String mine = fullPath().toLowerCase(Locale.ROOT);
        return path.equals(mine) || path.startsWith(mine + "\\");
    }

    /** All file sets of the component. */
    public int fileCount() {
        return files.size() + databaseFiles.size() + logFiles.size();
    }

    private static <T> List<T> plus(List<T> l, T t) {
        List<T> out = new ArrayList<>(l);
        out.add(t);
        return out;
    }
}
