package org.vss4j.media;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Prints {@code held} if another process holds the media lock of {@code args[0]}, else {@code free}. */
public final class TryMediaLockMain {

    private TryMediaLockMain() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel ch = FileChannel.open(Path.of(args[0]).resolve(".vss-media.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            System.out.println(lock == null ? "held" : "free");
            if (lock != null) {
                lock.release();
            }
        }
    }
}
