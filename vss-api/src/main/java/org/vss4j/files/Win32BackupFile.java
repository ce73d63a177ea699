package org.vss4j.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.vss4j.com.Exports;

/**
 * {@link BackupFile} through kernel32: one handle opened with backup semantics for reading ({@code GENERIC_READ},
 * {@code FILE_SHARE_READ}, {@link Win32PrivilegedFileAccess#BACKUP_FLAGS}) serves {@code FileStandardInfo},
 * {@code FileBasicInfo} ({@code GetFileInformationByHandleEx}), {@code BackupRead} and, if BackupRead was not called
 * on it, {@code ReadFile}. Data read after BackupRead gets a second handle of its own: BackupRead reads the data
 * through the handle it is given and so moves its file pointer (Microsoft docs, "BackupRead function"), which would
 * leave {@code ReadFile} past the data. Everything native is in one pooled {@link IoBlock}.
 */
final class Win32BackupFile implements BackupFile {

    private final Win32PrivilegedFileAccess access;
    private final Exports x;
    private final Path file;
    private final String what;
    private final IoBlock io;
    private final Win32PrivilegedFileAccess.Handle handle;
    private BackupStreamReader streams;
    /** Whether BackupRead was called on {@link #handle}; then ReadFile goes through {@link #dataHandle}. */
    private boolean backupReadCalled;
    private Win32PrivilegedFileAccess.Handle dataHandle;
    private boolean dataOpen;
    private boolean closed;

    private Win32BackupFile(Win32PrivilegedFileAccess access, Exports x, Path file, IoBlock io,
            Win32PrivilegedFileAccess.Handle handle) {
        this.access = access;
        this.x = x;
        this.file = file;
        this.what = file.toString();
        this.io = io;
        this.handle = handle;
    }

    /** Opens {@code file} for reading with backup semantics, never through a reparse point. */
    static Win32BackupFile open(Win32PrivilegedFileAccess access, Exports x, Path file) throws IOException {
        IoBlock io = IoBlock.take();
        return new Win32BackupFile(access, x, file, io,
                access.openForReading(file, Win32PrivilegedFileAccess.BACKUP_FLAGS, io));
    }

    @Override
    public long size() throws IOException {
        if (!x.getFileInformationByHandleEx(handle.pointer(), Win32PrivilegedFileAccess.FILE_STANDARD_INFO, io.info,
                Win32PrivilegedFileAccess.FILE_STANDARD_INFO_SIZE)) {
            throw Win32PrivilegedFileAccess.failure("GetFileInformationByHandleEx(FileStandardInfo)", what,
                    x.lastError());
        }
        return io.info.getLong(8);
    }

    @Override
    public FileBasicInformation basicInformation() throws IOException {
        return access.basicInformation(handle, io.info, what);
    }

    @Override
    public BackupStreamReader openStreams() throws IOException {
        checkOpen();
        if (streams != null) {
            throw new IllegalStateException("the streams of " + what + " are open already");
        }
        if (dataOpen) {
            // BackupRead would move the file pointer under the data stream's ReadFile.
            throw new IllegalStateException("the data of " + what + " is being read: open the streams first");
        }
        backupReadCalled = true;
        streams = access.streamsOf(handle, false, io, what, () -> streams = null);
        return streams;
    }

    @Override
    public InputStream openData() throws IOException {
        checkOpen();
        if (dataOpen) {
            throw new IllegalStateException("the data of " + what + " is open already");
        }
        if (streams != null) {
            throw new IllegalStateException("the streams of " + what + " are being read: close them first");
        }
        if (backupReadCalled && dataHandle == null) {
            dataHandle = access.open(file, Win32PrivilegedFileAccess.GENERIC_READ,
                    Win32PrivilegedFileAccess.FILE_SHARE_READ, Win32PrivilegedFileAccess.BACKUP_FLAGS, io);
        }
        Win32PrivilegedFileAccess.Handle reads = dataHandle != null ? dataHandle : handle;
        dataOpen = true;
        return new ByteArrayReads() {
            private boolean streamClosed;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (streamClosed) {
                    throw new IOException(what + ": its data stream is closed");
                }
                if (!x.readFile(reads.pointer(), io.buffer, Math.min(len, IoBlock.BUFFER), io.count)) {
                    throw Win32PrivilegedFileAccess.failure("ReadFile", what, x.lastError());
                }
                int n = io.count.getValue();
                if (n == 0) {
                    return -1;
                }
                io.buffer.read(0, b, off, n);
                return n;
            }

            @Override
            public void close() {
                // The handle is the file's: closed with it.
                streamClosed = true;
            }
        };
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException(what + " is closed");
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (streams != null) {
                streams.close();
            }
        } finally {
            try {
                if (dataHandle != null) {
                    dataHandle.close();
                }
            } finally {
                try {
                    handle.close();
                } finally {
                    IoBlock.giveBack(io);
                }
            }
        }
    }
}
