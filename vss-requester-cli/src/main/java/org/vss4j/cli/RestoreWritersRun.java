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
            List<WritersRestore.Component> components, List<String> services, List<String> notApplied,
            boolean allRestored, Failure failure) {
    }

    /**
     * A writer that failed the restore as a whole (its PreRestore or PostRestore operation failed), or refused what
     * the command line asked of it before PreRestore (phase {@code SET_RESTORE_OPTIONS}).
     */
    record Failure(String phase, String writer, String hresult, String message) {
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
        String newTarget = target == null ? null : target.toString();
        if (newTarget != null) {
            NewTargetArgument.checkForm(newTarget); // the simulator's volumes are checked once it runs
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
        ComponentArguments args = new ComponentArguments(m.reader().components(s.setId()), s.setId());
        Set<String> chosen = new LinkedHashSet<>();
        for (String c : components) {
            chosen.addAll(args.choose("--component " + c, c));
        }
        args.chosen(chosen);
        chosen.forEach(k -> builder.component(ComponentArguments.writerOf(k), ComponentArguments.pathOf(k)));
        Map<String, String> options = options(args);
        options.forEach((k, text) -> builder.restoreOptions(ComponentArguments.writerOf(k),
                ComponentArguments.pathOf(k), text));
        requests.applyTo(builder, args);
        err.printf("restoring set %s with its writers, restore type %s%s%s%n", s.setId(), name(restoreType),
                set == null ? " (the newest complete set in " + m.media() + ")" : "",
                newTarget == null ? "" : ", the files to copy under the new target " + newTarget);
        err.flush();
        simulator.prepare();
        List<WritersRestore.Component> outcomes;
        List<String> notApplied;
        List<String> services;
        try {
            if (newTarget != null) {
                builder.newTargetRoot(NewTargetArgument.onThisMachine(newTarget));
            }
            WritersRestore.Outcome o = new WritersRestore(m.reader(), s.setId(), options).run(builder);
            outcomes = o.components();
            notApplied = o.notApplied();
            services = o.services();
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
        boolean all = outcomes.stream().allMatch(WritersRestore.Component::restored);
        if (json) {
            org.vss4j.cli.Json.print(out, new Json(media.toAbsolutePath().toString(), s.setId(), name(restoreType),
                    newTarget, outcomes, services, notApplied, all, null));
        } else {
            for (WritersRestore.Component c : outcomes) {
                out.printf("%s\\%s: %s%s%s%n", c.writer(), c.component(), c.restored()
                        ? "restored (" + c.files() + " file(s), " + c.status() + ")"
                                + (c.reason() == null ? "" : ", " + c.reason())
                        : c.reason() + (c.status() != null ? " (" + c.status() + ")" : ""),
                        c.procedure() == null ? "" : ", " + c.procedure(),
                        c.restoreOptions() == null ? "" : ", restore options: " + c.restoreOptions());
            }
            if (outcomes.isEmpty()) {
                out.println("no component of the set to restore");
            }
            for (String done : services) {
                out.println("service " + done.substring(done.indexOf(' ') + 1) + ": " + done.substring(0,
                        done.indexOf(' ')));
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
    private int writerFailed(PrintWriter out, PrintWriter err, String setId, String newTarget, BackupException e) {
        String phase = e.phase().name();
        String hresult = VssHresult.describe(e.hresult());
        String writer = e.writer().orElse(null);
        if (json) {
            org.vss4j.cli.Json.print(out, new Json(media.toAbsolutePath().toString(), setId, name(restoreType),
                    newTarget, List.of(), List.of(), List.of(), false, new Failure(phase, writer, hresult,
                            e.getMessage())));
        } else {
            out.printf("not restored: writer %s failed %s (%s): %s%n", writer, phase, hresult, e.getMessage());
            out.flush();
        }
        err.printf("vss: restore: writer %s failed %s with %s; the components of set %s were not restored%n",
                writer, phase, hresult, setId);
        err.flush();
        return ExitCodes.COMPONENTS_NOT_RESTORED;
    }

    /**
     * The session refused what the command line asked of a writer before PreRestore ({@code SET_RESTORE_OPTIONS}:
     * a new target, an authoritative restore, a roll-forward or a new name its backup schema does not declare, or a
     * request for a component the session does not select). The writers heard nothing of the restore and nothing
     * was written: reported as a component not restored, exit code 13, with the option to drop.
     */
    private int requestRefused(PrintWriter out, PrintWriter err, String setId, String newTarget, BackupException e) {
        String writer = e.writer().orElse(null);
        String hresult = VssHresult.describe(e.hresult());
        String message = SessionTexts.cli(e.getMessage());
        String option = SessionTexts.optionRefused(e.getMessage());
        String what = option == null ? "" : " (restore without " + option + ", or choose with --component only "
                + "components of writers that support it)";
        if (json) {
            org.vss4j.cli.Json.print(out, new Json(media.toAbsolutePath().toString(), setId, name(restoreType),
                    newTarget, List.of(), List.of(), List.of(), false, new Failure(e.phase().name(), writer, hresult,
                            message + what)));
        } else {
            out.printf("not restored: writer %s refused what was asked before PreRestore (%s): %s%s%n", writer,
                    hresult, message, what);
            out.flush();
        }
        err.printf("vss: restore: writer %s cannot take what the command line asked (%s); nothing was restored and "
                + "no writer was told of the restore%n", writer, hresult);
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
            for (String k : args.chooseRestored("--restore-options " + arg, arg.substring(0, eq))) {
                out.put(k, text);
            }
        }
        return out;
    }
}
