package org.vss4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.vss4j.BackupComponents;
import org.vss4j.SnapshotContext;
import org.vss4j.SnapshotProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vss snapshot list}: every shadow copy on the machine (like {@code vssadmin list shadows}). */
@Command(name = "list", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "List the shadow copies on the machine, of every context (like vssadmin list shadows).",
        footer = {"%nExamples:",
            "  vss snapshot list",
            "  vss snapshot list --set {5814d996-82c4-4062-b2f6-6795d5f2a2c2}",
            "  vss snapshot list --json",
            ExitCodes.HELP_ADMIN})
final class SnapshotListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimulatorOptions simulator;

    @Option(names = "--set", paramLabel = "SET_ID",
            description = "Only the shadow copies of this set (its GUID, with or without braces).")
    private UUID set;

    @Option(names = "--json", description = "Print the shadow copies as JSON on stdout (notes go to stderr).")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // A requester sees only the shadow copies of its own context unless it asks for all of them: the frame sets
        // VSS_CTX_ALL (SetContext may be called only once per IVssBackupComponents).
        return Requester.run(simulator, SnapshotContext.ALL, bc -> {
            List<SnapshotProperties> all = bc.querySnapshots().stream()
                    .filter(p -> set == null || set.equals(p.snapshotSetId())).toList();
            DriveLetters letters = DriveLetters.read();
            if (json) {
                Json.print(out, new JsonForms.SnapshotList(all.stream().map(p -> JsonForms.Snapshot.of(p,
                        letters.of(p.originalVolumeName()), SimulatedHost.hostPathOf(p.exposedName()))).toList()));
            } else if (all.isEmpty()) {
                out.println("no shadow copies" + (set == null ? "" : " in set {" + set + "}"));
            } else {
                all.forEach(p -> Printer.snapshot(out, p, letters.of(p.originalVolumeName()),
                        SimulatedHost.hostPathOf(p.exposedName())));
            }
            return ExitCodes.OK;
        });
    }
}
