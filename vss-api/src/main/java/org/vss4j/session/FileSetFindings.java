package org.vss4j.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.vss4j.files.DirectoryEntry;

/**
 * What one walk of several file sets found, kept per file set in walk order ({@link FileListBuilder#addComponentFiles})
 * and told to each file set afterwards as its own walk would have: paths relative to its own start. A depth-first
 * walk restricted to the subtree of a file set's start visits that subtree in the order its own walk would.
 */
final class FileSetFindings {

    private sealed interface Finding permits Entry, NotTaken, Unlistable {
    }

    private record Entry(String dir, Path host, DirectoryEntry e, ItemKind kind) implements Finding {
    }

    private record NotTaken(String dir, String name, String reason, boolean isDirectory, boolean unnamable)
            implements Finding {
    }

    private record Unlistable(String path, String reason) implements Finding {
    }

    /** The recursive file sets started above a directory, nearest first. */
    record Above(FileSetGroup group, Above next) {
    }

    private final List<List<Finding>> found;

    FileSetFindings(int fileSets) {
        found = new ArrayList<>(fileSets);
        for (int i = 0; i < fileSets; i++) {
            found.add(null);
        }
    }

    private void add(int fileSet, Finding f) {
        List<Finding> l = found.get(fileSet);
        if (l == null) {
            l = new ArrayList<>();
            found.set(fileSet, l);
        }
        l.add(f);
    }

    /**
     * The visit of a directory: the file sets of {@code here} (null if none starts there) and the recursive ones of
     * {@code above}; {@code groupAt} gives the file sets that start at a relative path, or null.
     */
    FileListBuilder.Visit visit(Above above, FileSetGroup here, Function<String, FileSetGroup> groupAt) {
        return new FileListBuilder.Visit() {
            @Override
            public boolean recursive() {
                return above != null || here != null && here.hasRecursive();
            }

            @Override
            public FileListBuilder.Visit below(String relative) {
                return visit(here != null && here.hasRecursive() ? new Above(here, above) : above,
                        groupAt.apply(relative), groupAt);
            }

            @Override
            public void unlistable(String relative, String reason) {
                Finding f = new Unlistable(relative, reason);
                if (here != null) {
                    here.allIds.forEach(id -> add(id, f));
                }
                for (Above a = above; a != null; a = a.next()) {
                    a.group().recursiveIds.forEach(id -> add(id, f));
                }
            }

            @Override
            public void entry(String relativeDir, Path host, DirectoryEntry e, ItemKind kind) {
                Finding f = new Entry(relativeDir, host, e, kind);
                matching(e.name(), e.isDirectory(), id -> add(id, f));
            }

            @Override
            public void notTaken(String relativeDir, String name, String reason, boolean isDirectory,
                    boolean unnamable) {
                Finding f = new NotTaken(relativeDir, name, reason, isDirectory, unnamable);
                if (!isDirectory) {
                    matching(name, false, id -> add(id, f));
                    return;
                }
                // A directory that is not taken is every recursive file set's, whatever its filespec.
                if (here != null) {
                    here.recursiveIds.forEach(id -> add(id, f));
                }
                for (Above a = above; a != null; a = a.next()) {
                    a.group().recursiveIds.forEach(id -> add(id, f));
                }
            }

            /** Non-recursive file sets name files only: a directory entry goes to the recursive ones. */
            private void matching(String name, boolean isDirectory, IntConsumer to) {
                if (here != null) {
                    here.recursive.forEachMatch(name, to);
                    if (!isDirectory) {
                        here.flat.forEachMatch(name, to);
                    }
                }
                for (Above a = above; a != null; a = a.next()) {
                    a.group().recursive.forEachMatch(name, to);
                }
            }
        };
    }

    /** Tells file set {@code fileSet}, which starts at {@code start}, what it found, in walk order. */
    void replay(int fileSet, String start, FileListBuilder.Found to) {
        List<Finding> l = found.get(fileSet);
        if (l == null) {
            return;
        }
        for (Finding f : l) {
            if (f instanceof Entry e) {
                to.entry(below(start, e.dir()), e.host(), e.e(), e.kind());
            } else if (f instanceof NotTaken n) {
                to.notTaken(below(start, n.dir()), n.name(), n.reason(), n.isDirectory(), n.unnamable());
            } else if (f instanceof Unlistable u) {
                String relative = below(start, u.path());
                to.notTaken(PathRules.parent(relative), PathRules.name(relative), u.reason(), true, false);
            }
        }
        found.set(fileSet, null);
    }

    /** {@code path}, at or below {@code start}, relative to it. */
    private static String below(String start, String path) {
        if (start.isEmpty()) {
            return path;
        }
        return path.length() == start.length() ? "" : path.substring(start.length() + 1);
    }
}
