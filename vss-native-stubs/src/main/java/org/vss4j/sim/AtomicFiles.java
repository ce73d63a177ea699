package org.vss4j.sim;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes the state directory's files so that a crash at any instant leaves either the old file or the new one, never
 * a half-written one that looks whole: the content goes to a temporary file of its own in the same directory, is
 * forced to the disk, and is moved over the name in one step (ATOMIC_MOVE, a rename); then the directory itself is
 * forced where the platform allows it, so the rename survives a power cut as well as a killed process.
 */
final class AtomicFiles {

    /** What writes one file's content. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer w) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Replaces {@code file} by {@code content}. The temporary name ({@code .<name>.<random>.tmp}) matches none of the
     * names read back, and two processes writing at once never share one.
     */
    static void replace(Path file, Content content) throws IOException {
        Path dir = file.getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                Writer w = new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8);
                content.writeTo(w);
                w.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Deletes {@code file} (if it exists) and forces the directory, so the deletion is as durable as a write. */
    static void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file)) {
            forceDirectory(file.getParent());
        }
    }

    /**
     * Forces a directory's entries to the disk (fsync of the directory, as POSIX needs after a rename). Windows and
     * some file systems cannot open a directory for it; there the rename's own durability is all there is.
     */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not supported here (Windows): nothing more can be done from Java.
        }
    }
}
