package org.vss4j.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A {@link BackupFile} whose every read opens the file anew through the access's own methods: what
 * {@link PrivilegedFileAccess#openForBackup} gives where no one open serves all of them.
 */
final class SeparateOpens implements BackupFile {

    private final PrivilegedFileAccess access;
    private final Path file;
    private final int reparseTag;
    private InputStream data;

    SeparateOpens(PrivilegedFileAccess access, Path file, int reparseTag) {
        this.access = access;
        this.file = file;
        this.reparseTag = reparseTag;
    }

    @Override
    public long size() throws IOException {
        return access.size(file);
    }

    @Override
    public FileBasicInformation basicInformation() throws IOException {
        return access.basicInformation(file);
    }

    @Override
    public BackupStreamReader openStreams() throws IOException {
        return access.openStreams(file, reparseTag);
    }

    @Override
    public InputStream openData() throws IOException {
        if (data != null) {
            throw new IllegalStateException("the data of " + file + " is open already");
        }
        data = access.openData(file, reparseTag);
        return data;
    }

    @Override
    public void close() throws IOException {
        if (data != null) {
            InputStream d = data;
            data = null;
            d.close();
        }
    }
}
