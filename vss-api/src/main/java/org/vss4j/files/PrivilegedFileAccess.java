package org.vss4j.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.vss4j.com.Exports;
import org.vss4j.spi.NativeProviders;
import org.vss4j.spi.VssNativeProvider;
import org.vss4j.spi.WindowsNativeProvider;

/**
 * Reading and restoring files with Windows backup semantics, one implementation per platform: on Windows and on the
 * simulator ({@link Win32PrivilegedFileAccess}) files are opened with {@code FILE_FLAG_BACKUP_SEMANTICS}, so with
 * SeBackupPrivilege (SeRestorePrivilege) enabled the system grants read (write) access whatever the file's ACL says
 * (Microsoft docs, "Privilege Constants", "CreateFileW function"); security descriptors and alternate data streams are
 * read and written in the {@code BackupRead} stream format. Elsewhere ({@link NioFileAccess}) only data, times and
 * attributes are available, and {@link #backupSemantics()} says so. docs/backup-semantics.md has the whole rule.
 */
public interface PrivilegedFileAccess {

    /** The privilege that lets a backup read any file. */
    String SE_BACKUP = "SeBackupPrivilege";
    /** The privilege that lets a restore write any file, its owner and security descriptor too. */
    String SE_RESTORE = "SeRestorePrivilege";

    /**
     * The access of this host: Win32 when a native provider (Windows or the simulator) is available, java.nio
     * otherwise.
     *
     * @return the access
     */
    static PrivilegedFileAccess current() {
        VssNativeProvider provider;
        try {
            provider = NativeProviders.current();
        } catch (RuntimeException | LinkageError e) {
            return new NioFileAccess("no Windows or simulated kernel32 (" + e.getMessage() + ")");
        }
        String id = provider.id();
        if (!id.equals(WindowsNativeProvider.ID) && !id.equals(NativeProviders.SIMULATOR_ID)) {
            return new NioFileAccess("the native provider '" + id + "' is neither Windows nor the simulator");
        }
        return new Win32PrivilegedFileAccess(Exports.current());
    }

    /**
     * Whether files are opened with backup semantics and carry security descriptors and alternate data streams.
     *
     * @return true on Windows and on the simulator
     */
    boolean backupSemantics();

    /**
     * What this access is, for messages ({@code "java.nio only: ..."}).
     *
     * @return a short description
     */
    String description();

    /**
     * Enables {@code privilege} in the process token.
     *
     * @param privilege {@link #SE_BACKUP} or {@link #SE_RESTORE}
     * @throws PrivilegeNotHeldException if the token does not hold it
     * @throws IOException if a call fails (named with its Win32 error), or backup semantics are not available
     */
    void enablePrivilege(String privilege) throws IOException;

    /**
     * Enables {@code privilege} in the process token until the returned scope is closed, which puts back its previous
     * state (disabled again, unless it was enabled before).
     *
     * @param privilege {@link #SE_BACKUP} or {@link #SE_RESTORE}
     * @return the scope; close it when the work that needs the privilege is done
     * @throws PrivilegeNotHeldException if the token does not hold it (nothing was changed)
     * @throws IOException if a call fails (named with its Win32 error), or backup semantics are not available
     */
    PrivilegeScope enableScoped(String privilege) throws IOException;

    /**
     * A file's size (its end of file), read where backup semantics apply from a handle opened with them.
     *
     * @param file the file (in a shadow copy)
     * @return its size in bytes
     * @throws IOException if it cannot be read ({@link java.nio.file.AccessDeniedException} when denied)
     */
    long size(Path file) throws IOException;

    /**
     * A file's data, opened for backup; a reparse point is opened itself, never followed.
     *
     * @param file the file (in a shadow copy)
     * @return its data; closing it closes the file
     * @throws IOException if it cannot be opened ({@link java.nio.file.AccessDeniedException} when denied)
     */
    default InputStream openData(Path file) throws IOException {
        return openData(file, 0);
    }

    /**
     * A file's data, opened for backup. A file that is a name surrogate (a link, junction or mount point) or no
     * reparse point at all ({@code reparseTag} 0) is opened with {@code FILE_FLAG_OPEN_REPARSE_POINT}, so a link is
     * never followed, even one that appeared since the file was listed. A data-carrying reparse point (deduplicated,
     * WOF-compressed, cloud file) is opened without it, so its file-system filter supplies the data: opened as the
     * reparse point itself it would read as its stub ("Reparse Points and File Operations").
     *
     * @param file       the file (in a shadow copy)
     * @param reparseTag its reparse tag as listed ({@link ReparseTag}), 0 if none
     * @return its data; closing it closes the file
     * @throws IOException if it cannot be opened ({@link java.nio.file.AccessDeniedException} when denied)
     */
    InputStream openData(Path file, int reparseTag) throws IOException;

    /**
     * A file's streams as {@code BackupRead} returns them with {@code bProcessSecurity} TRUE: data, security
     * descriptor, alternate data streams ...
     *
     * @param file the file (in a shadow copy)
     * @return the reader; closing it frees the BackupRead context and closes the file
     * @throws IOException if the file cannot be opened
     * @throws UnsupportedOperationException if {@link #backupSemantics()} is false
     */
    default BackupStreamReader openStreams(Path file) throws IOException {
        return openStreams(file, 0);
    }

    /**
     * As {@link #openStreams(Path)}, opened as {@link #openData(Path, int)} opens the file.
     *
     * @param file       the file (in a shadow copy)
     * @param reparseTag its reparse tag as listed, 0 if none
     * @return the reader; closing it frees the BackupRead context and closes the file
     * @throws IOException if the file cannot be opened
     * @throws UnsupportedOperationException if {@link #backupSemantics()} is false
     */
    BackupStreamReader openStreams(Path file, int reparseTag) throws IOException;

    /**
     * Opens {@code file} once for its backup: size, times and attributes, streams and data
     * ({@link BackupFile}). By default each of them opens the file anew, as the methods above do.
     *
     * @param file       the file (in a shadow copy)
     * @param reparseTag its reparse tag as listed, 0 if none (as {@link #openData(Path, int)} takes it)
     * @return the opened file; close it when its data is read
     * @throws IOException if it cannot be opened ({@link java.nio.file.AccessDeniedException} when denied)
     */
    default BackupFile openForBackup(Path file, int reparseTag) throws IOException {
        return new SeparateOpens(this, file, reparseTag);
    }

    /**
     * The file's times and attributes.
     *
     * @param file the file
     * @return its basic information
     * @throws IOException if it cannot be read
     */
    FileBasicInformation basicInformation(Path file) throws IOException;

    /**
     * Writes streams in the {@code BackupRead} format (security descriptor, alternate data streams) into the existing
     * {@code file} with {@code BackupWrite}, {@code bProcessSecurity} TRUE.
     *
     * @param file    the restored file
     * @param streams the streams' bytes
     * @throws IOException if the file cannot be opened or a stream cannot be written
     * @throws UnsupportedOperationException if {@link #backupSemantics()} is false
     */
    void restoreStreams(Path file, InputStream streams) throws IOException;

    /**
     * Sets the file's times (null: left as they are) and attributes (0: left as they are).
     *
     * @param file the file
     * @param info the times and attributes; its change time is ignored
     * @throws IOException if they cannot be set
     */
    void setBasicInformation(Path file, FileBasicInformation info) throws IOException;

    /**
     * Renames {@code source} to {@code target} in one step, replacing a file {@code target} (never a directory). On
     * Windows (and the simulator) that is {@code MoveFileExW} with {@code MOVEFILE_REPLACE_EXISTING}, which fails
     * with {@code ERROR_ACCESS_DENIED} when {@code target} is read-only; clear its READONLY attribute first.
     *
     * @param source the file renamed
     * @param target its new name, replaced if it is a file
     * @throws IOException if it cannot be renamed ({@link java.nio.file.AccessDeniedException} when denied)
     */
    default void replace(Path source, Path target) throws IOException {
        java.nio.file.Files.move(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
