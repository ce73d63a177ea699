package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.SnapshotMount;

/**
 * {@link VssSimulatorExtension} under JUnit's parallel execution: seven tests, each taking a shadow copy of a volume
 * of its own and reading a file through it, run by a nested JUnit Platform launch with parallel execution on.
 */
class ParallelExecutionTest {

    /** The work of each test: one volume, one shadow copy set, one file read through it. */
    static void snapshotAndRead(SimulatedMachine machine, Path disk, String name) throws Exception {
        Files.writeString(disk.resolve("data.txt"), name);
        machine.addVolume(disk, "D:\\");
        Duration timeout = Duration.ofSeconds(30);
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(timeout);
            bc.startSnapshotSet();
            UUID snapshot = bc.addToSnapshotSet("D:\\", BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(timeout);
            bc.doSnapshotSet().finish(timeout);
            try (SnapshotMount root = bc.mountSnapshot(snapshot)) {
                assertThat(Files.readString(root.root().resolve("data.txt"))).isEqualTo(name);
            }
            bc.backupComplete().finish(timeout);
        }
        assertThat(machine.snapshots()).as("shadow copies left on " + name + "'s machine").isEmpty();
    }

    /** Run only through the launcher below (surefire skips nested classes). */
    @WithSimulatedMachine
    static class SevenTests {

        @Test
        void one(SimulatedMachine m, @TempDir Path disk) throws Exception {
            snapshotAndRead(m, disk, "one");
        }

        @Test
        void two(SimulatedMachine m, @TempDir Path disk) throws Exception {
            snapshotAndRead(m, disk, "two");
        }

        @Test
        void three(SimulatedMachine m, @TempDir Path disk) throws Exception {
            snapshotAndRead(m, disk, "three");
        }

        @Test
        void four(SimulatedMachine m, @TempDir Path disk) throws Exception {
            snapshotAndRead(m, disk, "four");
        }

        @Test
        void five(SimulatedMachine m, @TempDir Path disk) throws Exception {
            snapshotAndRead(m, disk, "five");
        }

        @Test
        void six(SimulatedMachine m, @TempDir Path disk) throws Exception {
            snapshotAndRead(m, disk, "six");
        }

        @Test
        void seven(SimulatedMachine m, @TempDir Path disk) throws Exception {
            snapshotAndRead(m, disk, "seven");
        }
    }

    /** Holds each test until both have started, so that both reach {@link VssSimulatorExtension} together. */
    static final class BothStarted implements BeforeEachCallback {

        static final CyclicBarrier BARRIER = new CyclicBarrier(2);

        @Override
        public void beforeEach(ExtensionContext context) throws Exception {
            // A bound against a hang if JUnit ran the two one after the other (then the test fails, as it should).
            BARRIER.await(1, TimeUnit.MINUTES);
        }
    }

    /**
     * Keeps a test that got past {@link VssSimulatorExtension}'s set-up running until the other test has got past it
     * too or failed in it, so that neither can finish (and release the machine) before the other has tried to take
     * it. Registered after the extension: its before-each runs only if the extension's succeeded, its after-each runs
     * either way (JUnit runs the after-each callbacks of a test whose set-up failed).
     */
    static final class PastSetup implements BeforeEachCallback, AfterEachCallback {

        static volatile CountDownLatch both = new CountDownLatch(2);
        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PastSetup.class);

        @Override
        public void beforeEach(ExtensionContext context) {
            countOnce(context);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            countOnce(context);
        }

        private static void countOnce(ExtensionContext context) {
            AtomicBoolean counted = context.getStore(NS).getOrComputeIfAbsent("counted", k -> new AtomicBoolean(),
                    AtomicBoolean.class);
            if (counted.compareAndSet(false, true)) {
                both.countDown();
            }
        }

        /** In a test body: wait until the other test is past its set-up or failed in it. */
        static void awaitTheOther() throws InterruptedException {
            // A bound against a hang if the other test never ran (then this one fails, as it should).
            if (!both.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the other test never got to or past the simulator's set-up");
            }
        }
    }

    /** Run only through the launcher below: the extension without its resource lock, two tests at the same time. */
    @ExtendWith({BothStarted.class, VssSimulatorExtension.class, PastSetup.class})
    static class TwoUnlockedTests {

        @Test
        void first(SimulatedMachine m) throws InterruptedException {
            PastSetup.awaitTheOther();
            assertThat(SimulatedMachine.current()).isSameAs(m);
        }

        @Test
        void second(SimulatedMachine m) throws InterruptedException {
            PastSetup.awaitTheOther();
            assertThat(SimulatedMachine.current()).isSameAs(m);
        }
    }

    static TestExecutionSummary runInParallel(Class<?>... classes) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
        for (Class<?> c : classes) {
            request.selectors(selectClass(c));
        }
        launcher.execute(request.build(), summary);
        return summary.getSummary();
    }

    private static List<String> failures(TestExecutionSummary summary) {
        List<String> out = new ArrayList<>();
        summary.getFailures().forEach(f -> out.add(f.getTestIdentifier().getDisplayName() + ": " + f.getException()));
        return out;
    }

    @Test
    void sevenParallelTestsAllPass() {
        TestExecutionSummary summary = runInParallel(SevenTests.class);
        assertThat(failures(summary)).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(7);
    }

    /**
     * Without the lock, the second of two tests that overlap fails before it starts, and says why and what to declare
     * (it used to run on the first test's machine, and one of the two failed later with the other's state).
     */
    @Test
    void aTestThatOverlapsAnotherWithoutTheLockFailsSayingSo() {
        BothStarted.BARRIER.reset();
        PastSetup.both = new CountDownLatch(2);
        TestExecutionSummary summary = runInParallel(TwoUnlockedTests.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getFailures()).singleElement().satisfies(f -> assertThat(f.getException())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is using the simulated machine on thread")
                .hasMessageContaining("TwoUnlockedTests.")
                .hasMessageContaining("@WithSimulatedMachine")
                .hasMessageContaining("@ResourceLock(VssSimulatorExtension.MACHINE)"));
    }
}
