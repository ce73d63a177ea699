package org.vss4j.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * One file of a backup opened once for everything the backup reads of it: its size, times and attributes, streams and
 * data ({@link PrivilegedFileAccess#openForBackup}). Through Win32 the size, the basic information and the streams
 * come from one handle (one {@code CreateFileW}); data read after the streams from a second one, so that
 * {@code BackupRead}'s moves of the file pointer never meet {@code ReadFile}'s. The streams, if read, are read
 * before the data. Closing it closes what it opened.
 */
public interface BackupFile extends AutoCloseable {

    /**
     * The file's size (its end of file).
     *
     * @return its size in bytes
     * @throws IOException if it cannot be read
     */
    long size() throws IOException;

    /**
     * The file's times and attributes.
     *
     * @return its basic information
     * @throws IOException if it cannot be read
     */
    FileBasicInformation basicInformation() throws IOException;

    /**
     * The file's streams as {@link PrivilegedFileAccess#openStreams(java.nio.file.Path, int)} returns them; one
     * reader at a time.
     *
     * @return the reader; closing it frees the BackupRead context (and what it opened)
     * @throws IOException if they cannot be opened
     * @throws UnsupportedOperationException without backup semantics
     */
    BackupStreamReader openStreams() throws IOException;

    /**
     * The file's data from its start, as {@link PrivilegedFileAccess#openData(java.nio.file.Path, int)} reads it; one
     * stream per file.
     *
     * @return its data; closing it does not close the file
     * @throws IOException if it cannot be opened
     */
    InputStream openData() throws IOException;

    /**
     * Closes what the file opened (its handles, an open streams reader and data stream).
     *
     * @throws IOException if a handle cannot be closed
     */
    @Override
    void close() throws IOException;
}
