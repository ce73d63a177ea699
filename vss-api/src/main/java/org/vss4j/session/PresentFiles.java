package org.vss4j.session;

import java.nio.file.Path;
import java.util.List;
import org.vss4j.FileSet;
import org.vss4j.RestoreMethod;
import org.vss4j.com.Win32Error;
import org.vss4j.files.DirectoryEntry;
import org.vss4j.files.DirectoryLister;
import org.vss4j.files.DirectoryListingException;

/**
 * {@code VSS_RME_RESTORE_IF_NOT_THERE} is a rule for the whole component: "if a version of any file managed by a
 * selected component ... is currently on the disk, none of the files managed by the selected component ... should be
 * restored" (Microsoft docs, "VSS_RESTOREMETHOD_ENUM"). After PreRestore (the writer may have removed its files in
 * OnPreRestore) the session looks for such a file at the original location of every {@code COPY_IF_NOT_THERE} item
 * with {@code FindFirstFileW} ({@link DirectoryLister}, as the backup lists files) and, if it finds one, makes the
 * whole component not restored. So {@code COPY_IF_NOT_THERE} reaches the caller only when no file is there.
 */
final class PresentFiles {

    private PresentFiles() {
    }

    /** The items of a component: unchanged if none of its COPY_IF_NOT_THERE file sets has a file on disk. */
    static List<RestoreItem> ifNotThere(List<RestoreItem> items) {
        for (RestoreItem item : items) {
            if (item.action() != RestoreItem.Action.COPY_IF_NOT_THERE) {
                continue;
            }
            String why;
            String cannotTell = "cannot tell whether files of the component are present for restore method "
                    + RestoreMethod.RESTORE_IF_NOT_THERE.nativeName() + ": ";
            if (item.target().indexOf('%') >= 0) {
                // The session does not expand a writer's environment variables here: a path with one would always
                // look empty.
                why = cannotTell + item.target() + " holds environment variables";
            } else {
                try {
                    String found = firstFile(item.files(), item.target());
                    why = found == null ? null : "files of the component are present (" + found + ") and its "
                            + "restore method is " + RestoreMethod.RESTORE_IF_NOT_THERE.nativeName();
                } catch (DirectoryListingException e) {
                    why = cannotTell + "FindFirstFileW on " + e.directory() + " failed with "
                            + Win32Error.describe(e.win32Error());
                } catch (IllegalArgumentException e) {
                    // No path of this platform, or a file spec that names no file (UnresolvablePathException).
                    why = cannotTell + e.getMessage();
                }
            }
            if (why != null) {
                String reason = why;
                return items.stream().map(i -> i.toCopy() ? i.notRestored(reason) : i).toList();
            }
        }
        return items;
    }

    /** The first file of {@code files} under {@code directory}, or null; a missing directory holds none. */
    private static String firstFile(FileSet files, String directory) throws DirectoryListingException {
        FileSpecPattern spec = FileSpecPattern.of(files.filespec());
        List<DirectoryEntry> entries;
        try {
            entries = DirectoryLister.list(Path.of(directory));
        } catch (DirectoryListingException e) {
            if (e.win32Error() == Win32Error.ERROR_PATH_NOT_FOUND || e.win32Error() == Win32Error.ERROR_FILE_NOT_FOUND) {
                return null;
            }
            throw e;
        }
        String dir = FileSetKeys.withoutTrailingBackslash(directory);
        for (DirectoryEntry e : entries) {
            if (!e.isDirectory() && spec.matches(e.name())) {
                return dir + "\\" + e.name();
            }
        }
        if (files.recursive()) {
            for (DirectoryEntry e : entries) {
                if (e.isDirectory() && !e.isReparsePoint()) {
                    String found = firstFile(files, dir + "\\" + e.name());
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }
}
