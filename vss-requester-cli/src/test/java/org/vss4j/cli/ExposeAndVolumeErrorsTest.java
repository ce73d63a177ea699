package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong target or volume is explained in front of VSS's own error, which stays whole (the call, the HRESULT name),
 * with exit code 3: ExposeSnapshot answers every wrong target with E_INVALIDARG (Microsoft docs,
 * "IVssBackupComponents::ExposeSnapshot"), AddToSnapshotSet a folder that is no volume with VSS_E_OBJECT_NOT_FOUND.
 */
class ExposeAndVolumeErrorsTest {

    @TempDir
    Path volume;

    @TempDir
    Path state;

    private String id;

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
    }

    private void refused(String at, String why) {
        CliRun run = vss("snapshot", "expose", id, at);
        assertThat(run.exit()).as(at + ": " + run.err()).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(run.err()).as(at).contains(why).contains("IVssBackupComponents::ExposeSnapshot failed: E_INVALIDARG");
    }

    @Test
    void eachWrongTargetIsNamed() {
        refused("D:\\full", "D:\\full is not empty (1 entry)");
        refused("D:\\plain.txt", "D:\\plain.txt is a file, not a folder");
        refused("D:\\missing", "D:\\missing does not exist");
        refused("D:", "the drive letter D: is in use");
        refused(volume.resolve("empty").toString(), "is no drive letter and no folder on a volume");

        assertThat(vss("snapshot", "expose", id, "D:\\empty").exit()).isZero();
        CliRun again = vss("snapshot", "expose", id, "X:");
        assertThat(again.exit()).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(again.err()).contains("is already exposed at D:\\empty", "expose --undo " + id)
                .contains("IVssBackupComponents::ExposeSnapshot failed: ");
        assertThat(vss("snapshot", "expose", "--undo", id).exit()).isZero();
        CliRun undoAgain = vss("snapshot", "expose", "--undo", id);
        assertThat(undoAgain.exit()).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(undoAgain.err()).contains("{" + id + "} is not exposed",
                "IVssBackupComponentsEx2::UnexposeSnapshot failed: VSS_E_OBJECT_NOT_FOUND");
    }

    @Test
    void aFolderGivenAsAVolumeSaysThatAVolumeRootIsNeeded() {
        CliRun run = vss("snapshot", "create", "D:\\full");

        assertThat(run.exit()).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(run.err()).contains("D:\\full\\ is a folder on the volume D:\\, not a volume root", "give D:\\")
                .contains("IVssBackupComponents::AddToSnapshotSet failed: VSS_E_OBJECT_NOT_FOUND");
    }
}
