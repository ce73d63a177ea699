package org.vss4j.sim.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vss4j.sim.Waiting.awaitWaitingOrEnded;
import static org.vss4j.sim.Waiting.start;
import static org.vss4j.sim.Waiting.until;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.ApplicationLevel;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterState;
import org.vss4j.WriterStatus;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.vss.HostedWriter;

/**
 * Closing a Java writer while VSS delivers events to it: close stops new deliveries (Unsubscribe), waits for the
 * handlers in flight, refuses an event that arrives while it waits, never frees the native object under a running
 * handler, and gives up (leaving the object alive) on a handler that does not return. A free under a handler would
 * crash this test JVM (a surefire fork): that the run goes on is part of what these tests show.
 */
@ExtendWith(VssSimulatorExtension.class)
class WriterCloseTest {

    private static final Duration T = JavaWriterBackupTest.T;

    @TempDir
    Path volumeDir;

    /** A handler held until {@link #release}, which then queries the writer (close has begun by then). */
    private static final class HeldHandler {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicReference<Object> queried = new AtomicReference<>();

        boolean run(RecordingWriter w) {
            entered.countDown();
            try {
                if (!release.await(T.toSeconds(), TimeUnit.SECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                queried.set(w.getCurrentLevel());
            } catch (RuntimeException e) {
                queried.set(e);
            }
            return true;
        }
    }

    /** Until close() has unsubscribed the writer (the guard is shut before that). */
    private static void awaitUnsubscribed(SimulatedMachine machine, HostedWriter hosted) {
        until("the writer unsubscribed", () -> !hosted.isSubscribed() && machine.hostedWriters().isEmpty());
    }

    @Test
    void closeDuringARunningHandlerWaitsForItRefusesAnEventArrivingMeanwhileAndFreesNothingUnderIt(
            SimulatedMachine machine) throws Exception {
        RecordingWriter w = new RecordingWriter().start(JavaWriterBackupTest.FREEZE_TIMEOUT);
        HeldHandler held = new HeldHandler();
        w.at(CVssWriter.OnVSSApplicationStartup, x -> held.run(w));
        HostedWriter hosted = machine.hostedWriters().get(0);
        HostedWriter.LateCall late = hosted.readSlotForLateCall(CVssWriter.OnVSSShutdown);
        AtomicReference<Boolean> delivered = new AtomicReference<>();
        Thread delivery = start(() -> delivered.set(hosted.sendVssApplicationStartup()));
        assertThat(held.entered.await(T.toSeconds(), TimeUnit.SECONDS)).isTrue();

        AtomicReference<Boolean> released = new AtomicReference<>();
        Thread closer = start(() -> released.set(w.close(T)));
        awaitUnsubscribed(machine, hosted);
        assertThat(closer.getState()).as("close() waits for the running handler")
                .isNotEqualTo(Thread.State.TERMINATED);
        // An event VSS dispatched before the Unsubscribe, arriving now: refused, no Java handler runs.
        assertThat(late.call()).isFalse();
        assertThatThrownBy(w::getContext).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");

        held.release.countDown();
        delivery.join(T.toMillis());
        closer.join(T.toMillis());
        assertThat(delivered.get()).isTrue();
        assertThat(held.queried.get()).as("the running handler's query, made after close began")
                .isEqualTo(ApplicationLevel.FRONT_END);
        assertThat(released.get()).isTrue();
        assertThat(w.events()).containsExactly(CVssWriter.OnVSSApplicationStartup);
        // VSS sends nothing to a writer that unsubscribed: the simulator does not call its (freed) object.
        assertThat(hosted.sendVssShutdown()).isFalse();
        assertThat(machine.leakReport().liveObjects()).isEmpty();
        assertThat(machine.leakReport().errors()).isEmpty();
    }

    @Test
    void anEventReadBeforeUnsubscribeAndArrivingAfterCloseFindsTheObjectAndIsRefused(SimulatedMachine machine) {
        RecordingWriter w = new RecordingWriter().start(JavaWriterBackupTest.FREEZE_TIMEOUT);
        HostedWriter hosted = machine.hostedWriters().get(0);
        // A VSS thread read the slot while the writer was subscribed; it calls it only once the writer is closed.
        HostedWriter.LateCall late = hosted.readSlotForLateCall(CVssWriter.OnThaw);
        assertThat(w.close(T)).isTrue();
        System.gc();
        assertThat(late.objectUnchanged()).as("object and vtable still there after close").isTrue();
        assertThat(late.call()).as("the closed writer's answer").isFalse();
        assertThat(w.events()).isEmpty();
    }

    @Test
    void closingAWriterFrozenInABackupRunsItsOnAbortSoTheApplicationResumes(SimulatedMachine machine)
            throws Exception {
        Volume v = machine.addVolume(volumeDir);
        RecordingWriter w = new RecordingWriter().start(JavaWriterBackupTest.FREEZE_TIMEOUT);
        HostedWriter hosted = machine.hostedWriters().get(0);
        AtomicReference<Boolean> released = new AtomicReference<>();
        AtomicReference<Thread> closer = new AtomicReference<>();
        // Closed from another thread while OnFreeze runs: close() waits for OnFreeze, then VSS sends the writer no
        // OnThaw (it unsubscribed).
        w.at(CVssWriter.OnFreeze, x -> {
            closer.set(start(() -> released.set(w.close(T))));
            awaitUnsubscribed(machine, hosted);
            return true;
        });
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setBackupState(false, false, BackupType.FULL, false);
            b.gatherWriterMetadata().finish(T);
            b.startSnapshotSet();
            b.addToSnapshotSet(v.guidName(), BackupComponents.GUID_NULL);
            b.prepareForBackup().finish(T);
            try {
                b.doSnapshotSet().finish(T);
            } catch (VssException e) {
                // The writer missed Thaw: the set fails at it. The writer's side is what this test is about.
            }
            closer.get().join(T.toMillis());
        }
        assertThat(released.get()).isTrue();
        assertThat(w.events()).containsExactly(CVssWriter.OnIdentify, CVssWriter.OnPrepareBackup,
                CVssWriter.OnPrepareSnapshot, CVssWriter.OnFreeze, CVssWriter.OnAbort);
    }

    @Test
    void closeDuringASynchronizedHandlerIsNotHeldByTheWritersMonitor(SimulatedMachine machine) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MonitorWriter w = new MonitorWriter(entered, release);
        w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
        HostedWriter hosted = machine.hostedWriters().get(0);
        Thread delivery = start(hosted::sendVssApplicationStartup);
        Thread closer = null;
        try {
            assertThat(entered.await(T.toSeconds(), TimeUnit.SECONDS)).isTrue();
            closer = start(() -> w.close(T));
            Thread c = closer;
            until("close() unsubscribed or blocked", () -> !hosted.isSubscribed()
                    || c.getState() == Thread.State.BLOCKED);
            assertThat(hosted.isSubscribed()).as("close() went on while the handler holds the writer's monitor")
                    .isFalse();
        } finally {
            release.countDown();
        }
        delivery.join(T.toMillis());
        closer.join(T.toMillis());
        assertThat(closer.isAlive()).isFalse();
    }

    /** A writer whose handler synchronizes on the writer, as subclasses may. */
    private static final class MonitorWriter extends RecordingWriter {
        private final CountDownLatch entered;
        private final CountDownLatch release;

        MonitorWriter(CountDownLatch entered, CountDownLatch release) {
            this.entered = entered;
            this.release = release;
        }

        @Override
        protected synchronized boolean onVSSApplicationStartup() {
            entered.countDown();
            try {
                return release.await(T.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    @Test
    void aSecondCloseWhileTheFirstWaitsReturnsTheFirstOnesOutcome(SimulatedMachine machine) throws Exception {
        RecordingWriter w = new RecordingWriter().start(JavaWriterBackupTest.FREEZE_TIMEOUT);
        HeldHandler held = new HeldHandler();
        w.at(CVssWriter.OnVSSApplicationStartup, x -> held.run(w));
        HostedWriter hosted = machine.hostedWriters().get(0);
        Thread delivery = start(hosted::sendVssApplicationStartup);
        AtomicReference<Boolean> first = new AtomicReference<>();
        AtomicReference<Boolean> second = new AtomicReference<>();
        Thread closer1 = null;
        Thread closer2 = null;
        try {
            assertThat(held.entered.await(T.toSeconds(), TimeUnit.SECONDS)).isTrue();
            closer1 = start(() -> first.set(w.close(T)));
            awaitUnsubscribed(machine, hosted);
            closer2 = start(() -> second.set(w.close(T)));
            awaitWaitingOrEnded(closer2);
            assertThat(second.get()).as("the second close did not answer before the first ended").isNull();
        } finally {
            held.release.countDown();
        }
        delivery.join(T.toMillis());
        closer1.join(T.toMillis());
        closer2.join(T.toMillis());
        assertThat(first.get()).isTrue();
        assertThat(second.get()).isTrue();
    }

    @Test
    void aWriterClosedInTheMiddleOfABackupGetsNoFurtherEventAndIsReportedAsNotResponding(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        RecordingWriter w = new RecordingWriter().start(JavaWriterBackupTest.FREEZE_TIMEOUT);
        WriterStatus status;
        VssException failure = null;
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setBackupState(false, false, BackupType.FULL, false);
            b.gatherWriterMetadata().finish(T);
            b.startSnapshotSet();
            b.addToSnapshotSet(v.guidName(), BackupComponents.GUID_NULL);
            b.prepareForBackup().finish(T);
            assertThat(w.close(T)).isTrue();
            assertThat(w.events()).as("closed after PrepareBackup: its OnAbort ran at close")
                    .containsExactly(CVssWriter.OnIdentify, CVssWriter.OnPrepareBackup, CVssWriter.OnAbort);
            try {
                b.doSnapshotSet().finish(T);
            } catch (VssException e) {
                failure = e;
            }
            b.gatherWriterStatus().finish(T);
            status = b.getWriterStatus(0);
            b.freeWriterStatus();
        }
        assertThat(w.events()).containsExactly(CVssWriter.OnIdentify, CVssWriter.OnPrepareBackup, CVssWriter.OnAbort);
        assertThat(status.writerName()).isEqualTo("Java Test Writer");
        assertThat(status.state()).isEqualTo(WriterState.FAILED_AT_PREPARE_SNAPSHOT);
        assertThat(status.failureHresult()).isEqualTo(VssHresult.VSS_E_WRITER_NOT_RESPONDING.code());
        assertThat(failure).as("DoSnapshotSet: %s", failure).isNotNull();
        assertThat(machine.snapshots()).isEmpty();
    }

    @Test
    void closeGivesUpOnAHandlerThatDoesNotReturnAndLeavesTheNativeObjectAliveForIt() throws Exception {
        // The writer is left alive on purpose (its IVssWriterImpl too): a private machine, whose report shows it.
        SimulatedMachine m = SimulatedMachine.create();
        SimulatedMachine previous = SimulatedMachine.install(m);
        try {
            RecordingWriter w = new RecordingWriter().start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            HeldHandler held = new HeldHandler();
            w.at(CVssWriter.OnVSSApplicationStartup, x -> held.run(w));
            HostedWriter hosted = m.hostedWriters().get(0);
            AtomicReference<Boolean> delivered = new AtomicReference<>();
            Thread delivery = start(() -> delivered.set(hosted.sendVssApplicationStartup()));
            assertThat(held.entered.await(T.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(w.close(Duration.ofMillis(50))).as("released").isFalse();
            assertThat(w.close(T)).as("a second close reports the same").isFalse();
            assertThat(m.hostedWriters()).isEmpty();
            assertThat(m.leakReport().liveObjects()).singleElement().asString().contains("IVssWriterImpl");
            assertThatThrownBy(w::getContext).isInstanceOf(IllegalStateException.class);

            // The handler returns, long after close gave up, into an object that is still there.
            held.release.countDown();
            delivery.join(T.toMillis());
            assertThat(delivered.get()).isTrue();
            assertThat(held.queried.get()).isEqualTo(ApplicationLevel.FRONT_END);
            assertThat(m.leakReport().errors()).isEmpty();
        } finally {
            SimulatedMachine.install(previous);
            m.close();
        }
    }

    @Test
    void aSubscribedWriterTheProgramDroppedIsNotCollectedWhileVssCanStillCallIt(SimulatedMachine machine) {
        WeakReference<RecordingWriter> dropped = startAndDrop();
        System.gc();
        assertThat(dropped.get()).as("still reachable: VSS holds its native object").isNotNull();
        assertThat(machine.hostedWriters().get(0).sendVssApplicationStartup()).isTrue();
        assertThat(dropped.get().events()).containsExactly(CVssWriter.OnVSSApplicationStartup);
        dropped.get().close();
    }

    private static WeakReference<RecordingWriter> startAndDrop() {
        return new WeakReference<>(new RecordingWriter().start(JavaWriterBackupTest.FREEZE_TIMEOUT));
    }

    @Test
    void closeFromTheWritersOwnHandlerIsRefusedAndTheHandlerGoesOn(SimulatedMachine machine) {
        RecordingWriter w = new RecordingWriter().start(JavaWriterBackupTest.FREEZE_TIMEOUT);
        AtomicReference<Throwable> refused = new AtomicReference<>();
        w.at(CVssWriter.OnVSSApplicationStartup, x -> {
            try {
                w.close();
            } catch (IllegalStateException e) {
                refused.set(e);
            }
            return true;
        });
        assertThat(machine.hostedWriters().get(0).sendVssApplicationStartup()).isTrue();
        assertThat(refused.get()).hasMessageContaining("close() called from its own OnVSSApplicationStartup handler");
        assertThat(w.close(T)).isTrue();
        assertThat(machine.hostedWriters()).isEmpty();
    }
}
