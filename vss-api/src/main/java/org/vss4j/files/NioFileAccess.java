package org.vss4j.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Files through java.nio alone, on a host with neither Windows nor the simulator: data, times and the DOS attributes
 * where the file system has them. No backup semantics (a file its user cannot read is not read), no security
 * descriptors, no alternate data streams, no privileges.
 */
final class NioFileAccess implements PrivilegedFileAccess {

    private static final int READONLY = 0x1;
    private static final int HIDDEN = 0x2;
    private static final int SYSTEM = 0x4;
    private static final int ARCHIVE = 0x20;

    private final String reason;

    NioFileAccess(String reason) {
        this.reason = reason;
    }

    @Override
    public boolean backupSemantics() {
        return false;
    }

    @Override
    public String description() {
        return "java.nio only, without backup semantics, security descriptors or alternate data streams: " + reason;
    }

    @Override
    public void enablePrivilege(String privilege) throws IOException {
        throw new IOException("cannot enable " + privilege + ": " + description());
    }

    @Override
    public PrivilegeScope enableScoped(String privilege) throws IOException {
        throw new IOException("cannot enable " + privilege + ": " + description());
    }

    @Override
    public long size(Path file) throws IOException {
        return Files.size(file);
    }

    @Override
    public InputStream openData(Path file, int reparseTag) throws IOException {
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public BackupStreamReader openStreams(Path file, int reparseTag) {
        throw new UnsupportedOperationException("BackupRead streams of " + file + ": " + description());
    }

    @Override
    public FileBasicInformation basicInformation(Path file) throws IOException {
        BasicFileAttributes b = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        int attributes = 0;
        DosFileAttributeView dos = Files.getFileAttributeView(file, DosFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (dos != null) {
            try {
                DosFileAttributes d = dos.readAttributes();
                attributes = (d.isReadOnly() ? READONLY : 0) | (d.isHidden() ? HIDDEN : 0)
                        | (d.isSystem() ? SYSTEM : 0) | (d.isArchive() ? ARCHIVE : 0);
            } catch (UnsupportedOperationException | IOException e) {
                attributes = 0;
            }
        }
        return new FileBasicInformation(b.creationTime().toInstant(), b.lastAccessTime().toInstant(),
                b.lastModifiedTime().toInstant(), null, attributes);
    }

    @Override
    public void restoreStreams(Path file, InputStream streams) {
        throw new UnsupportedOperationException("BackupWrite to " + file + ": " + description());
    }

    @Override
    public void setBasicInformation(Path file, FileBasicInformation info) throws IOException {
        BasicFileAttributeView view = Files.getFileAttributeView(file, BasicFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        view.setTimes(time(info.lastWriteTime()), time(info.lastAccessTime()), time(info.creationTime()));
        DosFileAttributeView dos = Files.getFileAttributeView(file, DosFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (dos != null && info.attributes() != 0) {
            try {
                dos.setHidden((info.attributes() & HIDDEN) != 0);
                dos.setSystem((info.attributes() & SYSTEM) != 0);
                dos.setArchive((info.attributes() & ARCHIVE) != 0);
                dos.setReadOnly((info.attributes() & READONLY) != 0);
            } catch (UnsupportedOperationException | IOException e) {
                // The file system has no DOS attributes after all (a Linux file system without user_xattr).
            }
        }
    }

    private static FileTime time(Instant t) {
        return t == null ? null : FileTime.from(t);
    }
}
