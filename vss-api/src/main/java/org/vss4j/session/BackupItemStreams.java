package org.vss4j.session;

import java.io.IOException;
import java.io.InputStream;
import org.vss4j.files.BackupFile;
import org.vss4j.files.BackupStreamReader;
import org.vss4j.files.PrivilegedFileAccess;

/**
 * A {@link BackupItem}'s data and streams read from the shadow copy with backup semantics, for tools that keep their
 * own format: on Windows and on the simulator the file is opened with {@code FILE_FLAG_BACKUP_SEMANTICS} (never
 * through a reparse point), so while SeBackupPrivilege is enabled (the {@link BackupSession} enables it for its
 * lifetime, {@link BackupSessionBuilder#backupPrivilege(boolean)}) a file whose ACL denies the user is read too; elsewhere through java.nio, data only ({@link #backupSemantics()} false). docs/backup-semantics.md.
 */
public final class BackupItemStreams {

    private final PrivilegedFileAccess access;

    private BackupItemStreams(PrivilegedFileAccess access) {
        this.access = access;
    }

    /**
     * The streams of this host ({@link PrivilegedFileAccess#current()}).
     *
     * @return the streams
     */
    public static BackupItemStreams current() {
        return new BackupItemStreams(PrivilegedFileAccess.current());
    }

    /**
     * The streams through {@code access}.
     *
     * @param access the file access
     * @return the streams
     */
    public static BackupItemStreams using(PrivilegedFileAccess access) {
        return new BackupItemStreams(access);
    }

    /**
     * The file access underneath.
     *
     * @return the access
     */
    public PrivilegedFileAccess access() {
        return access;
    }

    /**
     * Whether items are read with backup semantics (and their security descriptors and alternate data streams are
     * available through {@link #openBackupStreams}).
     *
     * @return true on Windows and on the simulator
     */
    public boolean backupSemantics() {
        return access.backupSemantics();
    }

    /**
     * Enables SeBackupPrivilege in the process token, so files are read whatever their ACLs say.
     *
     * @throws org.vss4j.files.PrivilegeNotHeldException if the token does not hold it (ERROR_NOT_ALL_ASSIGNED)
     * @throws IOException if it cannot be enabled, or backup semantics are not available
     */
    public void enableBackupPrivilege() throws IOException {
        access.enablePrivilege(PrivilegedFileAccess.SE_BACKUP);
    }

    /**
     * The item's size, read as its data is ({@link PrivilegedFileAccess#size}): with backup semantics where the host
     * has them, so a file only SeBackupPrivilege lets this user read has a size too.
     *
     * @param item a file item
     * @return its size in bytes
     * @throws IOException if it cannot be read ({@link java.nio.file.AccessDeniedException} when denied)
     */
    public long size(BackupItem item) throws IOException {
        return access.size(item.inSnapshot());
    }

    /**
     * Opens the item once for its backup: its size, times and attributes, streams and data
     * ({@link PrivilegedFileAccess#openForBackup}), where the per-item methods below open it once each.
     *
     * @param item a file item
     * @return the opened file; closing it closes what it opened
     * @throws IOException if it cannot be opened ({@link java.nio.file.AccessDeniedException} when denied)
     */
    public BackupFile openForBackup(BackupItem item) throws IOException {
        return access.openForBackup(item.inSnapshot(), item.reparseTag());
    }

    /**
     * The item's data.
     *
     * @param item a file item
     * @return its data, read from the shadow copy; closing it closes the file
     * @throws IOException if it cannot be opened ({@link java.nio.file.AccessDeniedException} when denied)
     */
    public InputStream open(BackupItem item) throws IOException {
        return access.openData(item.inSnapshot(), item.reparseTag());
    }

    /**
     * The item's streams in the {@code BackupRead} format (data, security descriptor, alternate data streams ...).
     *
     * @param item a file item
     * @return the reader; closing it frees the BackupRead context and closes the file
     * @throws IOException if it cannot be opened
     * @throws UnsupportedOperationException without backup semantics
     */
    public BackupStreamReader openBackupStreams(BackupItem item) throws IOException {
        return access.openStreams(item.inSnapshot(), item.reparseTag());
    }
}
