package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A lock on a file of the state directory held for as long as an operation lasts (a shadow copy set in creation, a
 * deletion, the non-persistent shadow copies of a live process). It says to every other process that the operation's
 * owner is alive: the OS releases the lock when the owner dies, however it dies (SIGKILL included), so a lock that can
 * be taken means the owner is gone and what it left may be recovered.
 */
final class HeldLock implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private HeldLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code file} (created if missing); null if another process holds it, or this process does
     * (through another machine or operation: a JVM holds one lock per file and region).
     */
    static HeldLock tryTake(Path file) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the simulator lock " + file, e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new HeldLock(file, channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // Held in this JVM: as busy as if another process held it.
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
        closeQuietly(channel);
        return null;
    }

    /** Whether some live process (this one included) holds the lock on {@code file}; false if the file is missing. */
    static boolean isHeld(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        HeldLock probe = tryTake(file);
        if (probe == null) {
            return true;
        }
        probe.close();
        return false;
    }

    Path file() {
        return file;
    }

    /** Releases the lock (the file stays; {@link #closeAndDelete()} also removes it). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it too.
        }
        closeQuietly(channel);
    }

    /**
     * Releases the lock and deletes its file. Only for a lock whose operation record is gone already: a process
     * that finds the record finds the file still locked, and one that does not never looks at the file.
     */
    void closeAndDelete() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // An unlocked lock file is harmless: the next recovery deletes it.
        }
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Nothing to undo.
        }
    }
}
