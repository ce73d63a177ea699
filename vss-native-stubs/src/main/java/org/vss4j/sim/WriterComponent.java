package org.vss4j.sim;

import java.util.ArrayList;
import java.util.List;
import org.vss4j.ComponentType;

/**
 * A component a writer declares in its metadata: type, logical path, name, caption, selectability and its files
 * (file group files, or database and log files).
 */
public record WriterComponent(ComponentType type, String logicalPath, String name, String caption,
        boolean selectable, boolean selectableForRestore, List<FileSpec> files, List<FileSpec> databaseFiles,
        List<FileSpec> logFiles, List<String> dependencies) {

    public WriterComponent {
        files = List.copyOf(files);
        databaseFiles = List.copyOf(databaseFiles);
        logFiles = List.copyOf(logFiles);
        dependencies = List.copyOf(dependencies);
    }

    /** A selectable file-group component with no files yet. */
    public static WriterComponent fileGroup(String logicalPath, String name) {
        return new WriterComponent(ComponentType.FILEGROUP, logicalPath, name, name, true, true, List.of(), List.of(),
                List.of(), List.of());
    }

    /** A selectable database component with no files yet. */
    public static WriterComponent database(String logicalPath, String name) {
        return new WriterComponent(ComponentType.DATABASE, logicalPath, name, name, true, true, List.of(), List.of(),
                List.of(), List.of());
    }

    public WriterComponent withCaption(String c) {
        return new WriterComponent(type, logicalPath, name, c, selectable, selectableForRestore, files, databaseFiles,
                logFiles, dependencies);
    }

    public WriterComponent withSelectable(boolean s) {
        return new WriterComponent(type, logicalPath, name, caption, s, selectableForRestore, files, databaseFiles,
                logFiles, dependencies);
    }

    public WriterComponent withFile(FileSpec f) {
        return new WriterComponent(type, logicalPath, name, caption, selectable, selectableForRestore, plus(files, f),
                databaseFiles, logFiles, dependencies);
    }

    public WriterComponent withDatabaseFile(FileSpec f) {
        return new WriterComponent(type, logicalPath, name, caption, selectable, selectableForRestore, files,
                plus(databaseFiles, f), logFiles, dependencies);
    }

    public WriterComponent withLogFile(FileSpec f) {
        return new WriterComponent(type, logicalPath, name, caption, selectable, selectableForRestore, files,
                databaseFiles, plus(logFiles, f), dependencies);
    }

    /** A dependency on another writer's component, written {@code {writerClassId}:\logical\path\name}. */
    public WriterComponent withDependency(String onComponent) {
        return new WriterComponent(type, logicalPath, name, caption, selectable, selectableForRestore, files,
                databaseFiles, logFiles, plus(dependencies, onComponent));
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
