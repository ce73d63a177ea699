package org.vss4j.media;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The media-wide lock {@code MEDIA/.vss-media.lock}, held for the short steps that create, sweep or retire a partial
 * set and its lock file, so that a sweep never sees a writer half-started or half-retired. The file is never deleted:
 * a lock on a file that is unlinked and created again would not exclude anyone. An OS file lock excludes other
 * processes only (Java: {@link FileChannel#lock} throws for a second lock of the same JVM), so a JVM-wide lock is
 * taken around it.
 */
final class MediaLock implements AutoCloseable {

    static final String NAME = ".vss-media.lock";

    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private MediaLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for and takes the lock of {@code media}. */
    static MediaLock take(Path media) throws IOException {
        IN_THIS_JVM.lock();
        FileChannel ch = null;
        try {
            ch = FileChannel.open(media.resolve(NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new MediaLock(ch, ch.lock());
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                ch.close();
            }
            IN_THIS_JVM.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                IN_THIS_JVM.unlock();
            }
        }
    }
}
