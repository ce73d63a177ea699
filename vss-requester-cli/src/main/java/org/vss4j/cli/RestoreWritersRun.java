package org.vss4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vss4j.RestoreType;
import org.vss4j.VssHresult;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.ComponentRow;
import org.vss4j.session.BackupException;
import org.vss4j.session.RestoreSession;
import org.vss4j.session.RestoreSessionBuilder;

/**
 * One {@code vss restore --writers} run: the set, the stored document and the components chosen, the session
 * ({@link WritersRestore}), the outcome per component, the exit code.
 */
final class RestoreWritersRun {

    /** The JSON form of the run. */
    record Json(String media, String set, String restoreType, List<WritersRestore.Component> components,
            List<String> notApplied, boolean allRestored, Failure failure) {
    }

    /** A writer that failed the restore as a whole (its PreRestore or PostRestore operation failed). */
    record Failure(String phase, String writer, String hresult, String message) {
    }

    private final Path media;
    private final String set;
    private final Path target;
    private final List<String> components;
    private final RestoreType restoreType;
    private final List<String> restoreOptions;
    private final boolean json;
    private final SimulatorOptions simulator;

    /**
     * @param restoreType    {@code --restore-type}, null for the default ({@code by-copy})
     * @param restoreOptions {@code --restore-options WRITER[:PATH]=TEXT} arguments
     */
    RestoreWritersRun(Path media, String set, Path target, List<String> components, RestoreType restoreType,
            List<String> restoreOptions, boolean json, SimulatorOptions simulator) {
        this.media = media;
        this.set = set;
        this.target = target;
        this.components = components;
        this.restoreType = restoreType == null ? RestoreType.BY_COPY : restoreType;
        this.restoreOptions = restoreOptions;
        this.json = json;
        this.simulator = simulator;
    }

    int call(PrintWriter out, PrintWriter err) throws IOException {
        if (target != null) {
            // Not supported yet: RestoreSession has no AddNewTarget, and an alternate location is the writer's
            // decision (its restore method and mapping), not the command line's.
            throw new UsageException("--to goes without --writers: with --writers the writers' restore methods "
                    + "decide where the files go (a new target, AddNewTarget, is not supported yet)");
        }
        MediaSets m = MediaSets.open(media, err);
        BackupSetInfo s;
        if (set == null) {
            m.atLeastOne();
            s = m.newestComplete().orElseThrow(() -> new UsageException("no complete set in " + m.media()
                    + " to restore without SET; name one of its sets: " + m.ids()));
        } else {
            s = m.named(set);
        }
        String document = m.reader().backupComponentsDocument(s.setId()).orElseThrow(() -> new UsageException(
                "set " + s.setId() + " stores no Backup Components Document (documents/backup-components.xml): "
                        + "restore its files without --writers"));
        RestoreSessionBuilder builder = RestoreSession.builder().document(document).restoreType(restoreType);
        List<ComponentRow> rows = m.reader().components(s.setId());
        Set<String> chosen = new LinkedHashSet<>();
        for (String c : components) {
            chosen.addAll(choose("--component " + c, c, rows, s.setId()));
        }
        chosen.forEach(k -> builder.component(UUID.fromString(k.substring(0, k.indexOf('\n'))),
                k.substring(k.indexOf('\n') + 1)));
        Map<String, String> options = options(rows, s.setId(), chosen);
        options.forEach((k, text) -> builder.restoreOptions(UUID.fromString(k.substring(0, k.indexOf('\n'))),
                k.substring(k.indexOf('\n') + 1), text));
        err.printf("restoring set %s with its writers, restore type %s%s%n", s.setId(), name(restoreType),
                set == null ? " (the newest complete set in " + m.media() + ")" : "");
        err.flush();
        simulator.prepare();
        List<WritersRestore.Component> outcomes;
        List<String> notApplied;
        try {
            WritersRestore.Outcome o = new WritersRestore(m.reader(), s.setId(), options).run(builder);
            outcomes = o.components();
            notApplied = o.notApplied();
        } catch (BackupException e) {
            if (e.writerFailure().isEmpty()) {
                throw e; // VSS itself failed: exit code 3 with the call and HRESULT
            }
            return writerFailed(out, err, s.setId(), e);
        } finally {
            simulator.close();
        }
        boolean all = outcomes.stream().allMatch(WritersRestore.Component::restored);
        if (json) {
            org.vss4j.cli.Json.print(out, new Json(media.toAbsolutePath().toString(), s.setId(), name(restoreType),
                    outcomes, notApplied, all, null));
        } else {
            for (WritersRestore.Component c : outcomes) {
                out.printf("%s\\%s: %s%s%n", c.writer(), c.component(), c.restored()
                        ? "restored (" + c.files() + " file(s), " + c.status() + ")"
                        : c.reason() + (c.status() != null ? " (" + c.status() + ")" : ""),
                        c.restoreOptions() == null ? "" : ", restore options: " + c.restoreOptions());
            }
            if (outcomes.isEmpty()) {
                out.println("no component of the set to restore");
            }
            SetText.notApplied(out, notApplied);
            out.flush();
        }
        if (!notApplied.isEmpty()) {
            // As the plain restore: the data is there, the exit code does not change, what is missing is not hidden.
            err.printf("vss: restore: %d security descriptors, alternate data streams, times or attributes of restored "
                    + "files and directories were not applied; the files' data is restored (%s)%n",
                    notApplied.size(), SetText.whereNotAppliedAre(notApplied.size(), json));
            err.flush();
        }
        if (!all) {
            err.printf("vss: restore: %d of %d component(s) not restored (each is named with why)%n",
                    outcomes.stream().filter(c -> !c.restored()).count(), outcomes.size());
            err.flush();
            return ExitCodes.COMPONENTS_NOT_RESTORED;
        }
        return ExitCodes.OK;
    }

    /**
     * A writer failed the PreRestore (or PostRestore) operation itself: the session ended it (PostRestore where VSS
     * takes it) and nothing of the components it was to restore is known restored.
     */
    private int writerFailed(PrintWriter out, PrintWriter err, String setId, BackupException e) {
        String phase = e.phase().name();
        String hresult = VssHresult.describe(e.hresult());
        String writer = e.writer().orElse(null);
        if (json) {
            org.vss4j.cli.Json.print(out, new Json(media.toAbsolutePath().toString(), setId, name(restoreType),
                    List.of(), List.of(), false, new Failure(phase, writer, hresult, e.getMessage())));
        } else {
            out.printf("not restored: writer %s failed %s (%s): %s%n", writer, phase, hresult, e.getMessage());
            out.flush();
        }
        err.printf("vss: restore: writer %s failed %s with %s; the components of set %s were not restored%n",
                writer, phase, hresult, setId);
        err.flush();
        return ExitCodes.COMPONENTS_NOT_RESTORED;
    }

    /** The restore type as {@code --restore-type} names it. */
    private static String name(RestoreType t) {
        return t.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * {@code --restore-options WRITER[:PATH]=TEXT}, each checked against the set (as {@code --component}) and, with
     * {@code --component}, against the components chosen: options for a component not restored would reach no writer.
     *
     * @return the text by {@link WritersRestore#key}, a later argument for the same component replacing an earlier one
     */
    private Map<String, String> options(List<ComponentRow> rows, String setId, Set<String> chosen) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String arg : restoreOptions) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--restore-options " + arg + ": give it as WRITER=TEXT or "
                        + "WRITER:PATH=TEXT (the writer's name, a component's logical path and name, the text the "
                        + "writer reads with IVssComponent::GetRestoreOptions)");
            }
            String text = arg.substring(eq + 1);
            for (String k : choose("--restore-options " + arg, arg.substring(0, eq), rows, setId)) {
                if (!chosen.isEmpty() && !chosen.contains(k)) {
                    throw new UsageException("--restore-options " + arg + ": component " + k.substring(k.indexOf('\n')
                            + 1) + " is not restored (--component chooses " + chosen.stream()
                                    .map(c -> c.substring(c.indexOf('\n') + 1)).toList() + ")");
                }
                out.put(k, text);
            }
        }
        return out;
    }

    /**
     * {@code WRITER} (every component of it in the set) or {@code WRITER:PATH}, checked against the set; an error
     * starts with {@code label}, the option and its argument.
     *
     * @return the components, by {@link WritersRestore#key}
     */
    private static List<String> choose(String label, String arg, List<ComponentRow> rows, String setId) {
        int colon = arg.indexOf(':');
        String writer = colon < 0 ? arg : arg.substring(0, colon);
        String path = colon < 0 ? null : arg.substring(colon + 1);
        List<ComponentRow> ofWriter = rows.stream().filter(r -> writer.equalsIgnoreCase(r.writerName())
                && r.writerId() != null).toList();
        if (ofWriter.isEmpty()) {
            throw new UsageException(label + ": set " + setId + " holds no component of a writer "
                    + "named " + writer + " (its writers: " + rows.stream().map(ComponentRow::writerName).distinct()
                            .toList() + ")");
        }
        List<ComponentRow> chosen = path == null ? ofWriter : ofWriter.stream()
                .filter(r -> fullPath(r).equalsIgnoreCase(path)).toList();
        if (chosen.isEmpty()) {
            throw new UsageException(label + ": set " + setId + " holds no component " + path
                    + " of " + writer + " (its components: " + ofWriter.stream().map(RestoreWritersRun::fullPath)
                            .toList() + ")");
        }
        return chosen.stream().map(r -> WritersRestore.key(UUID.fromString(r.writerId()), fullPath(r))).distinct()
                .toList();
    }

    private static String fullPath(ComponentRow r) {
        return r.logicalPath() == null || r.logicalPath().isEmpty() ? r.name() : r.logicalPath() + "\\" + r.name();
    }
}
