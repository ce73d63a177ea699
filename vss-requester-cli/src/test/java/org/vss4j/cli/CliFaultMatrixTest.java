package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssAsync;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.sim.FaultPoints;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.Gate;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.Snapshot;
import org.vss4j.sim.TestTrees;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * The fault matrix of the {@code vss} command (docs/reliability.md, "The fault matrix"): for {@code snapshot create}
 * (plain and {@code --persistent}), {@code snapshot delete}, {@code snapshot list} and {@code writers}, every
 * {@code IVssBackupComponents} call a clean run of the command makes, at each of its occurrences, failing with each
 * HRESULT of {@link FaultPoints#CODES}. The calls come from a recording of the clean run on the machine the command
 * installs ({@code SimulatedMachine.onInstall}, {@code Faults.callLog()}). For {@code snapshot create} (both) and
 * {@code writers}, also every {@code IVssAsync::Wait} and {@code QueryStatus} of the clean run failing with each of
 * {@link FaultPoints#ASYNC_CODES}, and the {@code Cancel} a failed QueryStatus brings failing too
 * ({@link #anAsyncCallFailing}).
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
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--sim-volume", "D:\\=" + volume, "--sim-state", state.toString()));
        InProcessVss.Result r = InProcessVss.run(plan, all);
        if (r.installed().size() != 1) {
            throw new IllegalStateException("the command installed " + r.installed().size() + " machines");
        }
        return new Run(r.exit(), r.out(), r.err(), r.installed().get(0));
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
                Run r = vss(vol, st, m -> m.faults().recordCalls(), c.argsFor(id));
                if (r.exit() != 0) {
                    throw new IllegalStateException("the clean run of " + c + " failed: " + r.err());
                }
                VssSimulatorExtension.verifyNoLeaks(r.machine());
                out.put(c, r.machine().faults().callLog());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (dir != null) {
                    TestTrees.deleteTree(dir);
                }
            }
        }
        return out;
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
            assertThat(r.err()).contains("another shadow copy set is in progress");
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
        } else if (fault.command() == Cli.DELETE && fault.position() > calls.indexOf(
                "IVssBackupComponents::DeleteSnapshots")) {
            assertThat(left).as("deleted before the call that failed").isEmpty();
        } else {
            // A list, or a delete that failed before or at DeleteSnapshots, keeps the shadow copy it began with.
            assertThat(left).as("the shadow copy the case began with").containsExactly(initial);
        }
    }

    /** The calls whose VSS_E_SNAPSHOT_SET_IN_PROGRESS {@code vss snapshot create} waits out (SnapshotRun). */
    private static boolean isWaitedOut(CallFault fault) {
        return fault.code() == VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS
                && (fault.command() == Cli.CREATE || fault.command() == Cli.CREATE_PERSISTENT)
                && Set.of("IVssBackupComponents::StartSnapshotSet", "IVssBackupComponents::AddToSnapshotSet",
                        "IVssBackupComponents::DoSnapshotSet").contains(fault.method());
    }

    // ---- IVssAsync failing --------------------------------------------------------------------------------------------

    /** The commands whose steps are asynchronous operations. */
    static final List<Cli> ASYNC_COMMANDS = List.of(Cli.CREATE, Cli.CREATE_PERSISTENT, Cli.WRITERS);

    /**
     * Every {@code IVssAsync::Wait} and {@code QueryStatus} of the clean runs failing with each code of
     * {@link FaultPoints#ASYNC_CODES} (a clean run has no Cancel: {@link #cancelCases} makes one); and, for each
     * QueryStatus, the Cancel that follows its failure failing with each code as well.
     */
    static Stream<Arguments> asyncCases() {
        List<Arguments> out = new ArrayList<>();
        for (Cli c : ASYNC_COMMANDS) {
            for (FaultPoints.Point p : FaultPoints.ofAsync(CLEAN.get(c))) {
                out.add(Arguments.of(new AsyncFault(c, p, null)));
            }
        }
        return out.stream();
    }

    /**
     * For each {@code IVssAsync::QueryStatus} of the clean runs: it fails with E_FAIL, which always cancels the
     * operation (its status is unknown), and that {@code IVssAsync::Cancel} fails with each code as well.
     */
    static Stream<Arguments> cancelCases() {
        List<Arguments> out = new ArrayList<>();
        for (Cli c : ASYNC_COMMANDS) {
            for (FaultPoints.Point p : FaultPoints.ofAsync(CLEAN.get(c))) {
                if (p.method().equals("IVssAsync::QueryStatus") && p.code() == VssHresult.E_FAIL) {
                    for (VssHresult cancel : FaultPoints.ASYNC_CODES) {
                        out.add(Arguments.of(new AsyncFault(c, p, cancel)));
                    }
                }
            }
        }
        return out.stream();
    }

    /** {@code point} of {@code command}'s recording fails; {@code cancel}: the Cancel after it fails too. */
    record AsyncFault(Cli command, FaultPoints.Point point, VssHresult cancel) {
        @Override
        public String toString() {
            return command + ": " + point.method() + " #" + point.nth() + " -> " + point.code().name()
                    + (cancel == null ? "" : ", then IVssAsync::Cancel -> " + cancel.name());
        }
    }

    /**
     * An {@code IVssAsync} call failing (docs/async.md, "The contract vss4j keeps"): Wait's own codes and every
     * QueryStatus failure fail the step (exit 3, {@code IVssAsync::Wait}/{@code QueryStatus failed: <code>} and the
     * step's call), with AbortBackup from StartSnapshotSet until BackupComplete; a Wait failing with E_FAIL, which is not
     * one of Wait's codes, is left to QueryStatus, which finds the operation finished or still running, and the run
     * succeeds. A failing Cancel does not hide the failure that made the command give up. No leak, no shadow copy left
     * but a persistent set whose BackupComplete was called.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource({"asyncCases", "cancelCases"})
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void anAsyncCallFailing(AsyncFault fault) throws IOException, InterruptedException {
        Files.writeString(volume.resolve("report.txt"), "q3");
        FaultPoints.Point p = fault.point();
        Run r = vss(volume, state, m -> {
            m.faults().failExportOnCall(p.method(), p.nth(), p.code());
            if (fault.cancel() != null) {
                m.faults().failOnCall(IVssAsync.Cancel, 1, fault.cancel());
            }
        }, fault.command().argsFor(null));

        assertThat(r.machine().awaitAsyncIdle(Duration.ofSeconds(10))).isTrue();
        VssSimulatorExtension.verifyNoLeaks(r.machine());
        List<String> calls = CLEAN.get(fault.command());
        int started = calls.indexOf("IVssBackupComponents::StartSnapshotSet");
        int completing = calls.indexOf("IVssBackupComponents::BackupComplete");
        int aborts = r.machine().faults().calls(IVssBackupComponents.AbortBackup);
        Set<UUID> left = persistentSnapshots(state);
        boolean persistent = fault.command() == Cli.CREATE_PERSISTENT;
        if (fault.cancel() != null) {
            assertThat(r.machine().faults().calls(IVssAsync.Cancel)).as("Cancel calls").isEqualTo(1);
        }
        if (p.method().equals("IVssAsync::Wait") && p.code() == VssHresult.E_FAIL) {
            assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isEqualTo(ExitCodes.OK);
            assertThat(aborts).isZero();
            assertThat(left).as("shadow copies left").hasSize(persistent ? 1 : 0);
            return;
        }
        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(r.err()).contains(p.method() + " failed: " + p.code().name());
        boolean afterComplete = completing >= 0 && p.position() > completing;
        boolean abortExpected = started >= 0 && p.position() > started && !afterComplete;
        assertThat(aborts).as("%s: AbortBackup calls", fault).isEqualTo(abortExpected ? 1 : 0);
        if (afterComplete) {
            assertThat(r.err()).contains("so it is not aborted");
            assertThat(left).as("the completed set").hasSize(persistent ? 1 : 0);
        } else {
            assertThat(left).as("shadow copies left behind").isEmpty();
        }
    }

    // ---- the cleanup failing too ------------------------------------------------------------------------------------

    /** What fails in the cleanup after the first failure. */
    enum SecondFault {
        /** AbortBackup itself fails. */
        ABORT_BACKUP,
        /** The DeleteSnapshots that removes a failed persistent set fails. */
        DELETE_SNAPSHOTS
    }

    /** A first failure between StartSnapshotSet and BackupComplete, then {@code second} in the cleanup. */
    record CleanupFault(Cli command, String method, int nth, int position, SecondFault second) {
        @Override
        public String toString() {
            return command + ": " + method + " #" + nth + " -> E_FAIL, then " + second + " fails";
        }
    }

    static Stream<Arguments> cleanupCases() {
        List<Arguments> out = new ArrayList<>();
        for (Cli c : List.of(Cli.CREATE, Cli.CREATE_PERSISTENT)) {
            List<String> calls = CLEAN.get(c);
            int started = calls.indexOf("IVssBackupComponents::StartSnapshotSet");
            int completing = calls.indexOf("IVssBackupComponents::BackupComplete");
            for (FaultPoints.Point p : FaultPoints.of(calls)) {
                if (p.code() != VssHresult.E_FAIL || p.position() <= started || p.position() >= completing) {
                    continue;
                }
                for (SecondFault second : SecondFault.values()) {
                    if (second == SecondFault.ABORT_BACKUP || c == Cli.CREATE_PERSISTENT) {
                        out.add(Arguments.of(new CleanupFault(c, p.method(), p.nth(), p.position(), second)));
                    }
                }
            }
        }
        return out.stream();
    }

    /**
     * The cleanup after a failure fails as well: the command still exits 3 with the first failure (the cleanup's own
     * failure is a note on stderr), leaks nothing, and leaves no shadow copy it can delete. A persistent set whose
     * DeleteSnapshots failed stays, named on stderr, so it can be deleted with {@code vss snapshot delete}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanupCases")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void theCleanupFailingToo(CleanupFault fault) throws IOException {
        Files.writeString(volume.resolve("report.txt"), "q3");
        Run r = vss(volume, state, m -> {
            m.faults().failExportOnCall(fault.method(), fault.nth(), VssHresult.E_FAIL);
            if (fault.second() == SecondFault.ABORT_BACKUP) {
                m.faults().failOnCall(IVssBackupComponents.AbortBackup, 1, VssHresult.VSS_E_BAD_STATE);
            } else {
                m.faults().failOnCall(IVssBackupComponents.DeleteSnapshots, 1, VssHresult.E_ACCESSDENIED);
            }
        }, fault.command().argsFor(null));

        VssSimulatorExtension.verifyNoLeaks(r.machine());
        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isEqualTo(ExitCodes.CLEANUP_FAILED);
        assertThat(r.err()).contains(fault.method() + " failed: E_FAIL");
        assertThat(r.machine().faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        boolean persistent = fault.command() == Cli.CREATE_PERSISTENT;
        assertThat(r.machine().faults().calls(IVssBackupComponents.DeleteSnapshots)).isEqualTo(persistent ? 1 : 0);
        Set<UUID> left = persistentSnapshots(state);
        if (fault.second() == SecondFault.ABORT_BACKUP) {
            assertThat(r.err()).contains("AbortBackup of shadow copy set {", "VSS_E_BAD_STATE");
            assertThat(left).as("shadow copies left behind").isEmpty();
        } else {
            String set = r.err().replaceAll("(?s).*snapshot set \\{([0-9a-f-]+)}.*", "$1");
            assertThat(r.err()).contains("the persistent shadow copy set {" + set + "} could not be deleted and stays",
                    "E_ACCESSDENIED", "vss snapshot delete --set " + set);
            // Shadow copies exist once DoSnapshotSet was called; a failure before it left none to delete.
            boolean made = fault.position() > CLEAN.get(fault.command()).indexOf("IVssBackupComponents::DoSnapshotSet");
            assertThat(left).as("the set whose deletion failed").hasSize(made ? 1 : 0);
        }
    }

    // ---- writers failing ----------------------------------------------------------------------------------------------

    /** How the writer misbehaves at an event. */
    enum Misbehaviour {
        FAIL, VETO, HANG
    }

    static final String WRITER = "AppWriter";

    /** The events a writer on {@code D:\} receives from a clean {@code snapshot create}, in order. */
    static final List<WriterEvent> WRITER_EVENTS = List.of(WriterEvent.IDENTIFY, WriterEvent.PREPARE_FOR_BACKUP,
            WriterEvent.PREPARE_FOR_SNAPSHOT, WriterEvent.FREEZE, WriterEvent.THAW, WriterEvent.POST_SNAPSHOT,
            WriterEvent.BACKUP_COMPLETE);

    /** The events whose failure fails the asynchronous step delivering them, by that step. */
    static final Map<WriterEvent, String> ASYNC_STEP = Map.of(WriterEvent.PREPARE_FOR_BACKUP, "PrepareForBackup",
            WriterEvent.PREPARE_FOR_SNAPSHOT, "DoSnapshotSet", WriterEvent.FREEZE, "DoSnapshotSet");

    static SimulatedWriter writerOnD() {
        return SimulatedWriter.builder(WRITER).component(WriterComponent.fileGroup("", "reports")
                .withFile(FileSpec.of("D:\\", "report.txt", false))).build();
    }

    /**
     * Failing and vetoing writers in both contexts; hanging ones (a second each, the short {@code --timeout}) in the
     * persistent context only, whose cleanup is the larger (AbortBackup, then DeleteSnapshots).
     */
    static Stream<Arguments> writerCases() {
        return Stream.of(Cli.CREATE, Cli.CREATE_PERSISTENT).flatMap(c -> WRITER_EVENTS.stream()
                .flatMap(ev -> Stream.of(Misbehaviour.values())
                        .filter(how -> how != Misbehaviour.HANG || c == Cli.CREATE_PERSISTENT)
                        .map(how -> Arguments.of(c, ev, how))));
    }

    /**
     * {@code snapshot create} with a writer failing ({@code VSS_E_WRITERERROR_RETRYABLE}), vetoing
     * ({@link SimulatedWriter#vetoAt}) or hanging ({@code --timeout PT1S}) at each event: exit 3 naming the call and the
     * writer's error, the writer and its failed state, or E_ABORT; AbortBackup from StartSnapshotSet until
     * BackupComplete, never after; no leak; no shadow copy left, but a persistent set whose BackupComplete was called.
     */
    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("writerCases")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aWriterMisbehaving(Cli command, WriterEvent event, Misbehaviour how) throws IOException,
            InterruptedException {
        Files.writeString(volume.resolve("report.txt"), "q3");
        SimulatedWriter w = writerOnD();
        Gate[] hang = {null};
        List<String> args = new ArrayList<>(command.args);
        if (how == Misbehaviour.HANG) {
            // Only a hang meets the timeout: every other case keeps the long one, so a slow step on a loaded machine
            // does not turn its expected failure into a timeout.
            args.set(args.indexOf("PT5S"), "PT1S");
        }
        Run r;
        try {
            r = vss(volume, state, m -> {
                m.addWriter(w);
                switch (how) {
                    case FAIL -> w.failAt(event, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
                    case VETO -> w.vetoAt(event);
                    case HANG -> hang[0] = w.hangAt(event);
                }
            }, args.toArray(String[]::new));
        } finally {
            if (hang[0] != null) {
                hang[0].open();
            }
        }
        // A timed-out step may still be ending on the simulator's threads once its gate opened.
        assertThat(r.machine().awaitAsyncIdle(Duration.ofSeconds(10))).isTrue();
        VssSimulatorExtension.verifyNoLeaks(r.machine());
        assertThat(w.events()).as("the writer's events").contains(event);
        int aborts = r.machine().faults().calls(IVssBackupComponents.AbortBackup);
        Set<UUID> left = persistentSnapshots(state);
        boolean persistent = command == Cli.CREATE_PERSISTENT;
        assertThat(r.exit()).as("exit code; stdout: %s; stderr: %s", r.out(), r.err())
                .isEqualTo(ExitCodes.VSS_FAILURE);
        if (how == Misbehaviour.HANG) {
            assertThat(r.err()).contains("E_ABORT");
        } else if (ASYNC_STEP.containsKey(event)) {
            // The step's asynchronous operation ends with the writer's error; the command names that call, and the
            // writer with its failed state from the status read after the operation.
            assertThat(r.err()).contains("IVssBackupComponents::" + ASYNC_STEP.get(event) + " failed: "
                    + (how == Misbehaviour.FAIL ? VssHresult.VSS_E_WRITERERROR_RETRYABLE
                    : VssHresult.VSS_E_WRITERERROR_NONRETRYABLE).name())
                    .contains("writer '" + WRITER + "'", event.failedState().nativeName());
        } else {
            // Found by the writer status check after the step.
            assertThat(r.err()).contains(WRITER, event.failedState().nativeName());
        }
        if (event == WriterEvent.BACKUP_COMPLETE) {
            assertThat(r.err()).contains("so it is not aborted");
            assertThat(aborts).isZero();
            assertThat(left).as("the completed set").hasSize(persistent ? 1 : 0);
        } else {
            // A hang in Identify times out GatherWriterMetadata, before StartSnapshotSet: nothing to abort.
            assertThat(aborts).isEqualTo(event == WriterEvent.IDENTIFY && how == Misbehaviour.HANG ? 0 : 1);
            assertThat(left).as("shadow copies left behind").isEmpty();
        }
    }
}
