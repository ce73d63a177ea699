package org.vss4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why an I/O operation failed, in words. The JDK's file-system exceptions often carry only a path as their message
 * ({@code AccessDeniedException: /backup/x.xml}); the reason is their type or {@link FileSystemException#getReason()}.
 */
final class IoReasons {

    private IoReasons() {
    }

    static String of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "access denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a directory that is not empty is in the way";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** {@code ex}'s message; for an {@link UncheckedIOException}, followed by the reason of its cause. */
    static String messageOf(Throwable ex) {
        if (ex instanceof UncheckedIOException u && u.getCause() != null) {
            return u.getMessage() + ": " + of(u.getCause());
        }
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }
}
