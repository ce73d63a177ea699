package org.vss4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.vss4j.diagnostics.FilesNotToSnapshot;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentChoice;
import org.vss4j.session.ComponentRef;
import org.vss4j.session.ExcludedFile;
import org.vss4j.session.FileRecord;
import org.vss4j.session.WriterRef;

/**
 * {@code vss backup --dry-run}: what a backup would hold, explained per writer and component from what the session
 * decided ({@link BackupSession#componentChoices()}, {@link BackupSession#excluded()},
 * {@link BackupSession#notTaken()}, {@link BackupSession#skippedWriters()}): each component added or not and why
 * (selected, a dependency pulled it in, nonselectable, not selected, its volume not in the set, left out of the
 * default selection because its files or a dependency reach a volume not in the set), the files writers
 * exclude, what cannot be backed up, and the FilesNotToSnapshot entries VSS deletes from every shadow copy of their
 * volume (Microsoft docs, "Excluding Files from Shadow Copies").
 */
final class DryRunReport {

    private final Document doc;

    private DryRunReport(Document doc) {
        this.doc = doc;
    }

    static DryRunReport of(BackupSession session, List<String> sources, String mode, int attempts) {
        Map<ComponentRef, Integer> filesOf = new LinkedHashMap<>();
        int unclaimed = 0;
        for (BackupItem i : session.items()) {
            if (i.component() == null) {
                unclaimed++;
            } else {
                filesOf.merge(i.component(), 1, Integer::sum);
            }
        }
        Map<WriterRef, List<Component>> byWriter = new LinkedHashMap<>();
        for (ComponentChoice c : session.componentChoices()) {
            byWriter.computeIfAbsent(c.component().writer(), w -> new ArrayList<>()).add(new Component(
                    c.component().fullPath(), c.selectable(), c.added(), c.reason(),
                    filesOf.getOrDefault(c.component(), 0)));
        }
        List<Writer> writers = new ArrayList<>();
        byWriter.forEach((w, cs) -> writers.add(new Writer(w.name(), w.writerId(), w.instanceId(), cs)));
        List<Excluded> excluded = session.excluded().stream().map(DryRunReport::excluded).toList();
        List<NotTaken> notTaken = session.notTaken().stream().map(f -> new NotTaken(f.originalPath(),
                name(f.writer()), f.component() == null ? null : f.component().fullPath(), f.failure())).toList();
        List<String> skipped = session.skippedWriters().stream().map(Object::toString).toList();
        return new DryRunReport(new Document(session.backupState().type().name().toLowerCase(Locale.ROOT), mode,
                sources, attempts, session.items().size(), unclaimed, writers, skipped, excluded, notTaken,
                filesNotToSnapshot(sources)));
    }

    private static Excluded excluded(ExcludedFile f) {
        String by = f.excludedBy() != null ? "excluded by writer " + f.excludedBy().name() : "left out";
        return new Excluded(f.originalPath(), name(f.writer()), f.component() == null ? null
                : f.component().fullPath(), by + ": " + f.reason());
    }

    private static String name(WriterRef w) {
        return w == null ? null : w.name();
    }

    /**
     * The FilesNotToSnapshot entries that may name files of the sources ({@link SnapshotOmissionScope}); empty when
     * the registry cannot be read.
     */
    private static List<Omitted> filesNotToSnapshot(List<String> sources) {
        Map<String, List<String>> values;
        try {
            values = FilesNotToSnapshot.ofThisMachine();
        } catch (RuntimeException cannotRead) {
            return List.of();
        }
        SnapshotOmissionScope scope = SnapshotOmissionScope.ofThisProcess();
        List<Omitted> out = new ArrayList<>();
        values.forEach((app, paths) -> paths.stream().filter(p -> scope.mayNameFilesUnder(p, sources))
                .forEach(p -> out.add(new Omitted(app, p))));
        return out;
    }

    Document json() {
        return doc;
    }

    void print(PrintWriter out) {
        out.printf("dry run: a %s backup of %s, %s; %d file(s) would be backed up%n", doc.type(),
                String.join(", ", doc.sources()), doc.mode(), doc.files());
        if (doc.attempts() > 1) {
            out.printf("  (started at attempt %d, after a retryable writer failure)%n", doc.attempts());
        }
        for (Writer w : doc.writers()) {
            // --component takes the class id; the instance id tells two instances of one writer apart.
            out.printf("writer %s {%s} (class id; instance {%s})%n", w.writer(), w.writerClassId(),
                    w.writerInstanceId());
            for (Component c : w.components()) {
                out.printf("  %s %s%s: %s%s%n", c.added() ? "+" : "-", c.component(),
                        c.selectable() ? "" : " (not selectable)", c.reason(),
                        c.files() > 0 ? "; " + c.files() + " file(s)" : "");
            }
        }
        doc.skippedWriters().forEach(s -> out.printf("writer left out: %s%n", s));
        out.printf("files no writer component claims: %d%n", doc.unclaimedFiles());
        if (!doc.excluded().isEmpty()) {
            out.println("excluded:");
            doc.excluded().forEach(e -> out.printf("  %s: %s%n", e.path(), e.reason()));
        }
        if (!doc.notTaken().isEmpty()) {
            out.println("cannot be backed up (the backup would be partial):");
            doc.notTaken().forEach(n -> out.printf("  %s: %s%n", n.path(), n.reason()));
        }
        if (!doc.filesNotToSnapshot().isEmpty()) {
            out.println("omitted by VSS from every shadow copy of their volume (FilesNotToSnapshot):");
            doc.filesNotToSnapshot().forEach(o -> out.printf("  %s: %s%n", o.application(), o.path()));
        }
        out.flush();
    }

    /**
     * The dry run as one JSON document.
     *
     * @param files          how many files the backup would copy
     * @param unclaimedFiles of them, those no writer component claims
     */
    record Document(String type, String mode, List<String> sources, int attempts, int files, int unclaimedFiles,
            List<Writer> writers, List<String> skippedWriters, List<Excluded> excluded, List<NotTaken> notTaken,
            List<Omitted> filesNotToSnapshot) {
    }

    /** A writer that reported metadata (its class id, as {@code --component} takes it), with each of its components. */
    record Writer(String writer, UUID writerClassId, UUID writerInstanceId, List<Component> components) {
    }

    /** A component: added or not, why, and how many files of it the backup would copy. */
    record Component(String component, boolean selectable, boolean added, String reason, int files) {
    }

    /** A file left out on purpose (a writer's exclusion, an unchanged differenced file). */
    record Excluded(String path, String writer, String component, String reason) {
    }

    /** Something found that cannot be backed up. */
    record NotTaken(String path, String writer, String component, String reason) {
    }

    /** A FilesNotToSnapshot entry: the application's value name and its path. */
    record Omitted(String application, String path) {
    }
}
