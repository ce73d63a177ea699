package org.vss4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.vss4j.BackupComponents;
import org.vss4j.DeleteSnapshotsResult;
import org.vss4j.ObjectType;
import org.vss4j.SnapshotContext;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vss snapshot delete ID...}: deletes shadow copies (or whole sets with {@code --set}). */
@Command(name = "delete", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "Delete shadow copies or whole shadow copy sets.",
        footer = {"%nExamples:",
            "  vss snapshot delete {54747dd5-e6a2-44ef-8d95-eeac2ec5ac91}",
            "  vss snapshot delete --set 5814d996-82c4-4062-b2f6-6795d5f2a2c2",
            ExitCodes.HELP_DELETE})
final class SnapshotDeleteCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimulatorOptions simulator;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Shadow copy ids (set ids with --set), GUIDs with or without braces, as "
                    + "`vss snapshot list` prints them.")
    private List<UUID> ids;

    @Option(names = "--set", description = "The ids are shadow copy set ids: delete every shadow copy of each set.")
    private boolean sets;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        return Requester.run(simulator, SnapshotContext.ALL, bc -> {
            for (UUID id : ids) {
                DeleteSnapshotsResult r;
                try {
                    r = bc.deleteSnapshots(id, sets ? ObjectType.SNAPSHOT_SET : ObjectType.SNAPSHOT, true);
                } catch (VssException e) {
                    throw wrongKind(bc, id, e);
                }
                if (sets) {
                    out.printf("deleted %d shadow cop%s of set {%s}%n", r.deletedCount(),
                            r.deletedCount() == 1 ? "y" : "ies", id);
                } else {
                    out.printf("deleted shadow copy {%s}%n", id);
                }
            }
            return ExitCodes.OK;
        });
    }

    /** {@code failure}, explained when {@code id} is of the other kind (a set's without --set, or the reverse). */
    private VssException wrongKind(BackupComponents bc, UUID id, VssException failure) {
        if (!failure.is(VssHresult.VSS_E_OBJECT_NOT_FOUND)) {
            return failure;
        }
        return (sets ? SnapshotIds.shadowCopyGivenForSet(bc, id) : SnapshotIds.setGivenForShadowCopy(bc, id, "delete"))
                .<VssException>map(why -> ExplainedVssFailure.badArgument(why, failure)).orElse(failure);
    }
}
