package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lock on a file of the state directory held for as long as an operation lasts (a shadow copy set in creation, a
 * deletion, the non-persistent shadow copies of a live process). It says to every other process that the operation's
 * owner is alive: the OS releases the lock when the owner dies, however it dies (SIGKILL included), so a lock that can
 * be taken means the owner is gone and what it left may be recovered.
 *
 * <p>Where Java's file locks are POSIX record locks (Linux), the lock belongs to the whole process and closing
 * <em>any</em> channel on the file releases it, whichever channel took it (Javadoc of {@link FileLock}: "On some
 * systems, closing a channel releases all locks held by the Java virtual machine on the underlying file"). So this
 * process never opens a second channel on a file it locks: the locks it holds are kept in one table of this JVM, by the
 * file's real path, and a file in the table is refused without being touched.
 */
final class HeldLock implements AutoCloseable {

    /** The locks this JVM holds, by real path; every change and every channel open or close is made holding it. */
    private static final Map<Path, HeldLock> HELD = new HashMap<>();
    /**
     * Channels that met a lock taken on their file in this JVM by other code than this class: closing them would
     * release that lock, so they stay open (never happens while every lock of the state directory is a HeldLock or a
     * {@link StateLock}, which lock other files).
     */
    private static final List<FileChannel> PARKED = new ArrayList<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private HeldLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code file} (created if missing); null if another process holds it, or this process does
     * (through another machine or operation).
     */
    static HeldLock tryTake(Path file) {
        Path key = keyOf(file);
        synchronized (HELD) {
            if (HELD.containsKey(key)) {
                // Held in this JVM: as busy as if another process held it, and no channel is opened (see above).
                return null;
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the simulator lock " + file, e);
            }
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    // Another process holds it; this JVM holds no lock on the file, so closing releases nothing.
                    closeQuietly(channel);
                    return null;
                }
                HeldLock held = new HeldLock(key, channel, lock);
                HELD.put(key, held);
                return held;
            } catch (OverlappingFileLockException e) {
                PARKED.add(channel);
                return null;
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("cannot lock " + file, e);
            }
        }
    }

    /** The file's identity in this JVM: its directory's real path (symbolic links resolved) and its name. */
    private static Path keyOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the simulator lock " + file, e);
        }
    }

    /** Releases the lock (the file stays; {@link #closeAndDelete()} also removes it). */
    @Override
    public void close() {
        release();
    }

    /** Releases the lock; false if it was released already. */
    private boolean release() {
        synchronized (HELD) {
            if (HELD.get(key) != this) {
                return false;
            }
            try {
                lock.release();
            } catch (IOException ignored) {
                // Closing the channel releases it too.
            }
            closeQuietly(channel);
            // Only now: a channel opened on the file before this one is closed would be released with it.
            HELD.remove(key);
            return true;
        }
    }

    /**
     * Releases the lock and deletes its file. Only for a lock whose operation record is gone already: a process
     * that finds the record finds the file still locked, and one that does not never looks at the file.
     */
    void closeAndDelete() {
        synchronized (HELD) {
            if (!release()) {
                // Released before: the file may be another holder's by now.
                return;
            }
            try {
                Files.deleteIfExists(key);
            } catch (IOException ignored) {
                // An unlocked lock file is harmless: the next recovery deletes it.
            }
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
