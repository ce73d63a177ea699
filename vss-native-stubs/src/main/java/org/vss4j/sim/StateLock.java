package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A short critical section over a state directory shared by several processes: a lock on a file in it, and, because a
 * second {@link FileChannel#lock()} on one file in one JVM throws instead of waiting, a reentrant in-process lock
 * taken first (one per lock file, so two machines of one process on one directory also take turns). The OS releases
 * the file lock of a process that dies, so a crash never leaves the directory locked.
 */
final class StateLock {

    private static final Map<Path, StateLock> BY_FILE = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantLock inProcess = new ReentrantLock();
    private FileChannel channel;
    private FileLock lock;

    private StateLock(Path file) {
        this.file = file;
    }

    /** The lock on {@code file}, one object per file in this process. */
    static StateLock on(Path file) {
        return BY_FILE.computeIfAbsent(file.toAbsolutePath().normalize(), StateLock::new);
    }

    /** Runs {@code work} holding the lock (nested calls of one thread take it once). */
    <T> T locked(Supplier<T> work) {
        inProcess.lock();
        try {
            if (inProcess.getHoldCount() == 1) {
                acquire();
            }
            try {
                return work.get();
            } finally {
                if (inProcess.getHoldCount() == 1) {
                    release();
                }
            }
        } finally {
            inProcess.unlock();
        }
    }

    void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    private void acquire() {
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.lock();
        } catch (IOException e) {
            closeChannel();
            throw new UncheckedIOException("cannot lock the simulator state " + file, e);
        }
    }

    private void release() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException ignored) {
            // Closing the channel below releases it as well.
        } finally {
            lock = null;
            closeChannel();
        }
    }

    private void closeChannel() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Nothing to do: the lock goes with the channel, and with the process.
        } finally {
            channel = null;
        }
    }
}
