package org.vss4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vss verify MEDIA [SET]}: re-reads every stored byte of a set, or of every set, and compares it with the
 * catalog (size, SHA-256, place in data.tar); each problem is named and makes the exit code {@link
 * ExitCodes#SET_DAMAGED}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = {"Re-read every stored byte of SET, or of every set in MEDIA (oldest first), and compare it "
                + "with the catalog: each file's size, SHA-256 and place in data.tar, files the catalog lists that "
                + "data.tar lacks, and the reverse. For an incremental or differential SET, the files it takes "
                + "from the earlier sets of its chain are read there too: damage there is a problem of SET.",
            "A partial or unconfirmed set verifies when what it holds matches; its state is shown, never as "
                + "complete."},
        footer = {"%nExamples (" + Examples.LEGEND + "):",
            "  vss verify backups",
            "  vss verify backups 20261201T172241.690Z-b9144b --json",
            "  (cmd) vss verify E:\\backups",
            ExitCodes.HELP_VERIFY})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MEDIA", description = "The media directory the backups went to.")
    private Path media;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SET",
            description = "The set to verify (its id, as vss sets lists it). Without: every set.")
    private String set;

    @Mixin
    private SetReadOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MediaSets m = MediaSets.open(media, err);
        List<BackupSetInfo> sets = set == null ? m.atLeastOne() : List.of(m.named(set));
        List<SetJsonForms.VerifiedSet> forms = new ArrayList<>();
        int damaged = 0;
        for (BackupSetInfo s : sets) {
            err.printf("verifying set %s (%s, %s)%n", s.setId(), s.state(), SetText.bytes(s.bytes()));
            err.flush();
            VerifyReport r = ReadBar.during(options.progress(), err, "verifying " + s.setId(),
                    p -> m.reader().verify(s.setId(), p));
            if (!r.ok()) {
                damaged++;
            }
            if (options.json()) {
                forms.add(SetJsonForms.VerifiedSet.of(s, r));
            } else {
                SetText.verified(out, s, r);
                out.flush();
            }
        }
        if (options.json()) {
            Json.print(out, new SetJsonForms.Verification(media.toAbsolutePath().toString(), m.removed(),
                    damaged == 0, forms));
        }
        if (damaged > 0) {
            err.printf("vss: verification failed: %d of %s damaged (each problem is named on stdout)%n", damaged,
                    SetText.count(sets.size(), "set"));
            err.flush();
            return ExitCodes.SET_DAMAGED;
        }
        return ExitCodes.OK;
    }
}
