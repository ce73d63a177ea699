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
import org.vss4j.RestoreType;
import org.vss4j.VssHresult;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.ComponentRow;
import org.vss4j.session.BackupException;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.RestoreSession;
import org.vss4j.session.RestoreSessionBuilder;

/**
 * One {@code vss restore --writers} run: the set, the stored document and the components chosen, the session
 * ({@link WritersRestore}), the outcome per component, the exit code.
 */
final class RestoreWritersRun {

    /** The JSON form of the run. */
    record Json(String media, String set, String restoreType, String newTarget,
            List<WritersRestore.Component> components, List<WritersRestore.Service> services,
            List<String> notApplied, boolean allRestored, Failure failure) {
    }

    /**
     * A writer that failed the restore as a whole (its PreRestore or PostRestore operation failed), or refused what
     * the command line asked of it before PreRestore (phase {@code SET_RESTORE_OPTIONS}).
     */
    record Failure(String phase, String writer, int hresult, String hresultName, String message) {
    }

    private final Path media;
    private final String set;
    private final Path target;
    private final List<String> components;
    private final RestoreType restoreType;
    private final List<String> restoreOptions;
    private final WriterRequests requests;
    private final boolean json;
    private final SimulatorOptions simulator;

    /**
     * @param restoreType    {@code --restore-type}, null for the default ({@code by-copy})
     * @param restoreOptions {@code --restore-options WRITER[:PATH]=TEXT} arguments
     * @param target         {@code --to}: the Windows directory the files to copy go under (a new target), or null
     */
    RestoreWritersRun(Path media, String set, Path target, List<String> components, RestoreType restoreType,
            List<String> restoreOptions, WriterRequests requests, boolean json, SimulatorOptions simulator) {
        this.media = media;
        this.set = set;
        this.target = target;
        this.components = components;
        this.restoreType = restoreType == null ? RestoreType.BY_COPY : restoreType;
        this.restoreOptions = restoreOptions;
        this.requests = requests;
        this.json = json;
        this.simulator = simulator;
    }

    int call(PrintWriter out, PrintWriter err) throws IOException {
        String newTarget = target == null ? null : NewTargetArgument.checkForm(target.toString());
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
        List<ComponentRow> rows = m.reader().components(s.setId());
        if (rows.isEmpty()) {
            // A backup without writers stores a document with no component: nothing a writer could restore.
            throw new UsageException("set " + s.setId() + " was made without writers (--no-writers / "
                    + "--volume-mode): its Backup Components Document has no component; restore its files without "
                    + "--writers");
        }
        RestoreSessionBuilder builder = RestoreSession.builder().document(document).restoreType(restoreType);
        ComponentArguments args = new ComponentArguments(rows, s.setId());
        Set<String> chosen = new LinkedHashSet<>();
        for (String c : components) {
            chosen.addAll(args.choose("--component " + c, c));
        }
        args.chosen(chosen);
        chosen.forEach(k -> builder.component(ComponentArguments.writerOf(k), ComponentArguments.pathOf(k)));
        Map<String, String> options = options(args);
        options.forEach((k, text) -> builder.restoreOptions(ComponentArguments.writerOf(k),
                ComponentArguments.pathOf(k), text));
        Map<String, WriterRequests.Asked> asked = requests.applyTo(builder, args);
        simulator.prepare();
        List<WritersRestore.Component> outcomes;
        List<String> notApplied;
        List<WritersRestore.Service> services;
        List<Path> staged;
        try {
            if (newTarget != null) {
                // Checked before the restore is announced: a usage error says nothing was begun.
                builder.newTargetRoot(NewTargetArgument.onThisMachine(newTarget));
            }
            if (SimulatedHost.active() && !simulator.volumesDeclared()) {
                // The set's paths are Windows paths: on the default volume they land in whatever directory this is.
                err.printf("(simulated VSS: no --sim-volume given, so the files of C:\\ are written back into the "
                        + "current directory %s; give the --sim-volume options the backup used)%n",
                        Path.of("").toAbsolutePath());
            }
            err.printf("restoring set %s with its writers, restore type %s%s%s%n", s.setId(), name(restoreType),
                    set == null ? " (the newest complete set in " + m.media() + ")" : "",
                    newTarget == null ? "" : ", the files to copy under the new target " + newTarget);
            err.flush();
            WritersRestore.Outcome o = new WritersRestore(m.reader(), s.setId(), options, asked, err).run(builder);
            outcomes = o.components();
            notApplied = o.notApplied();
            services = o.services();
            staged = o.stagedFiles();
        } catch (BackupException e) {
            if (e.writerFailure().isPresent()) {
                return writerFailed(out, err, s.setId(), newTarget, e);
            }
            if (e.phase() == BackupPhase.SET_RESTORE_OPTIONS && e.writer().isPresent()
                    && (e.hresult() == VssHresult.E_INVALIDARG.code()
                            || e.hresult() == VssHresult.VSS_E_OBJECT_NOT_FOUND.code())) {
                return requestRefused(out, err, s.setId(), newTarget, e);
            }
            throw e; // VSS itself failed: exit code 3 with the call and HRESULT
        } finally {
            simulator.close();
        }
        boolean all = !outcomes.isEmpty() && outcomes.stream().allMatch(WritersRestore.Component::restored);
        if (json) {
            org.vss4j.cli.Json.print(out, new Json(media.toAbsolutePath().toString(), s.setId(), name(restoreType),
                    newTarget, outcomes, services, notApplied, all, null));
        } else {
            outcomes.forEach(c -> out.println(RestoreText.line(c)));
            for (WritersRestore.Service done : services) {
                out.println("service " + done.service() + ": " + done.action());
            }
            SetText.notApplied(out, notApplied);
            out.flush();
        }
        if (!staged.isEmpty() && SimulatedHost.active()) {
            // The simulator keeps no pending rename once the run ends and cannot reboot: say what is left behind.
            err.printf("(simulated VSS: %d file(s) staged for the next reboot stay beside their originals, as %s%s; "
                    + "the simulated machine does not reboot and forgets the pending replacements when the command "
                    + "ends: move each over its original to finish the restore, or delete it to undo it; a backup "
                    + "made meanwhile stores them too)%n", staged.size(), staged.get(0),
                    staged.size() > 1 ? " and the like" : "");
            err.flush();
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
    private int writerFailed(PrintWriter out, PrintWriter err, String setId, String newTarget, BackupException e) {
        String phase = e.phase().name();
        String hresult = VssHresult.describe(e.hresult());
        String writer = e.writer().orElse(null);
        String why = SessionTexts.detailOf(e);
        if (json) {
            org.vss4j.cli.Json.print(out, new Json(media.toAbsolutePath().toString(), setId, name(restoreType),
                    newTarget, List.of(), List.of(), List.of(), false, new Failure(phase, writer, e.hresult(),
                            JsonForms.hresultName(e.hresult()), why)));
        } else {
            out.printf("writer %s: not restored: it failed %s (%s): %s%n", writer, phase, hresult, why);
            out.flush();
        }
        err.printf("vss: restore: the components of set %s were not restored (writer %s failed %s, named on "
                + "stdout)%n", setId, writer, phase);
        err.flush();
        return ExitCodes.COMPONENTS_NOT_RESTORED;
    }

    /**
     * The session refused what the command line asked of a writer before PreRestore ({@code SET_RESTORE_OPTIONS}:
     * a new target, an authoritative restore, a roll-forward or a new name its backup schema does not declare, or a
     * request for a component the session does not select). The writers heard nothing of the restore and nothing
     * was written: reported as a component not restored, exit code 13, with the option to drop. The refusal is the
     * session's own words: the HRESULT's generic meaning ("check the values passed") does not fit a value the writer
     * merely does not support, so it is left out.
     */
    private int requestRefused(PrintWriter out, PrintWriter err, String setId, String newTarget, BackupException e) {
        String writer = e.writer().orElse(null);
        String why = SessionTexts.cli(SessionTexts.detailOf(e));
        String option = SessionTexts.optionRefused(e.getMessage());
        String advice = option == null ? null : "restore without " + option + ", or choose with --component only "
                + "components of writers that support it";
        String what = "";
        if (advice != null && why.endsWith("restore without it")) {
            why = why.substring(0, why.length() - "restore without it".length()) + advice; // the option by name
        } else if (advice != null && !why.contains("without " + option)) {
            what = "; " + advice;
        }
        if (json) {
            org.vss4j.cli.Json.print(out, new Json(media.toAbsolutePath().toString(), setId, name(restoreType),
                    newTarget, List.of(), List.of(), List.of(), false, new Failure(e.phase().name(), writer,
                            e.hresult(), JsonForms.hresultName(e.hresult()), why + what)));
        } else {
            out.printf("writer %s: not restored: %s%s%n", writer, why, what);
            out.flush();
        }
        err.printf("vss: restore: nothing was restored and no writer was told of the restore (writer %s cannot take "
                + "what the command line asked, named on stdout)%n", writer);
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
    private Map<String, String> options(ComponentArguments args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String arg : restoreOptions) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--restore-options " + arg + ": give it as WRITER=TEXT or "
                        + "WRITER:PATH=TEXT (the writer's name, a component's logical path and name, the text the "
                        + "writer reads with IVssComponent::GetRestoreOptions)");
            }
            String text = arg.substring(eq + 1);
            if (text.isBlank()) {
                throw new UsageException("--restore-options " + arg + ": the TEXT is empty; give the text the "
                        + "writer reads, or leave the option out");
            }
            for (String k : args.chooseRestored("--restore-options " + arg, arg.substring(0, eq))) {
                out.put(k, text);
            }
        }
        return out;
    }
}
