package org.vss4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vss4j.media.BackupSetInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vss sets MEDIA}: every backup set in a media directory (docs/backup-sets.md), oldest first. */
@Command(name = "sets", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = {"List the backup sets in MEDIA, oldest first (the newest is printed last): id, time, type, "
                + "sources, parent, files, bytes, state, and the VSS provider and host that made it.",
            "A set whose chain is broken (a set it builds on is missing or cannot be read) is said to be not "
                + "restorable, with why.",
            "Only complete sets are called complete: a partial one lacks files that could not be saved (they are "
                + "listed), an unconfirmed one was never told whether the writers learnt the backup succeeded. "
                + "What a killed or failed backup left is removed and said on stderr."},
        footer = {"%nExamples (" + Examples.LEGEND + "):",
            "  vss sets backups",
            "  vss sets backups --json",
            "  (cmd) vss sets E:\\backups",
            ExitCodes.HELP_SETS})
final class SetsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MEDIA", description = "The media directory the backups went to.")
    private Path media;

    @Option(names = "--json", description = "Print the sets as one JSON document on stdout (notes go to stderr).")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MediaSets m = MediaSets.open(media, spec.commandLine().getErr());
        List<SetJsonForms.Set> forms = new ArrayList<>();
        for (BackupSetInfo s : m.sets()) {
            MediaSets.Details d = m.details(s);
            if (json) {
                forms.add(SetJsonForms.Set.of(d));
            } else {
                SetText.set(out, d);
            }
        }
        if (json) {
            Json.print(out, new SetJsonForms.SetList(media.toAbsolutePath().toString(), m.removed(), forms));
        } else if (m.sets().isEmpty()) {
            out.println("no backup sets in " + media);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
