package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.sim.SimulatedMachine;

/** The {@code vss} command on the embedded simulator, as a new user runs it from the README. */
class VssCommandTest {

    @TempDir
    Path volume;

    @TempDir
    Path state;

    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(volume.resolve("report.txt"), "q3");
        Files.createDirectory(volume.resolve("logs"));
    }

    /** Runs {@code vss} with the simulated volume {@code D:\} = {@link #volume} and machine state in {@link #state}. */
    private int vss(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--sim-volume";
        all[args.length + 1] = "D:\\=" + volume;
        all[args.length + 2] = "--sim-state";
        all[args.length + 3] = state.toString();
        return VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void createMakesListsAndReleasesAShadowCopy() {
        int exit = vss("snapshot", "create", "D:\\", "--list", "10");

        assertThat(exit).as(err.toString()).isZero();
        // The steps and notes on stderr; stdout is the result: the set and its shadow copy, its entries in its block.
        assertThat(err.toString())
                .contains("GatherWriterMetadata ...", "PrepareForBackup ...", "DoSnapshotSet ...", "BackupComplete ...")
                .contains("vss4j Demo Writer")
                .contains("done: the shadow copies were released");
        assertThat(out.toString())
                .startsWith("shadow copy set {")
                .containsPattern("volume    D:\\\\ \\(\\\\\\\\\\?\\\\Volume\\{[0-9a-f-]{36}}\\\\\\)")
                .contains("    root      (3 entries listed)", "      logs/", "      report.txt", "VSS_SS_CREATED")
                .doesNotContain("GatherWriterMetadata").doesNotContain("writer(s)").doesNotContain("done:");
        assertThat(SimulatedMachine.current().snapshots()).isEmpty();
    }

    /**
     * The command runs while the shadow copy exists: it records, as it runs, whether the shadow copy's path is a
     * directory holding the frozen file, and the id it was given. Not running it, or running it once the shadow copy
     * is released (the path then leads nowhere), leaves another record.
     */
    @Test
    void execRunsWithTheSnapshotPathsAndItsExitCodeBecomesOurs() throws Exception {
        Path seen = volume.getParent().resolve(volume.getFileName() + "-seen.txt");
        try {
            String script = "if [ -d \"$VSS_SHADOW_1_PATH\" ]; then echo \"present $VSS_SHADOW_1_ID\"; "
                    + "cat \"$VSS_SHADOW_1_PATH/report.txt\"; else echo absent; fi > '" + seen + "'; "
                    + "echo \"count=$VSS_SHADOW_COUNT volume=$VSS_SHADOW_1_VOLUME\"; exit 7";

            int exit = vss("snapshot", "create", "D:\\", "--exec", script);

            assertThat(exit).isEqualTo(7);
            // With --exec stdout is the command's output and nothing else; the shadow copies are shown on stderr.
            assertThat(out.toString()).isEqualTo("count=1 volume=D:\\\n");
            String id = err.toString().replaceAll("(?s).*shadow copy \\{([0-9a-f-]{36})}.*", "$1");
            assertThat(seen).as("what the command saw while it ran").hasContent("present " + id + "\nq3");
            assertThat(err.toString()).contains("aborting the backup").doesNotContain("BackupComplete ...")
                    .contains("vss: the --exec command exited with 7: the backup is aborted (AbortBackup");
            assertThat(SimulatedMachine.current().faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        } finally {
            Files.deleteIfExists(seen);
        }
    }

    /**
     * "aborting the backup" is printed exactly when AbortBackup is called: a run that fails after StartSnapshotSet
     * (a failing --exec command, a persistent run, a writer failing, DoSnapshotSet failing) calls it once; a run that
     * succeeds, or fails before StartSnapshotSet, never.
     */
    @Test
    void theCommandSaysItAbortsExactlyWhenItCallsAbortBackup() {
        record Case(boolean aborts, String... args) {
        }
        Case[] cases = {
            new Case(true, "snapshot", "create", "D:\\", "--exec", "exit 3"),
            new Case(true, "snapshot", "create", "D:\\", "--persistent", "--exec", "exit 5"),
            new Case(true, "snapshot", "create", "D:\\", "--sim-fault", "DoSnapshotSet=VSS_E_UNEXPECTED_PROVIDER_ERROR"),
            new Case(true, "snapshot", "create", "D:\\", "--sim-fault", "AddToSnapshotSet=VSS_E_VOLUME_NOT_SUPPORTED"),
            new Case(false, "snapshot", "create", "D:\\"),
            new Case(false, "snapshot", "create", "D:\\", "--exec", "exit 0"),
            new Case(false, "snapshot", "create", "D:\\", "--sim-fault", "StartSnapshotSet=VSS_E_BAD_STATE"),
        };
        for (Case c : cases) {
            int exit = vss(c.args());
            String name = String.join(" ", c.args());
            int calls = SimulatedMachine.current().faults().calls(IVssBackupComponents.AbortBackup);

            assertThat(exit == 0).as(name + ": " + err).isEqualTo(!c.aborts() && !name.contains("BAD_STATE"));
            assertThat(err.toString().contains("aborting the backup")).as(name + ": says it aborts").isEqualTo(c.aborts());
            assertThat(out.toString()).as(name).doesNotContain("aborting");
            assertThat(calls).as(name + ": AbortBackup calls").isEqualTo(c.aborts() ? 1 : 0);
        }
    }

    @Test
    void aFailedPersistentRunLeavesNoShadowCopyBehind() {
        assertThat(vss("snapshot", "create", "D:\\", "--persistent", "--exec", "exit 5")).isEqualTo(5);
        assertThat(err.toString()).contains("aborting the backup");

        assertThat(vss("snapshot", "list")).isZero();
        assertThat(out.toString()).contains("no shadow copies");
    }

    @Test
    void execSeesTheVolumeAsItWasWhenTheShadowCopyWasTaken() throws Exception {
        String script = "echo changed > \"" + volume.resolve("report.txt") + "\"; cat \"$VSS_SHADOW_PATH/report.txt\"";

        int exit = vss("snapshot", "create", "D:\\", "--exec", script);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).as("the command's output alone").isEqualTo("q3");
        assertThat(err.toString()).contains("BackupComplete ...");
        assertThat(Files.readString(volume.resolve("report.txt"))).isEqualTo("changed\n");
    }

    @Test
    void noWritersMakesACrashConsistentShadowCopyWithoutWriterEvents() {
        int exit = vss("snapshot", "create", "D:\\", "--no-writers");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).doesNotContain("GatherWriterMetadata ...").doesNotContain("PrepareForBackup ...")
                .contains("DoSnapshotSet ...");
        assertThat(out.toString()).contains("VSS_VOLSNAP_ATTR_NO_WRITERS");
    }

    @Test
    void excludedWritersAreLeftOutAndUnknownWritersAreUsageErrors() {
        assertThat(vss("snapshot", "create", "D:\\", "--exclude-writer", "vss4j demo writer")).as(err.toString())
                .isZero();
        assertThat(err.toString()).contains("0 writer(s)");

        assertThat(vss("snapshot", "create", "D:\\", "--include-writer", "No Such Writer")).isEqualTo(2);
        assertThat(err.toString()).contains("--include-writer No Such Writer: no writer with that name");

        assertThat(vss("snapshot", "create", "D:\\", "--include-writer", "{0b0c0d0e-0000-0000-0000-000000000001}"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no writer of class {0b0c0d0e-0000-0000-0000-000000000001}");
    }

    @Test
    void persistentShadowCopiesAreListedAndDeletedAcrossRuns() {
        assertThat(vss("snapshot", "create", "D:\\", "--persistent")).as(err.toString()).isZero();
        assertThat(err.toString()).contains("persist until `vss snapshot delete`");
        String id = out.toString().replaceAll("(?s).*shadow copy \\{([0-9a-f-]{36})}.*", "$1");

        assertThat(vss("snapshot", "list")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("{" + id + "}").contains("VSS_VOLSNAP_ATTR_PERSISTENT");

        assertThat(vss("snapshot", "list", "--json")).isZero();
        assertThat(out.toString()).contains("\"snapshotId\" : \"" + id + "\"");

        // A mounted folder is an empty folder of a volume (D:\mnt), as on Windows.
        Path mountPoint = volume.resolve("mnt");
        assertThat(mountPoint.toFile().mkdir()).isTrue();
        assertThat(vss("snapshot", "expose", id, "D:\\mnt")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("exposed at D:\\mnt");
        assertThat(mountPoint.resolve("report.txt")).hasContent("q3");
        assertThat(vss("snapshot", "list")).isZero();
        assertThat(out.toString()).contains("exposed   D:\\mnt", "VSS_VOLSNAP_ATTR_EXPOSED_LOCALLY");
        assertThat(vss("snapshot", "expose", "--undo", id)).as(err.toString()).isZero();
        assertThat(mountPoint.resolve("report.txt")).doesNotExist();

        assertThat(vss("snapshot", "delete", id)).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("deleted shadow copy {" + id + "}" + System.lineSeparator());

        assertThat(vss("snapshot", "list")).isZero();
        assertThat(out.toString()).contains("no shadow copies");

        assertThat(vss("snapshot", "delete", id)).isEqualTo(3);
        assertThat(err.toString()).contains("VSS_E_OBJECT_NOT_FOUND");
    }

    @Test
    void aVolumeIsNamedWithOrWithoutItsTrailingBackslash() {
        for (String name : new String[] {"D:", "D:\\", "d:"}) {
            int exit = vss("snapshot", "create", name, "--exec", "echo \"volume=$VSS_SHADOW_1_VOLUME\"");

            assertThat(exit).as(name + ": " + err).isZero();
            assertThat(out.toString()).as(name).containsIgnoringCase("volume=D:\\" + System.lineSeparator());
        }
        assertThat(SimulatedMachine.current().snapshots()).isEmpty();
    }

    @Test
    void anEmptyVolumeNameIsAUsageError() {
        assertThat(vss("snapshot", "create", "")).isEqualTo(2);
        assertThat(err.toString()).contains("an empty volume name");
    }

    /** The id of a new persistent shadow copy of D:. */
    private String persistentShadowCopy() {
        assertThat(vss("snapshot", "create", "D:", "--persistent")).as(err.toString()).isZero();
        return out.toString().replaceAll("(?s).*shadow copy \\{([0-9a-f-]{36})}.*", "$1");
    }

    @Test
    void exposeWithoutATargetPicksTheHighestFreeDriveLetter() {
        String first = persistentShadowCopy();
        String second = persistentShadowCopy();

        assertThat(vss("snapshot", "expose", first)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("exposed at Z:");
        assertThat(vss("snapshot", "expose", second)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("exposed at Y:");
        assertThat(vss("snapshot", "list")).isZero();
        assertThat(out.toString()).contains("exposed   Z:", "exposed   Y:");

        for (String id : new String[] {first, second}) {
            assertThat(vss("snapshot", "expose", "--undo", id)).as(err.toString()).isZero();
            assertThat(vss("snapshot", "delete", id)).as(err.toString()).isZero();
        }
    }

    @Test
    void exposeWithoutATargetAndNoFreeDriveLetterIsAUsageErrorNotAVssFailure() {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("snapshot", "expose",
                "0b0c0d0e-0000-0000-0000-000000000001", "--sim-state", state.toString()));
        for (char letter = 'C'; letter <= 'Z'; letter++) {
            args.add("--sim-volume");
            args.add(letter + ":\\=" + volume);
        }
        out = new StringWriter();
        err = new StringWriter();

        int exit = VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("every drive letter from C: to Z: is in use")
                .doesNotContain("E_INVALIDARG").doesNotContain("ExposeSnapshot");
    }

    /**
     * Every command that opens an IVssBackupComponents runs to the end on the simulator, which refuses a second
     * SetContext on one object with VSS_E_BAD_STATE (Microsoft docs, "IVssBackupComponents::SetContext": "can be
     * called only once"): none of them sets the context twice.
     */
    @Test
    void noCommandSetsTheContextTwice() {
        String id = persistentShadowCopy();
        String[][] commands = {
            {"snapshot", "create", "D:\\"},
            {"snapshot", "create", "D:\\", "--no-writers"},
            {"snapshot", "create", "D:\\", "--persistent", "--no-writers", "--exec", "exit 1"},
            {"snapshot", "create", "D:\\", "--include-writer", "vss4j Demo Writer"},
            {"snapshot", "list"},
            {"snapshot", "list", "--json"},
            {"snapshot", "expose", id},
            {"snapshot", "expose", "--undo", id},
            {"snapshot", "delete", id},
            {"writers"},
            {"providers"},
        };
        for (String[] command : commands) {
            int exit = vss(command);
            assertThat(err.toString()).as(String.join(" ", command)).doesNotContain("SetContext");
            assertThat(exit).as(String.join(" ", command) + ": " + err).isIn(0, 1);
        }
    }

    @Test
    void exposingANonPersistentOrUnknownShadowCopyFailsWithTheHresult() {
        assertThat(vss("snapshot", "expose", "0b0c0d0e-0000-0000-0000-000000000001", "X:")).isEqualTo(3);
        assertThat(err.toString()).contains("IVssBackupComponents::ExposeSnapshot failed: VSS_E_OBJECT_NOT_FOUND");
        assertThat(vss("snapshot", "expose", "not-an-id")).isEqualTo(2);
        assertThat(err.toString()).contains("not-an-id");
    }

    /**
     * A volume the machine does not have is the command line's fault (exit code 2), found before any writer is asked:
     * on the simulator the message names the declared volumes and how to declare one, once.
     */
    @Test
    void anUnknownVolumeIsAUsageErrorNamingTheDeclaredVolumesBeforeAnyWriterIsAsked() {
        int exit = vss("snapshot", "create", "Q:\\");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("vss: Q:\\ is no volume of the simulated machine (its volumes: D:\\ = "
                + volume + "); declare it with --sim-volume Q:=DIR", "the default C:\\=. is not there")
                .contains("(add --verbose for details)").doesNotContain("\tat ").doesNotContain("GatherWriterMetadata")
                .doesNotContain("cannot be resolved");
        assertThat(err.toString().split("no volume", -1)).as("said once").hasSize(2);
        assertThat(SimulatedMachine.current().faults().calls(IVssBackupComponents.GatherWriterMetadata)).isZero();
    }

    @Test
    void aFailureOfVssIsExitCode3WithTheHresultName() {
        int exit = vss("snapshot", "create", "D:\\", "--sim-fault", "AddToSnapshotSet=VSS_E_VOLUME_NOT_SUPPORTED");

        assertThat(exit).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(err.toString()).contains("IVssBackupComponents::AddToSnapshotSet failed: VSS_E_VOLUME_NOT_SUPPORTED")
                .contains("(add --verbose for details)").doesNotContain("\tat ");
    }

    @Test
    void verboseAddsTheStackTrace() {
        assertThat(vss("--verbose", "snapshot", "create", "D:\\", "--sim-fault",
                "AddToSnapshotSet=VSS_E_VOLUME_NOT_SUPPORTED")).isEqualTo(3);
        assertThat(err.toString()).contains("VSS_E_VOLUME_NOT_SUPPORTED").contains("\tat org.vss4j.");
    }

    @Test
    void aSimulatedVolumeThatIsNotADirectoryIsAUsageError() throws Exception {
        Path file = Files.writeString(volume.resolve("plain.txt"), "x");
        out = new StringWriter();
        err = new StringWriter();
        int exit = VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "snapshot", "create",
                "E:\\", "--sim-volume", "E:\\=" + file, "--sim-state", state.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("is not a directory");
    }

    @Test
    void writersListsIdentityStateAndComponentsAlsoAsJson() {
        assertThat(vss("writers")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Writer name: 'vss4j Demo Writer'", "State: VSS_WS_STABLE",
                "Component: ");

        assertThat(vss("writers", "--json")).isZero();
        assertThat(out.toString()).contains("\"writerName\" : \"vss4j Demo Writer\"", "\"components\" : [");
    }

    @Test
    void providersListsTheProvider() {
        assertThat(vss("providers")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Provider name: 'Microsoft Software Shadow Copy provider 1.0'");
    }

    @Test
    void helpDocumentsTheExitCodes() {
        out = new StringWriter();
        err = new StringWriter();
        assertThat(VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:", "3      VSS refused or failed");
    }

    @Test
    void damagedFileSystemFactsInTheStateDirectoryNameTheFileAndWhatToDo() throws Exception {
        assertThat(vss("snapshot", "create", "D:\\", "--persistent")).as(err.toString()).isZero();
        Path facts;
        try (var files = Files.list(state.resolve("snapshots"))) {
            facts = files.filter(f -> f.getFileName().toString().endsWith(".facts")).findFirst().orElseThrow();
        }
        Files.writeString(facts, "entry.report.txt=0\n");

        // The command runs; the shadow copy is skipped and reported (a WARN on stderr, and the machine's list).
        assertThat(vss("snapshot", "list")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("no shadow copies");
        assertThat(SimulatedMachine.current().unreadableRecords()).singleElement()
                .satisfies(u -> assertThat(u.toString()).contains(facts.toString(), "are damaged",
                        "entry.report.txt=0", "delete that file").doesNotContain("out of bounds"));

        Files.delete(facts);
        assertThat(vss("snapshot", "list")).as(err.toString()).isZero();
    }
}
