package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.sim.Faults;
import org.vss4j.sim.Gate;
import org.vss4j.sim.SimulatedMachine;

/**
 * What a stop does to {@code vss snapshot create}, in process: the test runs the shutdown hook's work
 * ({@link ShutdownGuard#onShutdown()}) on a thread of its own at a chosen point of the run, as a signal would, and
 * looks at what the run did and what the hook decided the exit code to be.
 */
class ShutdownGuardTest {

    @TempDir
    Path volume;

    @TempDir
    Path state;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<SimulatedMachine> installed = new ArrayList<>();

    private int vss(Consumer<Faults> plan, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("snapshot", "create", "D:\\", "--sim-volume", "D:\\=" + volume,
                "--sim-state", state.toString()));
        args.addAll(List.of(extra));
        try (AutoCloseable hook = SimulatedMachine.onInstall(m -> {
            installed.add(m);
            plan.accept(m.faults());
        })) {
            return VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    args.toArray(String[]::new));
        }
    }

    private Faults faults() {
        return installed.get(0).faults();
    }

    /** Runs the hook on a thread of its own, as the JVM does; completes with its decision and stderr at its end. */
    private static CompletableFuture<String> signal(StringWriter err) {
        ShutdownGuard guard = ShutdownGuard.latest();
        return CompletableFuture.supplyAsync(() -> {
            int decision = guard.onShutdown();
            return decision + "|" + err;
        });
    }

    /**
     * A stop while PrepareForBackup's asynchronous part runs is seen within a slice of the wait: the operation is
     * cancelled and the backup aborted, not waited out for --timeout (here a minute).
     */
    @Test
    @Timeout(30)
    void aStopDuringAnAsynchronousStepCancelsItAndAbortsAtOnce() throws Exception {
        List<CompletableFuture<String>> hook = new ArrayList<>();
        Gate[] held = new Gate[1];
        try {
            int exit = vss(f -> {
                held[0] = f.delay(IVssBackupComponents.PrepareForBackup);
                f.duringCall(IVssBackupComponents.PrepareForBackup, () -> hook.add(signal(err)));
            }, "--timeout", "PT1M");

            assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.STOPPED);
            assertThat(err.toString()).contains("vss: stopped by a signal during PrepareForBackup (cancelled)",
                    "vss: aborted the backup of shadow copy set {");
            assertThat(faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
            assertThat(hook.get(0).get(10, TimeUnit.SECONDS)).as("the hook lets the JVM exit with the signal's code")
                    .startsWith(ShutdownGuard.SIGNAL_CODE + "|");
        } finally {
            if (held[0] != null) {
                held[0].open();
            }
        }
    }

    /**
     * A stop during the wait before a retry ends the wait at once, and leaves the command's thread uninterrupted
     * (AbortBackup, the deletion and the simulator's files all run after it). The final error line is printed before
     * the hook lets the JVM exit.
     */
    @Test
    @Timeout(30)
    void aStopDuringABackoffEndsItWithoutLeavingTheThreadInterrupted() throws Exception {
        List<CompletableFuture<String>> hook = new ArrayList<>();
        int exit = vss(f -> {
            f.failOnCall(IVssBackupComponents.DoSnapshotSet, 1,
                    org.vss4j.VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS);
            // The collided set is aborted, then the backoff begins: the stop comes during AbortBackup.
            f.duringCall(IVssBackupComponents.AbortBackup, () -> {
                if (hook.isEmpty()) {
                    hook.add(signal(err));
                }
            });
        }, "--persistent", "--in-progress-timeout", "PT5M");
        boolean interrupted = Thread.interrupted();

        assertThat(interrupted).as("the command's thread was left interrupted").isFalse();
        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.STOPPED);
        assertThat(err.toString()).contains("vss: stopped by a signal");
        assertThat(faults().calls(IVssBackupComponents.InitializeForBackup)).as("no second attempt").isEqualTo(1);
        String atHookEnd = hook.get(0).get(10, TimeUnit.SECONDS);
        assertThat(atHookEnd).startsWith(ShutdownGuard.SIGNAL_CODE + "|")
                .as("the error line is printed before the hook returns").contains("vss: stopped by a signal");
    }

    /** A stop once BackupComplete was called changes nothing: the backup is done, the persistent set stays, exit 0. */
    @Test
    @Timeout(30)
    void aStopAfterBackupCompleteExitsWithTheBackupsOwnCode() throws Exception {
        List<CompletableFuture<String>> hook = new ArrayList<>();
        int exit = vss(f -> f.duringCall(IVssBackupComponents.BackupComplete, () -> hook.add(signal(err))),
                "--persistent");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("done: the shadow copies persist");
        assertThat(faults().calls(IVssBackupComponents.AbortBackup)).isZero();
        assertThat(hook.get(0).get(10, TimeUnit.SECONDS)).as("the hook halts with the backup's code").startsWith("0|");
        try (SimulatedMachine after = SimulatedMachine.persistentAt(state)) {
            assertThat(after.snapshots()).hasSize(1);
        }
    }

    /** A failing AbortBackup is said on stderr and gives exit code 5, after the failure that caused the abort. */
    @Test
    void aFailingAbortBackupIsReportedOnStderrWithItsOwnExitCode() throws Exception {
        int exit = vss(f -> f.failOnCall(IVssBackupComponents.AbortBackup, 1,
                org.vss4j.VssHresult.VSS_E_UNEXPECTED), "--exec", "exit 3");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.CLEANUP_FAILED);
        assertThat(err.toString()).contains("vss: AbortBackup of shadow copy set {", "} failed:",
                "VSS_E_UNEXPECTED");
    }

    /** A persistent set the failed run cannot delete is named on stderr with the command that deletes it; exit 5. */
    @Test
    void aPersistentSetThatCannotBeDeletedIsNamedWithHowToDeleteIt() throws Exception {
        int exit = vss(f -> f.failOnCall(IVssBackupComponents.DeleteSnapshots, 1,
                org.vss4j.VssHresult.VSS_E_UNEXPECTED), "--persistent", "--exec", "exit 3");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.CLEANUP_FAILED);
        assertThat(err.toString()).contains("could not be deleted and stays", "vss snapshot delete --set ");
        try (SimulatedMachine after = SimulatedMachine.persistentAt(state)) {
            assertThat(after.snapshots()).hasSize(1);
        }
        assertThat(Files.exists(state)).isTrue();
    }
}
