package org.vss4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.vss4j.WriterIdentity;

/**
 * Writer Metadata Documents saved as files, one per writer ({@code vss writers --save DIR}), for a later
 * {@code --sim-writers DIR} to replay. A file appears whole or not at all: it is written to a temporary file in the same
 * directory and moved over its name.
 */
final class WriterDocumentFiles {

    /** Keeps file names well short of MAX_PATH with the directory in front. */
    private static final int MAX_NAME_CHARS = 80;

    private WriterDocumentFiles() {
    }

    /**
     * {@code <writer name>-<instance id>.xml}, the name reduced to letters, digits, {@code .}, {@code -} and
     * {@code _} (everything else becomes {@code _}) so it is a valid file name on Windows and elsewhere; the instance
     * id keeps two instances of one writer (SQL Server instances, say) apart.
     */
    static String fileName(WriterIdentity id) {
        StringBuilder b = new StringBuilder();
        for (char c : id.writerName().toCharArray()) {
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '-' || c == '_';
            b.append(safe ? c : '_');
        }
        String name = b.toString().replaceAll("_+", "_").replaceAll("^[._]+|[._]+$", "");
        if (name.length() > MAX_NAME_CHARS) {
            name = name.substring(0, MAX_NAME_CHARS);
        }
        return (name.isEmpty() ? "writer" : name) + "-" + id.instanceId() + ".xml";
    }

    /**
     * Makes sure {@code dir} is a directory the documents can be written to, creating it if needed; a usage error
     * ({@code --save DIR: ...}) otherwise. Checked before any VSS call, so a wrong DIR costs no writer round trip.
     */
    static void checkDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("--save " + dir + ": not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("--save " + dir + ": cannot create the directory: " + IoReasons.of(e));
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException("--save " + dir + ": the directory is not writable");
        }
    }

    /**
     * Writes {@code xml} (UTF-8) as {@code dir/fileName(id)}, replacing a file of that name; returns its path.
     *
     * @throws UncheckedIOException {@code --save DIR: cannot write FILE}, with the I/O failure as its cause
     */
    static Path save(Path dir, WriterIdentity id, String xml) {
        Path target = dir.resolve(fileName(id));
        try {
            Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temp, xml, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return target;
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("--save " + dir + ": cannot write " + target, e);
        }
    }
}
