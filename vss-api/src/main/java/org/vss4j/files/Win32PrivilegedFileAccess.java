package org.vss4j.files;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import org.vss4j.abi.struct.FileBasicInfo;
import org.vss4j.abi.struct.TokenPrivileges;
import org.vss4j.com.Exports;
import org.vss4j.com.FileTimes;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;

/**
 * {@link PrivilegedFileAccess} through kernel32 and advapi32 ({@link Exports}): Windows, and the simulator behind the
 * same exports. Every handle and every BackupRead/BackupWrite context it opens is released on every path: a context
 * by a last call with {@code bAbort} TRUE, "to release the memory used by the data structure" (Microsoft docs,
 * "BackupRead function", "BackupWrite function"), then the handle by {@code CloseHandle}.
 */
public final class Win32PrivilegedFileAccess implements PrivilegedFileAccess {

    /** winnt.h access rights and processthreadsapi.h/winnt.h token rights. */
    static final int GENERIC_READ = 0x80000000;
    static final int GENERIC_WRITE = 0x40000000;
    static final int WRITE_DAC = 0x00040000;
    static final int WRITE_OWNER = 0x00080000;
    static final int FILE_READ_ATTRIBUTES = 0x0080;
    static final int FILE_WRITE_ATTRIBUTES = 0x0100;
    static final int TOKEN_ADJUST_PRIVILEGES = 0x0020;
    static final int TOKEN_QUERY = 0x0008;
    /** {@code SE_PRIVILEGE_ENABLED} (winnt.h). */
    static final int SE_PRIVILEGE_ENABLED = 0x2;
    /** fileapi.h / winbase.h flags of CreateFileW. */
    static final int FILE_SHARE_READ = 0x1;
    static final int FILE_SHARE_WRITE = 0x2;
    static final int OPEN_EXISTING = 3;
    static final int FILE_FLAG_BACKUP_SEMANTICS = 0x02000000;
    static final int FILE_FLAG_SEQUENTIAL_SCAN = 0x08000000;
    static final int FILE_FLAG_OPEN_REPARSE_POINT = 0x00200000;
    /** What a backup opens with: backup semantics, sequential, never through a reparse point. */
    static final int BACKUP_FLAGS = FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_SEQUENTIAL_SCAN
            | FILE_FLAG_OPEN_REPARSE_POINT;

    /** {@code MOVEFILE_REPLACE_EXISTING} (winbase.h). */
    static final int MOVEFILE_REPLACE_EXISTING = 0x1;

    /**
     * {@code FileStandardInfo} of FILE_INFO_BY_HANDLE_CLASS (minwinbase.h) and {@code sizeof(FILE_STANDARD_INFO)} on
     * x64: LARGE_INTEGER AllocationSize, LARGE_INTEGER EndOfFile (offset 8), DWORD NumberOfLinks, BOOLEAN
     * DeletePending, BOOLEAN Directory, padded to 24 (winbase.h).
     */
    static final int FILE_STANDARD_INFO = 1;
    static final int FILE_STANDARD_INFO_SIZE = 24;

    private static final int BUFFER = IoBlock.BUFFER;
    /** {@code sizeof(FILE_BASIC_INFO)} on x64 (winbase.h). */
    static final int FILE_BASIC_INFO_SIZE = 40;
    /**
     * What {@link #openData} reads per {@code ReadFile} once a file filled its first {@link #BUFFER} and the caller
     * asks for more: 1 MiB, so a multi-GiB file costs a few thousand calls; a small file keeps the small buffer.
     */
    private static final int LARGE_FILE_BUFFER = 1 << 20;

    private final Exports x;

    /**
     * The access through {@code exports}.
     *
     * @param exports the binding's exports (Windows or the simulator)
     */
    public Win32PrivilegedFileAccess(Exports exports) {
        this.x = exports;
    }

    @Override
    public boolean backupSemantics() {
        return true;
    }

    @Override
    public String description() {
        return "Win32 backup semantics through provider '" + x.provider().id() + "'";
    }

    @Override
    public void enablePrivilege(String privilege) throws IOException {
        withPrivilege(privilege, false);
    }

    /**
     * Enables {@code privilege} with AdjustTokenPrivileges, asking for the PreviousState: "the previous state of any
     * privileges that the function modifies", which passed back as NewState undoes the change (Microsoft docs,
     * "AdjustTokenPrivileges function"; "Enabling and Disabling Privileges in C++"). A privilege that was enabled
     * already is not modified, so the scope's close leaves it enabled.
     */
    @Override
    public PrivilegeScope enableScoped(String privilege) throws IOException {
        return withPrivilege(privilege, true);
    }

    private PrivilegeScope withPrivilege(String privilege, boolean keepPrevious) throws IOException {
        PointerByReference token = new PointerByReference();
        if (!x.openProcessToken(new Pointer(Exports.CURRENT_PROCESS), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, token)) {
            throw failure("OpenProcessToken", "the process token", x.lastError());
        }
        try {
            Memory luid = new Memory(8);
            if (!x.lookupPrivilegeValue(null, Utf16.toNative(privilege), luid)) {
                throw failure("LookupPrivilegeValueW", privilege, x.lastError());
            }
            TokenPrivileges state = new TokenPrivileges();
            state.PrivilegeCount = 1;
            state.Privileges[0].Luid.LowPart = luid.getInt(0);
            state.Privileges[0].Luid.HighPart = luid.getInt(4);
            state.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
            state.write();
            // One privilege changes at most: a TOKEN_PRIVILEGES of one entry holds its previous state.
            TokenPrivileges previous = keepPrevious ? new TokenPrivileges() : null;
            IntByReference needed = new IntByReference();
            boolean ok = keepPrevious
                    ? x.adjustTokenPrivileges(token.getValue(), false, state.getPointer(), previous.size(),
                            previous.getPointer(), needed)
                    : x.adjustTokenPrivileges(token.getValue(), false, state.getPointer());
            int error = x.lastError();
            if (!ok) {
                throw failure("AdjustTokenPrivileges", privilege, error);
            }
            // TRUE is not success: the function "sets the last error to ERROR_NOT_ALL_ASSIGNED" when the token lacks
            // a privilege (Microsoft docs, "AdjustTokenPrivileges function").
            if (error == Win32Error.ERROR_NOT_ALL_ASSIGNED) {
                throw new PrivilegeNotHeldException(privilege);
            }
            if (previous == null) {
                return null;
            }
            previous.read();
            if (previous.PrivilegeCount == 0) {
                return PrivilegeScope.unchanged(privilege);
            }
            byte[] undo = previous.getPointer().getByteArray(0, previous.size());
            return new PrivilegeScope(privilege, () -> restore(privilege, undo));
        } finally {
            x.closeHandle(token.getValue());
        }
    }

    /** AdjustTokenPrivileges with the PreviousState bytes as NewState: the privilege as it was before. */
    private void restore(String privilege, byte[] previousState) throws IOException {
        PointerByReference token = new PointerByReference();
        if (!x.openProcessToken(new Pointer(Exports.CURRENT_PROCESS), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, token)) {
            throw failure("OpenProcessToken", "the process token", x.lastError());
        }
        try {
            Memory state = new Memory(previousState.length);
            state.write(0, previousState, 0, previousState.length);
            if (!x.adjustTokenPrivileges(token.getValue(), false, state)) {
                throw failure("AdjustTokenPrivileges (restoring the previous state)", privilege, x.lastError());
            }
        } finally {
            x.closeHandle(token.getValue());
        }
    }

    /**
     * Opens {@code file} for reading ({@code GENERIC_READ}, {@code FILE_SHARE_READ}, {@code flags}) with {@code io},
     * which is given back to its pool if the open fails.
     */
    Handle openForReading(Path file, int flags, IoBlock io) throws IOException {
        try {
            return open(file, GENERIC_READ, FILE_SHARE_READ, flags, io);
        } catch (IOException | RuntimeException e) {
            IoBlock.giveBack(io);
            throw e;
        }
    }

    @Override
    public InputStream openData(Path file, int reparseTag) throws IOException {
        // Taken before the handle is opened: an allocation failure after it would leak the handle.
        IoBlock io = IoBlock.take();
        Handle h = openForReading(file, backupFlags(reparseTag), io);
        return new ByteArrayReads() {
            private boolean closed;
            /** The stream's own larger buffer, once the file filled the pooled one and the caller asks for more. */
            private Memory large;
            private boolean filledOnce;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (large == null && filledOnce && len > BUFFER) {
                    // A file past the first buffer: read in larger pieces from now on, fewer ReadFile calls.
                    large = new Memory(LARGE_FILE_BUFFER);
                }
                Memory buffer = large != null ? large : io.buffer;
                int want = (int) Math.min(len, buffer.size());
                if (!x.readFile(h.pointer(), buffer, want, io.count)) {
                    throw failure("ReadFile", file.toString(), x.lastError());
                }
                int n = io.count.getValue();
                if (n == 0) {
                    return -1;
                }
                filledOnce |= n == buffer.size();
                buffer.read(0, b, off, n);
                return n;
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    h.close();
                } finally {
                    IoBlock.giveBack(io);
                    if (large != null) {
                        large.close();
                    }
                }
            }
        };
    }

    @Override
    public BackupStreamReader openStreams(Path file, int reparseTag) throws IOException {
        // Taken before the handle is opened: an allocation failure after it would leak the handle.
        IoBlock io = IoBlock.take();
        Handle h = openForReading(file, backupFlags(reparseTag), io);
        return streamsOf(h, true, io, file.toString(), () -> IoBlock.giveBack(io));
    }

    /**
     * BackupRead of the open handle {@code h} through the memory of {@code io}; closing the reader frees the context,
     * closes {@code h} if {@code closeHandle}, then runs {@code closed}.
     */
    BackupStreamReader streamsOf(Handle h, boolean closeHandle, IoBlock io, String what, Runnable closed) {
        io.context.setValue(null);
        return new BackupStreamReader(new BackupStreamReader.Source() {
            private boolean done;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (!x.backupRead(h.pointer(), io.buffer, Math.min(len, BUFFER), io.count, false, true,
                        io.context)) {
                    throw failure("BackupRead", what, x.lastError());
                }
                int n = io.count.getValue();
                io.buffer.read(0, b, off, n);
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                // FALSE when it moved less than asked (the stream ended): the distance moved says how far it went.
                io.low.setValue(0);
                io.high.setValue(0);
                x.backupSeek(h.pointer(), n, io.low, io.high, io.context);
                return ((long) io.high.getValue() << 32) | (io.low.getValue() & 0xFFFFFFFFL);
            }

            @Override
            public void close() throws IOException {
                if (done) {
                    return;
                }
                done = true;
                try {
                    releaseContext("BackupRead", io.context, what, true, h.pointer(), io.buffer, io.count);
                } finally {
                    try {
                        if (closeHandle) {
                            h.close();
                        }
                    } finally {
                        closed.run();
                    }
                }
            }
        }, what, io.streamBuffer);
    }

    /**
     * Opens {@code file} once for its backup ({@link Win32BackupFile}): one handle for its size, basic information
     * and BackupRead, a second for ReadFile only if the data is read after BackupRead. A data-carrying reparse point is opened as before, once per read (its data
     * is opened without FILE_FLAG_OPEN_REPARSE_POINT, its attributes with it). If the file cannot be opened for
     * reading because access is denied, the reads are made as the per-read methods make them, so that what only
     * FILE_READ_ATTRIBUTES may read (the size, the times) is still read, and the data fails as it did.
     */
    @Override
    public BackupFile openForBackup(Path file, int reparseTag) throws IOException {
        if (backupFlags(reparseTag) != BACKUP_FLAGS) {
            return new SeparateOpens(this, file, reparseTag);
        }
        try {
            return Win32BackupFile.open(this, x, file);
        } catch (AccessDeniedException denied) {
            return new SeparateOpens(this, file, reparseTag);
        }
    }

    @Override
    public FileBasicInformation basicInformation(Path file) throws IOException {
        IoBlock io = IoBlock.take();
        try (Handle h = open(file, FILE_READ_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE,
                FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, io)) {
            return basicInformation(h, io.info, file.toString());
        } finally {
            IoBlock.giveBack(io);
        }
    }

    /**
     * {@code FileBasicInfo} of the open handle {@code h}, read into {@code info} (at least
     * {@link #FILE_BASIC_INFO_SIZE} bytes): FILE_BASIC_INFO's four LARGE_INTEGER times at offsets 0, 8, 16 and 24 and
     * its DWORD FileAttributes at 32 (winbase.h; the layout {@link FileBasicInfo} declares), read by offset so that
     * no JNA structure is built per file.
     */
    FileBasicInformation basicInformation(Handle h, Memory info, String what) throws IOException {
        if (!x.getFileInformationByHandleEx(h.pointer(), FileBasicInfo.CLASS, info, FILE_BASIC_INFO_SIZE)) {
            throw failure("GetFileInformationByHandleEx", what, x.lastError());
        }
        return new FileBasicInformation(instant(info.getLong(0)), instant(info.getLong(8)), instant(info.getLong(16)),
                instant(info.getLong(24)), info.getInt(32));
    }

    /**
     * {@code FileStandardInfo}'s EndOfFile (Microsoft docs, "FILE_STANDARD_INFO structure"), read from a handle opened
     * with backup semantics, so a file that only SeBackupPrivilege lets this user read has its size too.
     */
    @Override
    public long size(Path file) throws IOException {
        IoBlock io = IoBlock.take();
        try (Handle h = open(file, FILE_READ_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE,
                FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, io)) {
            if (!x.getFileInformationByHandleEx(h.pointer(), FILE_STANDARD_INFO, io.info, FILE_STANDARD_INFO_SIZE)) {
                throw failure("GetFileInformationByHandleEx(FileStandardInfo)", file.toString(), x.lastError());
            }
            return io.info.getLong(8);
        } finally {
            IoBlock.giveBack(io);
        }
    }

    @Override
    public void restoreStreams(Path file, InputStream streams) throws IOException {
        String what = file.toString();
        PointerByReference context = new PointerByReference();
        Memory buffer = new Memory(BUFFER);
        try (Handle h = open(file, GENERIC_WRITE | WRITE_OWNER | WRITE_DAC, 0,
                FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT)) {
            IOException failed = null;
            try {
                byte[] chunk = new byte[BUFFER];
                IntByReference written = new IntByReference();
                int n;
                while ((n = streams.read(chunk)) > 0) {
                    buffer.write(0, chunk, 0, n);
                    if (!x.backupWrite(h.pointer(), buffer, n, written, false, true, context)) {
                        throw failure("BackupWrite", what, x.lastError());
                    }
                    if (written.getValue() != n) {
                        throw new IOException("BackupWrite to " + what + " wrote " + written.getValue() + " of " + n
                                + " bytes");
                    }
                }
            } catch (IOException e) {
                failed = e;
                throw e;
            } finally {
                try {
                    releaseContext("BackupWrite", context, what, false, h.pointer(), buffer,
                            new IntByReference());
                } catch (IOException e) {
                    if (failed == null) {
                        throw e;
                    }
                    failed.addSuppressed(e);
                }
            }
        }
    }

    @Override
    public void setBasicInformation(Path file, FileBasicInformation info) throws IOException {
        try (Handle h = open(file, FILE_WRITE_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE,
                FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT)) {
            FileBasicInfo b = new FileBasicInfo();
            b.CreationTime = ticks(info.creationTime());
            b.LastAccessTime = ticks(info.lastAccessTime());
            b.LastWriteTime = ticks(info.lastWriteTime());
            b.ChangeTime = 0;
            b.FileAttributes = info.attributes();
            b.write();
            if (!x.setFileInformationByHandle(h.pointer(), FileBasicInfo.CLASS, b.getPointer(), b.size())) {
                throw failure("SetFileInformationByHandle", file.toString(), x.lastError());
            }
        }
    }

    @Override
    public void replace(Path source, Path target) throws IOException {
        // MoveFileExW with MOVEFILE_REPLACE_EXISTING (winbase.h), which is what java.nio's atomic move calls on
        // Windows; through the exports so the simulator sees it (a read-only target refuses it there as here).
        if (!x.moveFileEx(Utf16.toNative("lpExistingFileName", source.toString()),
                Utf16.toNative("lpNewFileName", target.toString()), MOVEFILE_REPLACE_EXISTING)) {
            throw failure("MoveFileExW", target.toString(), x.lastError());
        }
    }

    /** {@link #BACKUP_FLAGS}, without FILE_FLAG_OPEN_REPARSE_POINT for a data-carrying reparse point. */
    static int backupFlags(int reparseTag) {
        return reparseTag != 0 && !ReparseTag.isNameSurrogate(reparseTag)
                ? BACKUP_FLAGS & ~FILE_FLAG_OPEN_REPARSE_POINT : BACKUP_FLAGS;
    }

    /** The last call with {@code bAbort} TRUE, which frees the context; nothing to free if none was made. */
    private void releaseContext(String function, PointerByReference context, String what, boolean read, Pointer file,
            Memory buffer, IntByReference n) throws IOException {
        if (context.getValue() == null) {
            return;
        }
        boolean ok = read ? x.backupRead(file, buffer, 0, n, true, true, context)
                : x.backupWrite(file, buffer, 0, n, true, true, context);
        if (!ok) {
            throw failure(function + " (bAbort TRUE, freeing its context)", what, x.lastError());
        }
        context.setValue(null);
    }

    private Handle open(Path file, int access, int share, int flags) throws IOException {
        // The extended-length name: a plain one is limited to MAX_PATH (Win32FileName).
        return opened(file, x.createFile(Utf16.toNative("lpFileName", Win32FileName.of(file)), access, share,
                OPEN_EXISTING, flags));
    }

    /** As {@link #open(Path, int, int, int)}, the name written into {@code io}. */
    Handle open(Path file, int access, int share, int flags, IoBlock io) throws IOException {
        return opened(file, x.createFile(io.wide("lpFileName", Win32FileName.of(file)), access, share, OPEN_EXISTING,
                flags));
    }

    private Handle opened(Path file, Pointer h) throws IOException {
        if (h == null || Pointer.nativeValue(h) == Exports.INVALID_HANDLE_VALUE) {
            throw failure("CreateFileW", file.toString(), x.lastError());
        }
        return new Handle(h, file.toString());
    }

    /** An open file handle, closed once. */
    final class Handle implements AutoCloseable {
        private final Pointer pointer;
        private final String what;
        private boolean closed;

        Handle(Pointer pointer, String what) {
            this.pointer = pointer;
            this.what = what;
        }

        Pointer pointer() throws IOException {
            if (closed) {
                throw new IOException(what + " is closed");
            }
            return pointer;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                if (!x.closeHandle(pointer)) {
                    throw failure("CloseHandle", what, x.lastError());
                }
            }
        }
    }

    /** An exception naming the call and its Win32 error; the java.nio kind for "denied" and "not found". */
    static IOException failure(String function, String what, int error) {
        String reason = function + " failed with " + Win32Error.describe(error);
        return switch (error) {
            case Win32Error.ERROR_ACCESS_DENIED -> new AccessDeniedException(what, null, reason);
            case Win32Error.ERROR_FILE_NOT_FOUND, Win32Error.ERROR_PATH_NOT_FOUND ->
                    new NoSuchFileException(what, null, reason);
            default -> new FileSystemException(what, null, reason);
        };
    }

    private static Instant instant(long ticks) {
        return ticks == 0 ? null : FileTimes.toInstant(ticks);
    }

    private static long ticks(Instant t) {
        return t == null ? 0 : FileTimes.fromInstant(t);
    }
}
