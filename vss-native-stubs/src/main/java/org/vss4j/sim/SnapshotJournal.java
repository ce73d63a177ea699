package org.vss4j.sim;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
 * Every file is therefore written to a temporary file of its own in the directory and moved over its name in one step
 * ({@link AtomicFiles}), and the device counter is read and advanced under a file lock, so no two processes issue the
 * same device number. Operations that span several records (a set's creation, a deletion) are journaled by
 * {@link OperationJournal}; a record that cannot be read is skipped and reported ({@link #load()}).
 */
final class SnapshotJournal {

    /**
     * Serialises the device counter between machines of this process: a second {@link FileChannel#lock()} on the same
     * file in one JVM throws instead of waiting, so the process takes its own lock before the file lock.
     */
    private static final Object DEVICE_COUNTER_IN_PROCESS = new Object();

    static final String SUFFIX = ".snapshot";
    /** The format of a record; one without a version field is of version 1 (written before the field existed). */
    static final int VERSION = 1;
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
        p.setProperty("version", Integer.toString(VERSION));
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

    /** Writes {@code file} in one step ({@link AtomicFiles#replace}). */
    private static void replace(Path file, AtomicFiles.Content content) throws IOException {
        AtomicFiles.replace(file, content);
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
                    w -> facts.store(w, "vss4j simulated shadow copy: file-system facts"));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot record the file-system facts of shadow copy " + s.id(), ex);
        }
    }

    /** Beside a copy directory whose shadow copy BreakSnapshotSet made an ordinary volume: it is kept, not swept. */
    static final String BROKEN_AWAY_SUFFIX = ".broken-away";

    /**
     * Marks the copy directory of {@code id} as a broken-away shadow copy (BreakSnapshotSet): VSS forgets it, its
     * record goes, and its directory stays as the independent volume it now is, which a later machine opening the
     * directory must not take for a copy an interrupted run left ({@link StateRecovery}).
     */
    void markBrokenAway(UUID id) {
        try {
            replace(dir.resolve(id + BROKEN_AWAY_SUFFIX), w -> w.write("vss4j simulator: the shadow copy " + id
                    + " was broken away from its set (BreakSnapshotSet); its directory is an ordinary volume now\n"));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot mark shadow copy " + id + " as broken away", ex);
        }
    }

    /**
     * Beside each copy directory the simulator makes: written (under the journal lock) before the directory is made,
     * removed after the directory is deleted. Only a directory with it is ever taken for a left-over and deleted
     * ({@link StateRecovery}): a directory the simulator did not make, whatever its name, is never deleted.
     */
    static final String COPY_SUFFIX = ".copy";

    /** Marks the copy directory of {@code id} as the simulator's own, before it is made. */
    void markCopy(UUID id) {
        try {
            replace(dir.resolve(id + COPY_SUFFIX), w -> w.write("vss4j simulator: the directory " + id
                    + " beside this file is the copy of shadow copy " + id + ", made by the simulator\n"));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot mark the copy directory of shadow copy " + id, ex);
        }
    }

    /** Whether {@link #markCopy} marked the copy directory of {@code id} (and the mark is still there). */
    boolean isMarkedCopy(UUID id) {
        return Files.exists(dir.resolve(id + COPY_SUFFIX));
    }

    /** Removes the mark of {@link #markCopy} (its directory is deleted, or no copy any more), if any. */
    void unmarkCopy(UUID id) {
        try {
            AtomicFiles.delete(dir.resolve(id + COPY_SUFFIX));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot remove the mark of the copy directory of shadow copy " + id, ex);
        }
    }

    /** Removes the mark of {@link #markBrokenAway}, whose directory is gone, if any. */
    void unmarkBrokenAway(UUID id) {
        try {
            AtomicFiles.delete(dir.resolve(id + BROKEN_AWAY_SUFFIX));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot remove the broken-away mark of shadow copy " + id, ex);
        }
    }

    /** Whether {@link #markBrokenAway} marked the copy directory of {@code id}. */
    boolean isBrokenAway(UUID id) {
        return Files.exists(dir.resolve(id + BROKEN_AWAY_SUFFIX));
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
            AtomicFiles.delete(dir.resolve(id + SUFFIX));
            AtomicFiles.delete(dir.resolve(id + FACTS_SUFFIX));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot remove the record of shadow copy " + id, ex);
        }
    }

    /** One recorded shadow copy; {@code volumeRoot} is resolved to a volume by the machine. */
    record Entry(UUID id, UUID setId, Path volumeRoot, Path directory, int attributes, Instant created, int inSet,
            CopyMethod copyMethod, Exposure exposure, int deviceNumber) {
    }

    /** The records found: each usable one, and each one skipped with what is wrong with it. */
    record Found(List<Entry> entries, List<UnreadableRecord> unreadable) {
    }

    /**
     * Every recorded shadow copy whose record can be read and whose copy directory exists. A record that cannot be
     * used (truncated, empty, of another format version, not text, a field missing or malformed, its copy directory
     * gone) is skipped and reported, not thrown: one damaged file must not make the machine unusable (every
     * {@code vss} command opens it).
     */
    Found load() {
        List<Entry> entries = new ArrayList<>();
        List<UnreadableRecord> unreadable = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                Entry e;
                try {
                    e = read(f);
                } catch (IOException | RuntimeException ex) {
                    unreadable.add(new UnreadableRecord(f, RecordProblems.describe(ex)));
                    continue;
                }
                if (!Files.isDirectory(e.directory())) {
                    unreadable.add(new UnreadableRecord(f, "its copy directory " + e.directory() + " is missing"));
                    continue;
                }
                entries.add(e);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the shadow copy records in " + dir, ex);
        }
        return new Found(entries, unreadable);
    }

    /** The id a record file is named after, or null if its name is not {@code <GUID>.snapshot}. */
    static UUID idOf(Path record) {
        String name = record.getFileName().toString();
        try {
            return UUID.fromString(name.substring(0, name.length() - SUFFIX.length()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Entry read(Path f) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        RecordProblems.checkVersion(p, VERSION, false);
        Entry e = entry(p);
        if (!e.id().equals(idOf(f))) {
            throw new IllegalArgumentException("its id " + e.id() + " is not the one its name says");
        }
        return e;
    }

    private static String required(Properties p, String key) {
        return RecordProblems.required(p, key);
    }

    private static Entry entry(Properties p) {
        Exposure exposure = null;
        if (p.getProperty("exposure.name") != null) {
            exposure = new Exposure(p.getProperty("exposure.name"), p.getProperty("exposure.pathFromRoot"),
                    Boolean.parseBoolean(p.getProperty("exposure.locally")),
                    Paths.get(required(p, "exposure.link")),
                    Boolean.parseBoolean(p.getProperty("exposure.replacedEmptyDirectory")));
        }
        return new Entry(UUID.fromString(required(p, "id")), UUID.fromString(required(p, "set")),
                Paths.get(required(p, "volume")), Paths.get(required(p, "directory")),
                Integer.parseInt(required(p, "attributes")), Instant.parse(required(p, "created")),
                Integer.parseInt(required(p, "inSet")), CopyMethod.valueOf(required(p, "copy")), exposure,
                Integer.parseInt(p.getProperty("device", "0").trim()));
    }
}
