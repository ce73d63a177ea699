package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.sim.SimulatedMachine;

/**
 * A wrong target, volume or id is explained in front of VSS's own error, which stays whole (the call, the HRESULT
 * name). What is wrong with the command line itself (a target that is a file or missing, a folder or host path given
 * as a volume, a set id for a shadow copy id) is exit code 2; what VSS refused for the machine's state (a folder that
 * is not empty, a letter in use, a shadow copy exposed already) is 3. The simulator answers ExposeSnapshot's wrong
 * targets with E_INVALIDARG (docs/simulator-call-rules.md), AddToSnapshotSet a folder with VSS_E_OBJECT_NOT_FOUND.
 */
class ExposeAndVolumeErrorsTest {

    @TempDir
    Path volume;

    @TempDir
    Path state;

    private String id;
    private String set;

    private CliRun vss(String... args) {
        return CliRun.vss(CliRun.concat(args, "--sim-volume", "D:\\=" + volume, "--sim-state", state.toString()));
    }

    @BeforeEach
    void persistentShadowCopy() throws Exception {
        Files.createDirectories(volume.resolve("full"));
        Files.writeString(volume.resolve("full").resolve("x.txt"), "x");
        Files.writeString(volume.resolve("plain.txt"), "x");
        Files.createDirectory(volume.resolve("empty"));
        CliRun create = vss("snapshot", "create", "D:", "--persistent", "--json");
        assertThat(create.exit()).as(create.err()).isZero();
        id = create.json().at("/snapshots/0/snapshotId").asText();
        set = create.json().get("snapshotSetId").asText();
    }

    private void refused(String at, int exit, String why) {
        CliRun run = vss("snapshot", "expose", id, at);
        assertThat(run.exit()).as(at + ": " + run.err()).isEqualTo(exit);
        assertThat(run.err()).as(at).contains(why).contains("IVssBackupComponents::ExposeSnapshot failed: E_INVALIDARG");
    }

    @Test
    void eachWrongTargetIsNamed() {
        refused("D:\\full", ExitCodes.VSS_FAILURE, "D:\\full is not empty (1 entry)");
        refused("D:\\plain.txt", ExitCodes.USAGE, "D:\\plain.txt is a file, not a folder");
        refused("D:\\missing", ExitCodes.USAGE, "D:\\missing does not exist");
        refused("D:", ExitCodes.VSS_FAILURE, "the drive letter D: is in use");
        refused("X", ExitCodes.USAGE, "X is no drive letter and no folder on a volume");
        refused(volume.resolve("empty").toString(), ExitCodes.USAGE, "is no drive letter and no folder on a volume");

        assertThat(vss("snapshot", "expose", id, "D:\\empty").exit()).isZero();
        CliRun again = vss("snapshot", "expose", id, "X:");
        assertThat(again.exit()).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(again.err()).contains("is already exposed at D:\\empty; unexpose it first", "expose --undo " + id)
                .contains("IVssBackupComponents::ExposeSnapshot failed: ");
        assertThat(vss("snapshot", "expose", "--undo", id).exit()).isZero();
        CliRun undoAgain = vss("snapshot", "expose", "--undo", id);
        assertThat(undoAgain.exit()).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(undoAgain.err()).contains("{" + id + "} is not exposed",
                "IVssBackupComponentsEx2::UnexposeSnapshot failed: VSS_E_OBJECT_NOT_FOUND");
    }

    @Test
    void alreadyExposedAtADriveLetterIsSaidWithOneColon() {
        assertThat(vss("snapshot", "expose", id, "Q:").exit()).isZero();

        CliRun again = vss("snapshot", "expose", id, "R:");

        assertThat(again.exit()).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(again.err()).contains("is already exposed at Q:; unexpose it first").doesNotContain("Q::");
    }

    /** A mounted folder named by its volume's GUID path is a folder on a volume, as on Windows. */
    @Test
    void aFolderNamedByTheVolumeGuidPathIsATarget() {
        String guid = vss("snapshot", "list", "--json").json().at("/snapshots/0/originalVolumeName").asText();

        CliRun missing = vss("snapshot", "expose", id, guid + "missing");
        assertThat(missing.exit()).as(missing.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains(guid + "missing does not exist").doesNotContain("no drive letter");

        CliRun exposed = vss("snapshot", "expose", id, guid + "empty");
        assertThat(exposed.exit()).as(exposed.err()).isZero();
        assertThat(volume.resolve("empty").resolve("plain.txt")).hasContent("x");
        assertThat(vss("snapshot", "expose", "--undo", id).exit()).isZero();
    }

    /** A failure that is not about the arguments is VSS's own: nothing about the target is put in front of it. */
    @Test
    void aFailureThatIsNotAboutTheTargetIsNotExplainedAsOne() {
        CliRun run = vss("snapshot", "expose", id, "D:\\full", "--sim-fault", "ExposeSnapshot=E_ACCESSDENIED");

        assertThat(run.exit()).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(run.err()).contains("\nvss: IVssBackupComponents::ExposeSnapshot failed: E_ACCESSDENIED")
                .doesNotContain("not empty");
    }

    @Test
    void aSetIdForAShadowCopyIdAndTheReverseSayWhatToType() {
        CliRun delete = vss("snapshot", "delete", set);
        assertThat(delete.exit()).as(delete.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(delete.err()).contains("{" + set + "} is a shadow copy set, not a shadow copy: use `vss snapshot "
                + "delete --set " + set + "`", "VSS_E_OBJECT_NOT_FOUND");

        CliRun deleteSet = vss("snapshot", "delete", "--set", id);
        assertThat(deleteSet.exit()).as(deleteSet.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(deleteSet.err()).contains("{" + id + "} is a shadow copy, not a shadow copy set: use `vss "
                + "snapshot delete " + id + "`");

        CliRun expose = vss("snapshot", "expose", set, "X:");
        assertThat(expose.exit()).as(expose.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(expose.err()).contains("{" + set + "} is a shadow copy set, not a shadow copy: expose one of its "
                + "shadow copies (`vss snapshot list --set " + set + "` lists them)");

        CliRun unknown = vss("snapshot", "delete", "0b0c0d0e-0000-0000-0000-000000000001");
        assertThat(unknown.exit()).as("an id of nothing stays VSS's answer").isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(unknown.err()).doesNotContain("shadow copy set");
        assertThat(vss("snapshot", "list", "--json").json().get("snapshots")).hasSize(1);
    }

    /** Refused before any writer is asked: GatherWriterMetadata is never called. */
    @Test
    void aFolderGivenAsAVolumeIsAUsageErrorSaidBeforeTheWritersAreAsked() {
        CliRun run = vss("snapshot", "create", "D:\\full");

        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("D:\\full\\ is a folder on the volume D:\\, not a volume root", "give D:\\")
                .doesNotContain("GatherWriterMetadata");
        assertThat(SimulatedMachine.current().faults().calls(IVssBackupComponents.GatherWriterMetadata)).isZero();
    }

    /** On the simulator a host path names no volume: the hint says how to make it one. */
    @Test
    void aHostPathGivenAsAVolumeGetsTheSimulatorsHint() {
        for (String given : new String[] {".", "data"}) {
            CliRun run = vss("snapshot", "create", given);

            String dir = Path.of(given).toAbsolutePath().normalize().toString();
            assertThat(run.exit()).as(given + ": " + run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(given).contains("vss: " + given + " is a directory of this host, not a volume: "
                    + "on the simulator a volume is a Windows name backed by a directory: --sim-volume E:=" + dir
                    + ", then vss snapshot create E:").doesNotContain(given + "\\").doesNotContain("Microsoft docs");
        }
        // The directory of a declared volume: the hint names that volume instead of declaring another.
        CliRun run = vss("snapshot", "create", volume.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("vss: " + volume + " is a directory of this host, not a volume; it is the "
                + "simulated volume D:\\: vss snapshot create D:\\").doesNotContain("--sim-volume E:");
    }
}
