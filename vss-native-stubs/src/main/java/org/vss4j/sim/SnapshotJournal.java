package org.vss4j.sim;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The persistent shadow copies of a machine kept in a state directory, so that a later process (the next {@code vss}
 * command) sees them as a real machine would: one {@code <id>.snapshot} properties file beside each snapshot
 * directory. Non-persistent shadow copies are never recorded: they die with their requester, hence with the process.
 *
 * <p>Several processes may share one state directory (two {@code vss} commands with the same {@code --sim-state}).
 * Every file is therefore written to a temporary file of its own in the directory and moved over its name in one step,
 * and the device counter is read and advanced under a file lock, so no two processes issue the same device number.
 * Nothing else is coordinated between processes (docs/simulator-in-progress.md).
 */
final class SnapshotJournal {

    /** What writes one file's content. */
    @FunctionalInterface
    private interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /**
     * Serialises the device counter between machines of this process: a second {@link FileChannel#lock()} on the same
     * file in one JVM throws instead of waiting, so the process takes its own lock before the file lock.
     */
    private static final Object DEVICE_COUNTER_IN_PROCESS = new Object();

    private static final String SUFFIX = ".snapshot";
    /** The shadow copy's file-system facts ({@link FileSystemFacts}), beside its record. */
    private static final String FACTS_SUFFIX = ".facts";

    private final Path dir;

    SnapshotJournal(Path dir) {
        this.dir = dir;
    }

    /** Records (or re-records) {@code s} if it is persistent. */
    void save(Snapshot s) {
        if (!s.isPersistent()) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("id", s.id().toString());
        p.setProperty("set", s.setId().toString());
        p.setProperty("volume", s.volume().root().toString());
        p.setProperty("directory", s.directory().toString());
        p.setProperty("attributes", Integer.toString(s.attributes()));
        p.setProperty("created", s.created().toString());
        p.setProperty("inSet", Integer.toString(s.snapshotsInSet()));
        p.setProperty("copy", s.copyMethod().name());
        p.setProperty("device", Integer.toString(s.deviceNumber()));
        Exposure e = s.exposure();
        if (e != null) {
            p.setProperty("exposure.name", e.name());
            if (e.pathFromRoot() != null) {
                p.setProperty("exposure.pathFromRoot", e.pathFromRoot());
            }
            p.setProperty("exposure.locally", Boolean.toString(e.locally()));
            p.setProperty("exposure.link", e.link().toString());
            p.setProperty("exposure.replacedEmptyDirectory", Boolean.toString(e.replacedEmptyDirectory()));
        }
        try {
            replace(dir.resolve(s.id() + SUFFIX), w -> p.store(w, "vss4j simulated persistent shadow copy"));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot record shadow copy " + s.id(), ex);
        }
    }

    /**
     * Writes {@code file} through a temporary file of its own in the same directory, moved over {@code file} in one
     * step: a crash never leaves a half-written file that looks complete, and two processes writing at once never
     * share a temporary file. The temporary name ({@code .<name>.<random>.tmp}) matches none of the names read back.
     */
    private void replace(Path file, Content content) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static final String LAST_DEVICE = "last-device-number";

    /** The N of the last shadow copy device the machine made (0 if none): device numbers never repeat on a machine. */
    int lastDeviceNumber() {
        Path f = dir.resolve(LAST_DEVICE);
        try {
            return Files.exists(f) ? Integer.parseInt(Files.readString(f, StandardCharsets.UTF_8).trim()) : 0;
        } catch (IOException | NumberFormatException ex) {
            throw new IllegalStateException("cannot read the device counter " + f + " (" + ex.getMessage()
                    + "): it holds the last HarddiskVolumeShadowCopyN; write the highest N in use there, or 0", ex);
        }
    }

    /**
     * Issues the next device number: one more than the highest of the recorded counter and {@code lastKnown} (what
     * this machine issued or adopted), recorded before it is returned. The counter is read and advanced under a lock
     * on {@code last-device-number.lock}, so a process sharing the directory never issues the same number.
     */
    int nextDeviceNumber(int lastKnown) {
        Path lockFile = dir.resolve(LAST_DEVICE + ".lock");
        synchronized (DEVICE_COUNTER_IN_PROCESS) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                int next = Math.max(lastDeviceNumber(), lastKnown) + 1;
                replace(dir.resolve(LAST_DEVICE), w -> w.write(Integer.toString(next)));
                return next;
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot advance the device counter " + dir.resolve(LAST_DEVICE), ex);
            }
        }
    }

    /**
     * Records the file-system facts of {@code s} (written before its record, so that a record found by a later
     * process always has its facts).
     */
    void saveFacts(Snapshot s, FileSystemFacts facts) {
        try {
            replace(dir.resolve(s.id() + FACTS_SUFFIX),
                    w -> facts.toProperties().store(w, "vss4j simulated shadow copy: file-system facts"));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot record the file-system facts of shadow copy " + s.id(), ex);
        }
    }

    /** The recorded file-system facts of {@code s}; none recorded (an older record): no facts beyond the defaults. */
    FileSystemFacts loadFacts(Snapshot s) {
        Path file = dir.resolve(s.id() + FACTS_SUFFIX);
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read the file-system facts of shadow copy " + s.id(), ex);
            }
        }
        try {
            return FileSystemFacts.fromProperties(s.directory(), p);
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException("the file-system facts of shadow copy " + s.id() + " in " + file
                    + " are damaged (" + ex.getMessage() + "); delete that file to keep the shadow copy without "
                    + "its recorded facts", ex);
        }
    }

    /**
     * Forgets the record of {@code id}, if any: the record first, then its facts, the reverse of their creation, so
     * that a failure in between never leaves a record without its facts (which a later process would load with
     * default facts).
     */
    void remove(UUID id) {
        try {
            Files.deleteIfExists(dir.resolve(id + SUFFIX));
            Files.deleteIfExists(dir.resolve(id + FACTS_SUFFIX));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot remove the record of shadow copy " + id, ex);
        }
    }

    /** One recorded shadow copy; {@code volumeRoot} is resolved to a volume by the machine. */
    record Entry(UUID id, UUID setId, Path volumeRoot, Path directory, int attributes, Instant created, int inSet,
            CopyMethod copyMethod, Exposure exposure, int deviceNumber) {
    }

    /** Every recorded shadow copy whose directory still exists. */
    List<Entry> load() {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                Entry e;
                try {
                    e = entry(p);
                } catch (RuntimeException ex) {
                    throw new IllegalStateException("the shadow copy record " + f + " is damaged (" + ex
                            + "); delete it, and its snapshot directory, to forget that shadow copy", ex);
                }
                if (Files.isDirectory(e.directory())) {
                    entries.add(e);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the shadow copy records in " + dir, ex);
        }
        return entries;
    }

    private static Entry entry(Properties p) {
        Exposure exposure = null;
        if (p.getProperty("exposure.name") != null) {
            exposure = new Exposure(p.getProperty("exposure.name"), p.getProperty("exposure.pathFromRoot"),
                    Boolean.parseBoolean(p.getProperty("exposure.locally")),
                    Paths.get(p.getProperty("exposure.link")),
                    Boolean.parseBoolean(p.getProperty("exposure.replacedEmptyDirectory")));
        }
        return new Entry(UUID.fromString(p.getProperty("id")), UUID.fromString(p.getProperty("set")),
                Paths.get(p.getProperty("volume")), Paths.get(p.getProperty("directory")),
                Integer.parseInt(p.getProperty("attributes")), Instant.parse(p.getProperty("created")),
                Integer.parseInt(p.getProperty("inSet")), CopyMethod.valueOf(p.getProperty("copy")), exposure,
                Integer.parseInt(p.getProperty("device", "0")));
    }
}
