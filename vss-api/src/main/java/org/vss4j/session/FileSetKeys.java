package org.vss4j.session;

import org.vss4j.FileSet;

/**
 * How the session compares the file sets of writers' metadata and of the caller's requests: same path (without case
 * and without a trailing backslash, as Windows paths compare), same file spec (without case) and same recursion
 * (Microsoft docs, "IVssExamineWriterMetadata::GetAlternateLocationMapping", "IVssBackupComponents::AddNewTarget":
 * a file set is named by the three).
 */
final class FileSetKeys {

    private FileSetKeys() {
    }

    /** Whether {@code f} is the file set {@code path\filespec} with {@code recursive}. */
    static boolean same(FileSet f, String path, String filespec, boolean recursive) {
        return withoutTrailingBackslash(f.path()).equalsIgnoreCase(withoutTrailingBackslash(path))
                && f.filespec().equalsIgnoreCase(filespec) && f.recursive() == recursive;
    }

    /** Whether {@code a} and {@code b} name the same file set. */
    static boolean same(FileSet a, FileSet b) {
        return same(a, b.path(), b.filespec(), b.recursive());
    }

    /** {@code p} without one trailing backslash; case is kept. */
    static String withoutTrailingBackslash(String p) {
        return p.endsWith("\\") ? p.substring(0, p.length() - 1) : p;
    }

    /** {@code path\filespec}, with " (recursive)" for a recursive file set: how messages name it. */
    static String describe(FileSet f) {
        return f.path() + "\\" + f.filespec() + (f.recursive() ? " (recursive)" : "");
    }
}
