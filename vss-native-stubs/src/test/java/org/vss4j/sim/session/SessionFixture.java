package org.vss4j.sim.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.BackupSessionBuilder;
import org.vss4j.session.ComponentSelection;
import org.vss4j.session.RestoreOutcome;
import org.vss4j.session.RestoreResult;
import org.vss4j.session.RestoreSession;
import org.vss4j.session.RestoreSessionBuilder;
import org.vss4j.sim.SimulatedMachine;

/**
 * A simulated machine with volume {@code C:\} and helpers to write files, copy a session's items, and back up
 * writers' components to restore them.
 */
final class SessionFixture {

    /** A component-mode backup: its result and what it saved, original path to content. */
    record Backup(BackupResult result, Map<String, String> saved) {

        /** The Backup Components Document a restore starts from. */
        String document() {
            return result.backupComponentsDocument();
        }
    }

    final SimulatedMachine machine;
    final Path c;
    final List<BackupEvent> events = new ArrayList<>();

    SessionFixture(SimulatedMachine machine, Path tempDir) {
        this.machine = machine;
        this.c = mkdirs(tempDir.resolve("c"));
        machine.addVolume(c, "C:\\");
    }

    /** Writes {@code content} at the Windows-relative path {@code rel} ({@code a\b.txt}) under {@code root}. */
    static Path write(Path root, String rel, String content) {
        Path p = root;
        for (String part : rel.split("\\\\")) {
            p = p.resolve(part);
        }
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static Path mkdirs(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A builder with the fixture's listener and short timeouts; writer paths expand in the machine-scope environment
     * the session reads itself (CreateEnvironmentBlock, answered by the simulated machine).
     */
    BackupSessionBuilder session() {
        return BackupSession.builder().listener(events::add).phaseTimeout(Duration.ofSeconds(30));
    }

    /** A component-mode backup of every component of the writers of {@code writerClasses}, each item copied. */
    Backup backUpComponents(UUID... writerClasses) {
        ComponentSelection[] selections = java.util.Arrays.stream(writerClasses).map(ComponentSelection::writer)
                .toArray(ComponentSelection[]::new);
        try (BackupSession s = session().components(selections).start()) {
            Map<String, String> saved = copyAll(s);
            return new Backup(s.complete(), saved);
        }
    }

    /** A restore of the backup {@code document} with short timeouts, as {@link #session()} for a backup. */
    static RestoreSessionBuilder restore(String document) {
        return RestoreSession.builder().document(document).phaseTimeout(Duration.ofSeconds(30));
    }

    /** The outcome of the component {@code name}. */
    static RestoreOutcome outcome(RestoreResult r, String name) {
        return r.outcomes().stream().filter(o -> o.component().name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Reads every file item from the shadow copy and reports it saved (a link item is recorded as saved without being
     * followed); returns original path to content.
     */
    static Map<String, String> copyAll(BackupSession s) {
        Map<String, String> copied = new java.util.TreeMap<>();
        for (BackupItem item : s.items()) {
            if (item.kind() == org.vss4j.session.ItemKind.LINK) {
                s.saved(item);
                continue;
            }
            try {
                copied.put(item.originalPath(), Files.readString(item.inSnapshot()));
                s.saved(item);
            } catch (IOException e) {
                s.failed(item, e);
            }
        }
        return copied;
    }

    /** The original paths of the file items, sorted. */
    static List<String> originals(BackupSession s) {
        return s.items().stream().filter(i -> i.kind() == org.vss4j.session.ItemKind.FILE)
                .map(BackupItem::originalPath).sorted().toList();
    }

    /** The original paths of the link items (links, junctions, mount points: recorded, not followed), sorted. */
    static List<String> links(BackupSession s) {
        return s.items().stream().filter(i -> i.kind() == org.vss4j.session.ItemKind.LINK)
                .map(BackupItem::originalPath).sorted().toList();
    }
}
