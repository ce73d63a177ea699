package org.vss4j.media;

/**
 * Told how far a {@link BackupSetReader#verify(String, ReadProgress) verify} or
 * {@link BackupSetReader#restore(String, java.nio.file.Path, java.util.List, boolean, ReadProgress) restore} has read
 * through data.tar, after each file entry, so that a program can show files, bytes, rate and time left. The reader
 * prints nothing itself. Calls come from the thread doing the work; a slow listener slows that work: keep it cheap.
 */
@FunctionalInterface
public interface ReadProgress {

    /** Tells nothing; what the overloads without a listener use. */
    ReadProgress NONE = (files, filesTotal, bytes, bytesTotal) -> { };

    /**
     * {@code files} file entries of data.tar, holding {@code bytes} bytes of file data, were read so far. The totals
     * are the catalog's (its files and their bytes): a damaged data.tar may hold more or fewer, so {@code files} and
     * {@code bytes} can pass them. A restore reads every entry, whether the path patterns select it or not, and counts
     * each one.
     *
     * @param files      the file entries read so far
     * @param filesTotal the files the catalog lists
     * @param bytes      the file data read so far, in bytes
     * @param bytesTotal the bytes of the files the catalog lists
     */
    void read(long files, long filesTotal, long bytes, long bytesTotal);
}
