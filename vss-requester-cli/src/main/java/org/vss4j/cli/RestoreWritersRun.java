package org.vss4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
    record Json(String media, String set, List<WritersRestore.Component> components, boolean allRestored,
            Failure failure) {
    }

    /** A writer that failed the restore as a whole (its PreRestore or PostRestore operation failed). */
    record Failure(String phase, String writer, String hresult, String message) {
    }

    private final Path media;
    private final String set;
    private final Path target;
    private final List<String> components;
    private final boolean json;
    private final SimulatorOptions simulator;

    RestoreWritersRun(Path media, String set, Path target, List<String> components, boolean json,
            SimulatorOptions simulator) {
        this.media = media;
        this.set = set;
        this.target = target;
        this.components = components;
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
        RestoreSessionBuilder builder = RestoreSession.builder().document(document);
        List<ComponentRow> rows = m.reader().components(s.setId());
        for (String c : components) {
            choose(builder, c, rows, s.setId());
        }
        err.printf("restoring set %s with its writers%s%n", s.setId(),
                set == null ? " (the newest complete set in " + m.media() + ")" : "");
        err.flush();
        simulator.prepare();
        List<WritersRestore.Component> outcomes;
        try {
            outcomes = new WritersRestore(m.reader(), s.setId()).run(builder);
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
            org.vss4j.cli.Json.print(out, new Json(media.toAbsolutePath().toString(), s.setId(), outcomes, all,
                    null));
        } else {
            for (WritersRestore.Component c : outcomes) {
                out.printf("%s\\%s: %s%n", c.writer(), c.component(), c.restored()
                        ? "restored (" + c.files() + " file(s), " + c.status() + ")"
                        : c.reason() + (c.status() != null ? " (" + c.status() + ")" : ""));
            }
            if (outcomes.isEmpty()) {
                out.println("no component of the set to restore");
            }
            out.flush();
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
            org.vss4j.cli.Json.print(out, new Json(media.toAbsolutePath().toString(), setId, List.of(), false,
                    new Failure(phase, writer, hresult, e.getMessage())));
        } else {
            out.printf("not restored: writer %s failed %s (%s): %s%n", writer, phase, hresult, e.getMessage());
            out.flush();
        }
        err.printf("vss: restore: writer %s failed %s with %s; the components of set %s were not restored%n",
                writer, phase, hresult, setId);
        err.flush();
        return ExitCodes.COMPONENTS_NOT_RESTORED;
    }

    /** {@code WRITER} (every component of it in the set) or {@code WRITER:PATH}, checked against the set. */
    private static void choose(RestoreSessionBuilder builder, String arg, List<ComponentRow> rows, String setId) {
        int colon = arg.indexOf(':');
        String writer = colon < 0 ? arg : arg.substring(0, colon);
        String path = colon < 0 ? null : arg.substring(colon + 1);
        List<ComponentRow> ofWriter = rows.stream().filter(r -> writer.equalsIgnoreCase(r.writerName())
                && r.writerId() != null).toList();
        if (ofWriter.isEmpty()) {
            throw new UsageException("--component " + arg + ": set " + setId + " holds no component of a writer "
                    + "named " + writer + " (its writers: " + rows.stream().map(ComponentRow::writerName).distinct()
                            .toList() + ")");
        }
        List<ComponentRow> chosen = path == null ? ofWriter : ofWriter.stream()
                .filter(r -> fullPath(r).equalsIgnoreCase(path)).toList();
        if (chosen.isEmpty()) {
            throw new UsageException("--component " + arg + ": set " + setId + " holds no component " + path
                    + " of " + writer + " (its components: " + ofWriter.stream().map(RestoreWritersRun::fullPath)
                            .toList() + ")");
        }
        chosen.stream().map(r -> r.writerId().toLowerCase(Locale.ROOT) + "\n" + fullPath(r)).distinct()
                .forEach(k -> builder.component(UUID.fromString(k.substring(0, k.indexOf('\n'))),
                        k.substring(k.indexOf('\n') + 1)));
    }

    private static String fullPath(ComponentRow r) {
        return r.logicalPath() == null || r.logicalPath().isEmpty() ? r.name() : r.logicalPath() + "\\" + r.name();
    }
}
