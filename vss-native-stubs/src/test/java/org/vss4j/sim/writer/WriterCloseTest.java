package org.vss4j.sim.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vss4j.sim.Waiting.awaitWaitingOrEnded;
import static org.vss4j.sim.Waiting.start;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
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
                release.await();
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

    private static boolean callSlot(Pointer object, CVssWriter slot) {
        Pointer fn = object.getPointer(0).getPointer(slot.slot() * 8L);
        return (Byte) Function.getFunction(fn).invoke(Byte.class, new Object[] {object}) != 0;
    }

    @Test
    void closeDuringARunningHandlerWaitsForItRefusesAnEventArrivingMeanwhileAndFreesNothingUnderIt(
            SimulatedMachine machine) throws Exception {
        RecordingWriter w = new RecordingWriter().start(JavaWriterBackupTest.FREEZE_TIMEOUT);
        HeldHandler held = new HeldHandler();
        w.at(CVssWriter.OnVSSApplicationStartup, x -> held.run(w));
        HostedWriter hosted = machine.hostedWriters().get(0);
        Pointer object = w.nativeObject();
        AtomicReference<Boolean> delivered = new AtomicReference<>();
        Thread delivery = start(() -> delivered.set(hosted.sendVssApplicationStartup()));
        assertThat(held.entered.await(T.toSeconds(), TimeUnit.SECONDS)).isTrue();

        AtomicReference<Boolean> released = new AtomicReference<>();
        Thread closer = start(() -> released.set(w.close(T)));
        awaitWaitingOrEnded(closer);
        assertThat(closer.getState()).as("close() waits for the running handler")
                .isNotEqualTo(Thread.State.TERMINATED);
        assertThat(machine.hostedWriters()).as("Unsubscribe came first").isEmpty();
        assertThat(hosted.isSubscribed()).isFalse();
        // An event VSS dispatched before the Unsubscribe, arriving now: refused, no Java handler runs.
        assertThat(callSlot(object, CVssWriter.OnVSSShutdown)).isFalse();
        assertThatThrownBy(w::getContext).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");

        held.release.countDown();
        delivery.join();
        closer.join();
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
            try {
                b.doSnapshotSet().finish(T);
            } catch (VssException e) {
                failure = e;
            }
            b.gatherWriterStatus().finish(T);
            status = b.getWriterStatus(0);
            b.freeWriterStatus();
        }
        assertThat(w.events()).containsExactly(CVssWriter.OnIdentify, CVssWriter.OnPrepareBackup);
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
            delivery.join();
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
