package org.vss4j.sim;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The write-ahead records of the operations on shadow copy sets that span several files and so cannot be done in one
 * atomic step: creating a set (one copy and one record per volume) and deleting shadow copies of one set. One file
 * {@code <set id>.<operation id>.journal} per operation in flight, written before the operation touches anything and
 * removed when it is done, each write atomic ({@link AtomicFiles}); beside it {@code <name>.journal.lock}, locked by
 * the operation's process for as long as the record exists ({@link HeldLock}). A record whose lock can be taken was
 * left by a process that died: the next machine opening the directory undoes a creation, finishes a deletion, and
 * removes the record ({@link StateRecovery}). The set id is in the name so that a record which cannot be read still
 * says which set it was in the middle of: that set is not listed ({@link #setIdOf}). The format is in
 * docs/reliability.md.
 */
final class OperationJournal {

    static final int VERSION = 1;
    static final String SUFFIX = ".journal";
    static final String LOCK_SUFFIX = ".lock";

    /** What an operation record says. */
    enum State {
        /** A set's volumes are being copied: none of it may be listed; a dead owner's set is removed. */
        CREATING("creating"),
        /** A complete non-persistent set: it lives while its process does (the lock); a dead owner's is removed. */
        HELD("held"),
        /** Shadow copies are being deleted: they are no longer listed; a dead owner's deletion is finished. */
        DELETING("deleting");

        final String word;

        State(String word) {
            this.word = word;
        }

        static State of(String word) {
            for (State s : values()) {
                if (s.word.equals(word)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown state '" + word + "'");
        }
    }

    /** One operation record. */
    record Entry(UUID operation, UUID setId, State state, List<UUID> snapshots, List<String> volumes,
            boolean persistent) {

        String kind() {
            return state == State.DELETING ? "delete" : "create";
        }
    }

    private final Path dir;

    OperationJournal(Path dir) {
        this.dir = dir;
    }

    Path file(Entry e) {
        return dir.resolve(e.setId() + "." + e.operation() + SUFFIX);
    }

    Path lockFile(Entry e) {
        return dir.resolve(e.setId() + "." + e.operation() + SUFFIX + LOCK_SUFFIX);
    }

    /** The set an operation record's file name says it is about, or null if the name is not one this class writes. */
    static UUID setIdOf(Path record) {
        UUID[] ids = idsOf(record);
        return ids == null ? null : ids[0];
    }

    /** The set id and the operation id of a record's file name, or null. */
    private static UUID[] idsOf(Path record) {
        String name = record.getFileName().toString();
        if (!name.endsWith(SUFFIX)) {
            return null;
        }
        String[] parts = name.substring(0, name.length() - SUFFIX.length()).split("\\.", -1);
        try {
            return parts.length == 2 ? new UUID[] {UUID.fromString(parts[0]), UUID.fromString(parts[1])} : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Writes (or rewrites, in one step) the record of {@code e}. */
    void write(Entry e) {
        Properties p = new Properties();
        p.setProperty("version", Integer.toString(VERSION));
        p.setProperty("operation", e.kind());
        p.setProperty("state", e.state().word);
        p.setProperty("set", e.setId().toString());
        p.setProperty("snapshots", String.join(",", e.snapshots().stream().map(UUID::toString).toList()));
        p.setProperty("volumes", String.join("|", e.volumes()));
        p.setProperty("persistent", Boolean.toString(e.persistent()));
        p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        p.setProperty("written", Instant.now().toString());
        try {
            AtomicFiles.replace(file(e), w -> p.store(w, "vss4j simulator: shadow copy set " + e.kind()
                    + " in flight"));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot journal the " + e.kind() + " of shadow copy set " + e.setId(), ex);
        }
    }

    /** Removes the record of {@code e}: the operation is done (or undone). */
    void remove(Entry e) {
        try {
            AtomicFiles.delete(file(e));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot remove the journal record " + file(e), ex);
        }
    }

    /** The records found: each readable one, and each unreadable one as a problem. */
    record Found(List<Entry> entries, List<UnreadableRecord> unreadable) {
    }

    Found load() {
        List<Entry> entries = new ArrayList<>();
        List<UnreadableRecord> unreadable = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                try {
                    entries.add(read(f));
                } catch (IOException | RuntimeException ex) {
                    unreadable.add(new UnreadableRecord(f, RecordProblems.describe(ex)));
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the journal records in " + dir, ex);
        }
        return new Found(entries, unreadable);
    }

    private static Entry read(Path f) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        RecordProblems.checkVersion(p, VERSION, true);
        UUID[] ids = idsOf(f);
        if (ids == null) {
            throw new IllegalArgumentException("its name is not <set id>.<operation id>" + SUFFIX);
        }
        UUID set = UUID.fromString(RecordProblems.required(p, "set"));
        if (!set.equals(ids[0])) {
            throw new IllegalArgumentException("its set " + set + " is not the one its name says");
        }
        String snapshots = RecordProblems.required(p, "snapshots");
        String volumes = p.getProperty("volumes", "");
        return new Entry(ids[1], set,
                State.of(RecordProblems.required(p, "state")),
                snapshots.isEmpty() ? List.of() : Arrays.stream(snapshots.split(",")).map(UUID::fromString).toList(),
                volumes.isEmpty() ? List.of() : List.of(volumes.split("\\|")),
                Boolean.parseBoolean(p.getProperty("persistent")));
    }
}
