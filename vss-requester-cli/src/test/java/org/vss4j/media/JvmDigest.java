package org.vss4j.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads files through a 1 MiB heap buffer and hashes them with the JDK's SHA-256, on one thread: what reading and
 * hashing alone cost in this JVM, against which {@link LargeFileBandwidthBenchmark} sets the backup.
 */
final class JvmDigest {

    private JvmDigest() {
    }

    /** The SHA-256 of each file, in order. */
    static List<byte[]> sha256(List<Path> files) throws IOException {
        List<byte[]> out = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        for (Path f : files) {
            MessageDigest sha = BackupSetReader.sha256();
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                while (ch.read(buffer.clear()) >= 0) {
                    sha.update(buffer.array(), 0, buffer.position());
                }
            }
            out.add(sha.digest());
        }
        return out;
    }
}
