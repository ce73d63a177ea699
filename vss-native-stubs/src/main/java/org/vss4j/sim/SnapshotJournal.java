package org.vss4j.sim;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The persistent shadow copies of a machine kept in a state directory, so that a later process (the next {@code vss}
 * command) sees them as a real machine would: one {@code <id>.snapshot} properties file beside each snapshot
 * directory. Non-persistent shadow copies are never recorded: they die with their requester, hence with the process.
 */
final class SnapshotJournal {

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
        Path file = dir.resolve(s.id() + SUFFIX);
        Path tmp = dir.resolve(s.id() + SUFFIX + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "vss4j simulated persistent shadow copy");
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot record shadow copy " + s.id(), ex);
        }
        try {
            // Replace in one step, so a crash never leaves a half-written record that looks complete.
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot record shadow copy " + s.id(), ex);
        }
    }

    private static final String LAST_DEVICE = "last-device-number";

    /** The N of the last shadow copy device the machine made (0 if none): device numbers never repeat on a machine. */
    int lastDeviceNumber() {
        Path f = dir.resolve(LAST_DEVICE);
        try {
            return Files.exists(f) ? Integer.parseInt(Files.readString(f, StandardCharsets.UTF_8).trim()) : 0;
        } catch (IOException | NumberFormatException ex) {
            throw new IllegalStateException("cannot read the device counter " + f, ex);
        }
    }

    /** Records {@code n} as the last device number, replaced in one step. */
    void saveLastDeviceNumber(int n) {
        Path f = dir.resolve(LAST_DEVICE);
        Path tmp = dir.resolve(LAST_DEVICE + ".tmp");
        try {
            Files.writeString(tmp, Integer.toString(n), StandardCharsets.UTF_8);
            Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot record the device counter " + f, ex);
        }
    }

    /**
     * Records the file-system facts of {@code s} (written before its record, so that a record found by a later
     * process always has its facts).
     */
    void saveFacts(Snapshot s, FileSystemFacts facts) {
        Path file = dir.resolve(s.id() + FACTS_SUFFIX);
        Path tmp = dir.resolve(s.id() + FACTS_SUFFIX + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            facts.toProperties().store(w, "vss4j simulated shadow copy: file-system facts");
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot record the file-system facts of shadow copy " + s.id(), ex);
        }
        try {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
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
        return FileSystemFacts.fromProperties(s.directory(), p);
    }

    /** Forgets the record of {@code id}, if any. */
    void remove(UUID id) {
        try {
            Files.deleteIfExists(dir.resolve(id + FACTS_SUFFIX));
            Files.deleteIfExists(dir.resolve(id + SUFFIX));
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
                Path directory = Paths.get(p.getProperty("directory"));
                if (!Files.isDirectory(directory)) {
                    continue;
                }
                Exposure exposure = null;
                if (p.getProperty("exposure.name") != null) {
                    exposure = new Exposure(p.getProperty("exposure.name"), p.getProperty("exposure.pathFromRoot"),
                            Boolean.parseBoolean(p.getProperty("exposure.locally")),
                            Paths.get(p.getProperty("exposure.link")),
                            Boolean.parseBoolean(p.getProperty("exposure.replacedEmptyDirectory")));
                }
                entries.add(new Entry(UUID.fromString(p.getProperty("id")), UUID.fromString(p.getProperty("set")),
                        Paths.get(p.getProperty("volume")), directory, Integer.parseInt(p.getProperty("attributes")),
                        Instant.parse(p.getProperty("created")), Integer.parseInt(p.getProperty("inSet")),
                        CopyMethod.valueOf(p.getProperty("copy")), exposure,
                        Integer.parseInt(p.getProperty("device", "0"))));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the shadow copy records in " + dir, ex);
        }
        return entries;
    }
}
