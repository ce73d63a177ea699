package org.vss4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.SetMetadata;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupResult;
import org.vss4j.session.ComponentChoice;
import org.vss4j.session.ComponentOutcome;
import org.vss4j.session.FileRecord;
import org.vss4j.session.ItemKind;
import org.vss4j.session.WriterRef;

/**
 * What {@code vss backup} reports once the set is written and the session completed: the set, its files and bytes,
 * each component's outcome ({@code SetBackupSucceeded}), the writers told the backup succeeded, each file not saved,
 * the writers that did not end stable; and the exit code these make ({@link ExitCodes}).
 */
final class BackupOutcome {

    private final Path media;
    private final BackupSetInfo set;
    private final BackupResult result;
    private final int attempts;
    private final String mode;
    private final List<ComponentChoice> leftOut;
    private final List<Link> links;

    /**
     * {@code mode}: {@code component mode}, {@code volume mode} or {@code no writers}; {@code leftOut}: the components
     * the session's own choice left out ({@code BackupSession.leftOutComponents()}).
     */
    BackupOutcome(Path media, BackupSetInfo set, BackupResult result, int attempts, String mode,
            List<ComponentChoice> leftOut) {
        this(media, set, result, attempts, mode, leftOut, List.of());
    }

    /**
     * As above; {@code items}: the session's items, whose links (symbolic links, junctions, mount points) the set
     * records in its catalog and never stores nor follows (docs/backup-sets.md): the outcome says so.
     */
    BackupOutcome(Path media, BackupSetInfo set, BackupResult result, int attempts, String mode,
            List<ComponentChoice> leftOut, List<BackupItem> items) {
        this.links = items.stream().filter(i -> i.kind() == ItemKind.LINK)
                .map(i -> new Link(i.originalPath(), String.format(java.util.Locale.ROOT, "0x%08X", i.reparseTag()),
                        org.vss4j.files.ReparseTag.describe(i.reparseTag()))).toList();
        this.mode = mode;
        this.leftOut = List.copyOf(leftOut);
        this.media = media;
        this.set = set;
        this.result = result;
        this.attempts = attempts;
    }

    /** 0 only when every file was saved and every writer ended stable. */
    int exitCode() {
        if (!failedFiles().isEmpty() || !"complete".equals(set.state())) {
            return ExitCodes.PARTIAL;
        }
        if (!result.writerFailures().isEmpty() || !result.postCompleteFailures().isEmpty()) {
            return ExitCodes.WRITERS_NOT_STABLE;
        }
        return ExitCodes.OK;
    }

    private List<FileRecord> failedFiles() {
        return result.files().stream().filter(f -> !f.saved()).toList();
    }

    /** The writers at least one of whose components was marked succeeded, each with those components. */
    private Map<WriterRef, List<String>> toldSuccess() {
        Map<WriterRef, List<String>> out = new LinkedHashMap<>();
        for (ComponentOutcome c : result.components()) {
            if (c.backupSucceeded()) {
                out.computeIfAbsent(c.component().writer(), w -> new ArrayList<>()).add(c.component().fullPath());
            }
        }
        return out;
    }

    void print(PrintWriter out) {
        SetMetadata m = set.metadata();
        out.printf("backup set %s in %s: %s%n", set.setId(), media, set.state());
        out.printf("  type %s, %s, snapshot set {%s} at %s%n", m.type(), mode(), m.snapshotSetId(),
                m.snapshotTime());
        if (m.parentSetId() != null) {
            out.printf("  builds on set %s%n", m.parentSetId());
        }
        out.printf("  %d file(s), %d byte(s) stored; %d file(s) not saved%n", set.files(), set.bytes(),
                failedFiles().size());
        if (!links.isEmpty()) {
            out.printf("  %d link(s) recorded, not stored (links and junctions are never followed; restore does not "
                    + "make them):%n", links.size());
            links.forEach(l -> out.printf("    %s: %s%n", l.path(), l.kind()));
        }
        if (attempts > 1) {
            out.printf("  started at attempt %d (a retryable writer failure before)%n", attempts);
        }
        Map<WriterRef, List<String>> told = toldSuccess();
        if (told.isEmpty()) {
            out.println("  writers told the backup succeeded: none" + (result.state().componentMode()
                    ? "" : " (no component is added outside component mode)"));
        } else {
            out.println("  writers told the backup succeeded (SetBackupSucceeded, then BackupComplete):");
            told.forEach((w, cs) -> out.printf("    %s: %s%n", w.name(), String.join(", ", cs)));
        }
        if (!result.components().isEmpty()) {
            out.println("  components:");
            for (ComponentOutcome c : result.components()) {
                out.printf("    %s\\%s: %s%n", c.component().writer().name(), c.component().fullPath(),
                        c.backupSucceeded() ? "succeeded" : "failed (" + c.failedFiles().size() + " file(s) not "
                                + "saved)");
            }
        }
        if (!leftOut.isEmpty()) {
            out.println("  components left out (not added, so their writers are not told of them):");
            printLeftOut(out);
        }
        if (!failedFiles().isEmpty()) {
            out.println("  not saved:");
            failedFiles().forEach(f -> out.printf("    %s: %s%n", f.originalPath(), f.failure()));
        }
        result.writerFailures().forEach(f -> out.printf("  not stable after BackupComplete: %s%n", f));
        result.postCompleteFailures().forEach(f -> out.printf("  failed after BackupComplete: %s%n", f));
        result.skippedWriters().forEach(w -> out.printf("  left out: %s%n", w));
        if ("unconfirmed".equals(set.state())) {
            out.println("  the set's outcome could not be recorded: it stays unconfirmed");
        }
    }

    /**
     * One line per writer: its component and why, or, for several, their names and the first one's reason (--json and
     * --dry-run give each). On the simulator, a volume that is not there is declared, not mounted.
     */
    private void printLeftOut(PrintWriter out) {
        Map<WriterRef, List<ComponentChoice>> byWriter = new LinkedHashMap<>();
        leftOut.forEach(c -> byWriter.computeIfAbsent(c.component().writer(), w -> new ArrayList<>()).add(c));
        byWriter.forEach((w, cs) -> {
            String reason = forThisHost(cs.get(0).reason());
            if (cs.size() == 1) {
                out.printf("    %s\\%s: %s%n", w.name(), cs.get(0).component().fullPath(), reason);
            } else {
                out.printf("    %s: %d components (%s); the first: %s%n", w.name(), cs.size(), String.join(", ",
                        cs.stream().map(c -> c.component().fullPath()).toList()), reason);
            }
        });
    }

    /** The advice to mount a volume, on the simulator: declare it (its drive letter when the reason names one). */
    static String forThisHost(String reason) {
        if (!SimulatedHost.active() || !reason.contains(MOUNT_ADVICE)) {
            return reason;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([A-Za-z]:)\\\\").matcher(reason);
        String letter = m.find() ? m.group(1).toUpperCase(java.util.Locale.ROOT) : "X:";
        return reason.replace(MOUNT_ADVICE, "on the simulator, declare " + letter + " with --sim-volume " + letter
                + "=DIR");
    }

    /** The session's advice for a path on no volume ({@code UnresolvablePathException.Reason.NO_VOLUME}). */
    private static final String MOUNT_ADVICE = "check that the volume is mounted";

    private String mode() {
        return mode;
    }

    /** The {@code --json} document. */
    Document json() {
        SetMetadata m = set.metadata();
        List<Component> components = result.components().stream().map(c -> new Component(c.component().writer()
                .name(), c.component().writer().instanceId(), c.component().fullPath(), c.backupSucceeded(),
                c.backupStamp(), c.failedFiles().stream().map(FileRecord::originalPath).toList())).toList();
        List<Told> told = new ArrayList<>();
        toldSuccess().forEach((w, cs) -> told.add(new Told(w.name(), w.instanceId(), cs)));
        List<Failed> failed = failedFiles().stream().map(f -> new Failed(f.originalPath(), f.writer() == null ? null
                : f.writer().name(), f.component() == null ? null : f.component().fullPath(), f.failure())).toList();
        return new Document(set.setId(), media.toString(), set.state(), m.type(), mode,
                m.sources().stream().map(SetMetadata.Source::source).toList(), m.parentSetId(), m.snapshotSetId(),
                m.snapshotTime(), set.files(), set.bytes(), failed.size(), links.size(), links, attempts, components,
                leftOut.stream().map(c -> new LeftOut(c.component().writer().name(), c.component().writer()
                        .instanceId(), c.component().fullPath(), c.reason())).toList(), told, failed,
                result.writerFailures().stream().map(Object::toString).toList(),
                result.postCompleteFailures().stream().map(Object::toString).toList(),
                result.skippedWriters().stream().map(Object::toString).toList(), exitCode());
    }

    /**
     * The outcome as one JSON document.
     *
     * @param mode               {@code component mode}, {@code volume mode} or {@code no writers}
     * @param linkCount          how many links and junctions the set records and does not store
     * @param links              those links
     * @param componentsLeftOut  what the default selection (every component whose files are all inside the
     *                           sources) left out
     * @param writersToldSuccess the writers whose components were marked succeeded before BackupComplete
     * @param writersNotStable   what writers reported after BackupComplete (none when all ended stable)
     */
    record Document(String setId, String media, String state, String type, String mode,
            List<String> sources, String parentSetId, UUID snapshotSetId, Instant snapshotTime, long files,
            long bytes, int failedFileCount, int linkCount, List<Link> links, int attempts,
            List<Component> components,
            List<LeftOut> componentsLeftOut, List<Told> writersToldSuccess,
            List<Failed> failedFiles, List<String> writersNotStable, List<String> failuresAfterBackupComplete,
            List<String> skippedWriters, int exitCode) {
    }

    /** A component added to the Backup Components Document and what {@code SetBackupSucceeded} recorded. */
    record Component(String writer, UUID writerInstanceId, String component, boolean backupSucceeded,
            String backupStamp, List<String> failedFiles) {
    }

    /** A component the default selection did not add, and why. */
    record LeftOut(String writer, UUID writerInstanceId, String component, String reason) {
    }

    /** A writer told the backup of these components succeeded. */
    record Told(String writer, UUID writerInstanceId, List<String> components) {
    }

    /**
     * A link (symbolic link, junction, mount point) recorded in the catalog, not stored: its reparse tag in hex, and
     * its name ({@code IO_REPARSE_TAG_SYMLINK (0xA000000C)}).
     */
    record Link(String path, String reparseTag, String kind) {
    }

    /** A file that could not be saved, and why. */
    record Failed(String path, String writer, String component, String reason) {
    }
}
