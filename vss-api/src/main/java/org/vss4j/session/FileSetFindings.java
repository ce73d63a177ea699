package org.vss4j.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.vss4j.files.DirectoryEntry;

/**
 * What the walks of several file sets found, told to each file set as its own walk would have: paths relative to its
 * own start, file set after file set in their order ({@link FileListBuilder#addComponentFiles}), each in walk order.
 * A depth-first walk restricted to the subtree of a file set's start visits that subtree in the order its own walk
 * would. What the first file set still to be told finds is told at once, while its walk runs; what a later one finds
 * is kept until every file set before it was told: so a single file set, or the first of many, is streamed, not kept
 * (a million files need not be held twice).
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

    /** What to do for one file set, in its turn: report why it is not walked, or tell it what its walk found. */
    private sealed interface Task permits Report, Tell {
    }

    private record Report(Runnable report) implements Task {
    }

    private record Tell(String start, FileListBuilder.Found to) implements Task {
    }

    private final List<List<Finding>> found;
    private final Task[] tasks;
    /** Whether the walk that reaches each file set's start ended: it finds nothing more. */
    private final boolean[] walked;
    /** The first file set not told everything yet. */
    private int next;

    FileSetFindings(int fileSets) {
        found = new ArrayList<>(fileSets);
        for (int i = 0; i < fileSets; i++) {
            found.add(null);
        }
        tasks = new Task[fileSets];
        walked = new boolean[fileSets];
    }

    /** File set {@code fileSet} is not walked: in its turn, {@code report} says why. */
    void report(int fileSet, Runnable report) {
        tasks[fileSet] = new Report(report);
    }

    /** File set {@code fileSet}, which starts at {@code start}, is told what its walk finds by {@code to}. */
    void tellTo(int fileSet, String start, FileListBuilder.Found to) {
        tasks[fileSet] = new Tell(start, to);
    }

    /**
     * The walk that reached the starts of {@code fileSets} ended. Then each file set whose turn came is done: its
     * report made, or what was kept of its walk told; up to the first one whose walk is still to come.
     */
    void walkEnded(List<Integer> fileSets) {
        fileSets.forEach(id -> walked[id] = true);
        advance();
    }

    /** Every walk ended: every file set not done yet is done, in its order. */
    void allWalksEnded() {
        java.util.Arrays.fill(walked, true);
        advance();
    }

    private void advance() {
        while (next < tasks.length) {
            Task t = tasks[next];
            if (t instanceof Report r) {
                r.report().run();
            } else if (t instanceof Tell tell) {
                tellKept(next, tell);
                if (!walked[next]) {
                    // Its walk is still to come: what it finds is told at once (add).
                    return;
                }
            }
            next++;
        }
    }

    private void add(int fileSet, Finding f) {
        if (fileSet == next && tasks[fileSet] instanceof Tell tell) {
            tell(f, tell);
            return;
        }
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

    /** Tells file set {@code fileSet} what was kept of its walk, in walk order. */
    private void tellKept(int fileSet, Tell to) {
        List<Finding> l = found.get(fileSet);
        if (l == null) {
            return;
        }
        found.set(fileSet, null);
        for (Finding f : l) {
            tell(f, to);
        }
    }

    /** Tells one finding, with paths relative to the file set's start. */
    private static void tell(Finding f, Tell tell) {
        String start = tell.start();
        FileListBuilder.Found to = tell.to();
        if (f instanceof Entry e) {
            to.entry(below(start, e.dir()), e.host(), e.e(), e.kind());
        } else if (f instanceof NotTaken n) {
            to.notTaken(below(start, n.dir()), n.name(), n.reason(), n.isDirectory(), n.unnamable());
        } else if (f instanceof Unlistable u) {
            String relative = below(start, u.path());
            to.notTaken(PathRules.parent(relative), PathRules.name(relative), u.reason(), true, false);
        }
    }

    /** {@code path}, at or below {@code start}, relative to it. */
    private static String below(String start, String path) {
        if (start.isEmpty()) {
            return path;
        }
        return path.length() == start.length() ? "" : path.substring(start.length() + 1);
    }
}
