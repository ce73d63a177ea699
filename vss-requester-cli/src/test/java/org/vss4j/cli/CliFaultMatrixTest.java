package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.sim.FaultPoints;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Snapshot;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * The fault matrix of the {@code vss} command (docs/reliability.md, "The fault matrix"): for {@code snapshot create}
 * (plain and {@code --persistent}), {@code snapshot delete}, {@code snapshot list} and {@code writers}, every
 * {@code IVssBackupComponents} call a clean run of the command makes, at each of its occurrences, failing with each
 * HRESULT of {@link FaultPoints#CODES}. The calls come from a recording of the clean run on the machine the command
 * installs ({@code SimulatedMachine.onInstall}, {@code Faults.callLog()}).
 *
 * <p>Each case asserts: exit code 3 and one line naming the call and the HRESULT; {@code AbortBackup} exactly when the
 * failure came after {@code StartSnapshotSet} and before the {@code BackupComplete} call; nothing leaked on the
 * command's machine; no shadow copy left behind (for delete and list: only the one the case began with); the JUnit
 * timeout.
 * {@code VSS_E_SNAPSHOT_SET_IN_PROGRESS} where {@code snapshot create} waits it out ends in success instead; a failure
 * after {@code BackupComplete} is not aborted, and a persistent set then stays.
 */
class CliFaultMatrixTest {

    /** The commands of the matrix; {@code {id}} stands for the persistent shadow copy a case begins with. */
    enum Cli {
        CREATE(false, "snapshot", "create", "D:\\", "--timeout", "PT5S"),
        CREATE_PERSISTENT(false, "snapshot", "create", "D:\\", "--persistent", "--timeout", "PT5S"),
        DELETE(true, "snapshot", "delete", "{id}"),
        LIST(true, "snapshot", "list"),
        WRITERS(false, "writers", "--timeout", "PT5S");

        final boolean startsWithASnapshot;
        final List<String> args;

        Cli(boolean startsWithASnapshot, String... args) {
            this.startsWithASnapshot = startsWithASnapshot;
            this.args = List.of(args);
        }

        String[] argsFor(UUID snapshot) {
            return args.stream().map(a -> a.equals("{id}") ? snapshot.toString() : a).toArray(String[]::new);
        }
    }

    @TempDir
    Path volume;

    @TempDir
    Path state;

    /** One run of the command: exit code, output, and the machine it installed. */
    record Run(int exit, String out, String err, SimulatedMachine machine) {
    }

    /**
     * Runs {@code vss args} on the simulated volume {@code D:\} = {@code volume}, state in {@code state}; {@code plan}
     * is applied to the machine the command installs.
     */
    static Run vss(Path volume, Path state, java.util.function.Consumer<SimulatedMachine> plan, String... args) {
        List<SimulatedMachine> installed = new CopyOnWriteArrayList<>();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--sim-volume", "D:\\=" + volume, "--sim-state", state.toString()));
        int exit;
        try (AutoCloseable hook = SimulatedMachine.onInstall(m -> {
            installed.add(m);
            plan.accept(m);
        })) {
            exit = VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    all.toArray(String[]::new));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (installed.size() != 1) {
            throw new IllegalStateException("the command installed " + installed.size() + " machines");
        }
        return new Run(exit, out.toString(), err.toString(), installed.get(0));
    }

    /** The persistent shadow copies recorded in {@code state}. */
    static Set<UUID> persistentSnapshots(Path state) {
        SimulatedMachine m = SimulatedMachine.persistentAt(state);
        try {
            return m.snapshots().stream().map(Snapshot::id).collect(Collectors.toSet());
        } finally {
            m.close();
        }
    }

    /** Makes the persistent shadow copy a delete or list case begins with. */
    static UUID persistentSnapshot(Path volume, Path state) {
        Run r = vss(volume, state, m -> { }, "snapshot", "create", "D:\\", "--persistent");
        if (r.exit() != 0) {
            throw new IllegalStateException("setup failed: " + r.err());
        }
        return persistentSnapshots(state).iterator().next();
    }

    // ---- the recording ----------------------------------------------------------------------------------------------

    static final Map<Cli, List<String>> CLEAN = record();

    private static Map<Cli, List<String>> record() {
        Map<Cli, List<String>> out = new java.util.EnumMap<>(Cli.class);
        for (Cli c : Cli.values()) {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("vss4j-cli-matrix-");
                Path vol = Files.createDirectories(dir.resolve("volume"));
                Path st = Files.createDirectories(dir.resolve("state"));
                Files.writeString(vol.resolve("report.txt"), "q3");
                UUID id = c.startsWithASnapshot ? persistentSnapshot(vol, st) : null;
                Run r = vss(vol, st, m -> { }, c.argsFor(id));
                if (r.exit() != 0) {
                    throw new IllegalStateException("the clean run of " + c + " failed: " + r.err());
                }
                VssSimulatorExtension.verifyNoLeaks(r.machine());
                out.put(c, r.machine().faults().callLog());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (dir != null) {
                    deleteTree(dir);
                }
            }
        }
        return out;
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code nth} call of {@code method} fails with {@code code}; {@code position} is its index in the run. */
    record CallFault(Cli command, String method, int nth, VssHresult code, int position) {
        @Override
        public String toString() {
            return command + ": " + method + " #" + nth + " -> " + code.name();
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        CLEAN.forEach((command, calls) -> {
            for (FaultPoints.Point p : FaultPoints.of(calls)) {
                out.add(Arguments.of(new CallFault(command, p.method(), p.nth(), p.code(), p.position())));
            }
        });
        return out.stream();
    }

    // ---- the cases --------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void everyCallFailing(CallFault fault) throws IOException {
        Files.writeString(volume.resolve("report.txt"), "q3");
        UUID initial = fault.command().startsWithASnapshot ? persistentSnapshot(volume, state) : null;
        Run r = vss(volume, state, m -> m.faults().failExportOnCall(fault.method(), fault.nth(), fault.code()),
                fault.command().argsFor(initial));

        List<String> calls = CLEAN.get(fault.command());
        int started = calls.indexOf("IVssBackupComponents::StartSnapshotSet");
        int completing = calls.indexOf("IVssBackupComponents::BackupComplete");
        int aborts = r.machine().faults().calls(IVssBackupComponents.AbortBackup);
        VssSimulatorExtension.verifyNoLeaks(r.machine());
        Set<UUID> left = persistentSnapshots(state);
        boolean persistent = fault.command() == Cli.CREATE_PERSISTENT;

        if (isWaitedOut(fault)) {
            // Another set in creation is waited out (docs/simulator-in-progress.md): the run succeeds; a
            // DoSnapshotSet that met it was aborted and the sequence ran again with a new requester.
            assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isEqualTo(ExitCodes.OK);
            assertThat(r.out()).contains("another shadow copy set is in progress");
            assertThat(aborts).as("%s: AbortBackup calls", fault)
                    .isEqualTo(fault.method().endsWith("::DoSnapshotSet") ? 1 : 0);
            assertThat(left).as("shadow copies left").hasSize(persistent ? 1 : 0);
            return;
        }
        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(r.err()).contains(fault.method() + " failed: " + fault.code().name());
        boolean afterComplete = completing >= 0 && fault.position() > completing;
        // Microsoft docs, "IVssBackupComponents::AbortBackup": from StartSnapshotSet on, until BackupComplete is
        // called; after it the writers were told the backup ended, so nothing aborts and a persistent set stays.
        boolean abortExpected = started >= 0 && fault.position() > started && !afterComplete;
        assertThat(aborts).as("%s: AbortBackup calls", fault).isEqualTo(abortExpected ? 1 : 0);
        if (afterComplete) {
            assertThat(r.err()).contains("so it is not aborted");
            assertThat(left).as("the completed set").hasSize(persistent ? 1 : 0);
        } else if (initial == null) {
            assertThat(left).as("shadow copies left behind").isEmpty();
        } else {
            assertThat(left).as("shadow copies left behind").isSubsetOf(initial);
        }
    }

    /** The calls whose VSS_E_SNAPSHOT_SET_IN_PROGRESS {@code vss snapshot create} waits out (SnapshotRun). */
    private static boolean isWaitedOut(CallFault fault) {
        return fault.code() == VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS
                && (fault.command() == Cli.CREATE || fault.command() == Cli.CREATE_PERSISTENT)
                && Set.of("IVssBackupComponents::StartSnapshotSet", "IVssBackupComponents::AddToSnapshotSet",
                        "IVssBackupComponents::DoSnapshotSet").contains(fault.method());
    }
}
