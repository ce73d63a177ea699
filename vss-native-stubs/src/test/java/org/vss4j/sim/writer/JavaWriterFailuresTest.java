package org.vss4j.sim.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterState;
import org.vss4j.WriterStatusEx;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.IVssCreateWriterMetadata;
import org.vss4j.com.ComObject;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.writer.CreateWriterMetadata;
import org.vss4j.writer.VssWriterException;

/**
 * A Java writer's failures: thrown exceptions and vetoes become writer failures the requester sees with the writer's
 * message, nothing escapes into native code, borrowed interfaces die with their handler, the freeze timeout, and the
 * native object's lifetime.
 */
@ExtendWith(VssSimulatorExtension.class)
class JavaWriterFailuresTest {

    private static final Duration T = JavaWriterBackupTest.T;

    @TempDir
    Path volumeDir;

    /** Runs a backup through DoSnapshotSet (its error into {@code failure}); then the only writer's status. */
    private static WriterStatusEx backup(Volume v, AtomicReference<VssException> failure) {
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setBackupState(false, false, BackupType.FULL, false);
            b.gatherWriterMetadata().finish(T);
            b.startSnapshotSet();
            b.addToSnapshotSet(v.guidName(), BackupComponents.GUID_NULL);
            try {
                b.prepareForBackup().finish(T);
                b.doSnapshotSet().finish(T);
            } catch (VssException e) {
                failure.set(e);
            }
            b.gatherWriterStatus().finish(T);
            WriterStatusEx s = b.getWriterStatusEx(0);
            b.freeWriterStatus();
            return s;
        }
    }

    @Test
    void aHandlerThrowingAtFreezeFailsDoSnapshotSetWithItsWriterErrorAndMessage(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        AtomicReference<VssException> failure = new AtomicReference<>();
        WriterStatusEx status;
        try (RecordingWriterEx w = new RecordingWriterEx()) {
            w.at(CVssWriter.OnFreeze, x -> {
                throw new VssWriterException(VssHresult.VSS_E_WRITERERROR_RETRYABLE, 0x80070020, "log file busy",
                        null);
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            status = backup(v, failure);
            assertThat(w.events()).containsExactly(CVssWriter.OnIdentify, CVssWriter.OnPrepareBackup,
                    CVssWriter.OnPrepareSnapshot, CVssWriter.OnFreeze, CVssWriter.OnAbort,
                    CVssWriter.OnBackupShutdown);
        }
        assertThat(failure.get().is(VssHresult.VSS_E_WRITERERROR_RETRYABLE)).isTrue();
        assertThat(failure.get().operation()).isEqualTo("IVssBackupComponents::DoSnapshotSet");
        assertThat(status.status().writerName()).isEqualTo("Java Test Writer");
        assertThat(status.status().state()).isEqualTo(WriterState.FAILED_AT_FREEZE);
        assertThat(status.status().failureHresult()).isEqualTo(VssHresult.VSS_E_WRITERERROR_RETRYABLE.code());
        assertThat(status.applicationHresult()).isEqualTo(0x80070020);
        assertThat(status.applicationMessage()).isEqualTo("log file busy");
        assertThat(machine.snapshots()).isEmpty();
    }

    @Test
    void anyOtherExceptionIsANonRetryableFailureWithItsText(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        AtomicReference<VssException> failure = new AtomicReference<>();
        WriterStatusEx status;
        try (RecordingWriterEx w = new RecordingWriterEx()) {
            w.at(CVssWriter.OnPrepareBackup, x -> {
                throw new IllegalStateException("index corrupt");
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            status = backup(v, failure);
        }
        assertThat(failure.get().is(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE)).isTrue();
        assertThat(status.status().state()).isEqualTo(WriterState.FAILED_AT_PREPARE_BACKUP);
        assertThat(status.applicationHresult()).isEqualTo(VssHresult.E_FAIL.code());
        assertThat(status.applicationMessage()).isEqualTo("java.lang.IllegalStateException: index corrupt");
    }

    @Test
    void aPlainWriterReportsAThrowWithSetWriterFailureAloneAndNeverTheExCall(SimulatedMachine machine) {
        // A CVssWriter has no SetWriterFailureEx (the SDK offers it on CVssWriterEx2, made by CreateWriterEx): the
        // simulator records an Ex call on a CreateWriter implementation as a misuse, so a clean ledger proves it.
        Volume v = machine.addVolume(volumeDir);
        AtomicReference<VssException> failure = new AtomicReference<>();
        WriterStatusEx status;
        try (RecordingWriter w = new RecordingWriter()) {
            w.at(CVssWriter.OnFreeze, x -> {
                throw VssWriterException.retryable("log file busy");
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            status = backup(v, failure);
            assertThat(w.thrown()).extracting(Recorder.Call::event).containsExactly(CVssWriter.OnFreeze);
        }
        assertThat(machine.ledger().errors()).isEmpty();
        assertThat(failure.get().is(VssHresult.VSS_E_WRITERERROR_RETRYABLE)).isTrue();
        assertThat(status.status().state()).isEqualTo(WriterState.FAILED_AT_FREEZE);
        assertThat(status.applicationHresult()).isZero();
        assertThat(status.applicationMessage()).isNull();
    }

    @Test
    void anErrorThrownByAHandlerDoesNotEscapeEither(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        AtomicReference<VssException> failure = new AtomicReference<>();
        WriterStatusEx status;
        try (RecordingWriterEx w = new RecordingWriterEx()) {
            w.at(CVssWriter.OnPrepareSnapshot, x -> {
                throw new OutOfMemoryError("simulated");
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            status = backup(v, failure);
        }
        assertThat(status.status().state()).isEqualTo(WriterState.FAILED_AT_PREPARE_SNAPSHOT);
        assertThat(status.applicationMessage()).isEqualTo("java.lang.OutOfMemoryError: simulated");
    }

    @Test
    void returningFalseAtFreezeVetoesWithoutAnApplicationMessage(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        AtomicReference<VssException> failure = new AtomicReference<>();
        WriterStatusEx status;
        try (RecordingWriter w = new RecordingWriter()) {
            w.at(CVssWriter.OnFreeze, x -> false);
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            status = backup(v, failure);
        }
        assertThat(failure.get().is(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE)).isTrue();
        assertThat(status.status().state()).isEqualTo(WriterState.FAILED_AT_FREEZE);
        assertThat(status.applicationHresult()).isZero();
        assertThat(status.applicationMessage()).isNull();
    }

    @Test
    void setWriterFailureExInsideAHandlerIsReportedAsIs(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        AtomicReference<VssException> failure = new AtomicReference<>();
        WriterStatusEx status;
        try (RecordingWriterEx w = new RecordingWriterEx()) {
            w.at(CVssWriter.OnPrepareSnapshot, x -> {
                w.setWriterFailureEx(VssHresult.VSS_E_WRITERERROR_OUTOFRESOURCES.code(), 0x8007000E, "no memory");
                return false;
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            status = backup(v, failure);
            assertThatThrownBy(() -> w.setWriterFailure(VssHresult.VSS_E_WRITERERROR_RETRYABLE))
                    .isInstanceOfSatisfying(VssException.class, e -> assertThat(e.is(VssHresult.VSS_E_BAD_STATE))
                            .as("outside a handler").isTrue());
        }
        assertThat(failure.get().is(VssHresult.VSS_E_WRITERERROR_OUTOFRESOURCES)).isTrue();
        assertThat(status.status().state()).isEqualTo(WriterState.FAILED_AT_PREPARE_SNAPSHOT);
        assertThat(status.applicationMessage()).isEqualTo("no memory");
    }

    @Test
    void aWriterStuckInOnFreezePastItsTimeoutFailsWithWriterErrorTimeout(SimulatedMachine machine) throws Exception {
        Volume v = machine.addVolume(volumeDir);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        AtomicReference<VssException> failure = new AtomicReference<>();
        WriterStatusEx status;
        try (RecordingWriter w = new RecordingWriter()) {
            w.at(CVssWriter.OnFreeze, x -> {
                try {
                    // Held until the simulator has given up on it (the latch, not a sleep, ends the wait).
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } finally {
                    returned.countDown();
                }
            });
            w.start(Duration.ofMillis(200));
            status = backup(v, failure);
            release.countDown();
            assertThat(returned.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(failure.get().is(VssHresult.VSS_E_WRITERERROR_TIMEOUT)).isTrue();
        assertThat(status.status().state()).isEqualTo(WriterState.FAILED_AT_FREEZE);
        assertThat(status.applicationMessage()).contains("did not return from OnFreeze within its freeze timeout");
    }

    /** A clock the handlers move. */
    private static final class TestClock implements InstantSource {
        private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void holdingWritesPastTheFreezeTimeoutIsReportedOnceNamingTheEvent(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        TestClock clock = new TestClock();
        try (RecordingWriter w = new RecordingWriter(clock)) {
            w.at(CVssWriter.OnFreeze, x -> {
                clock.advance(Duration.ofSeconds(25));
                return true;
            });
            w.at(CVssWriter.OnThaw, x -> true);
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            backup(v, new AtomicReference<>());
            assertThat(w.overruns()).containsExactly(Duration.ofSeconds(25));
            assertThat(w.calls()).extracting(Recorder.Call::event).containsSubsequence(CVssWriter.OnFreeze,
                    CVssWriter.OnFreeze, CVssWriter.OnThaw);
            assertThat(w.calls().get(w.events().indexOf(CVssWriter.OnFreeze) + 1).argument())
                    .isEqualTo("freeze timeout exceeded");
        }
    }

    @Test
    void aFreezeWithinTheTimeoutIsNotReported(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        TestClock clock = new TestClock();
        try (RecordingWriter w = new RecordingWriter(clock)) {
            w.at(CVssWriter.OnFreeze, x -> {
                clock.advance(Duration.ofSeconds(19));
                return true;
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            backup(v, new AtomicReference<>());
            assertThat(w.overruns()).isEmpty();
        }
    }

    @Test
    void aBorrowedInterfaceUsedAfterItsHandlerIsAnIllegalStateException(SimulatedMachine machine) {
        AtomicReference<CreateWriterMetadata> kept = new AtomicReference<>();
        try (RecordingWriter w = new RecordingWriter()) {
            w.declaring(kept::set);
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            try (BackupComponents b = BackupComponents.create()) {
                b.initializeForBackup(null);
                b.gatherWriterMetadata().finish(T);
            }
        }
        assertThatThrownBy(() -> kept.get().saveAsXml()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IVssCreateWriterMetadata passed to OnIdentify");
        assertThatThrownBy(() -> kept.get().pointer()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSimulatorFlagsANativeCallOnALentInterfaceAfterItsHandler() {
        SimulatedMachine m = SimulatedMachine.create();
        SimulatedMachine previous = SimulatedMachine.install(m);
        AtomicReference<Pointer> raw = new AtomicReference<>();
        try (RecordingWriter w = new RecordingWriter()) {
            w.declaring(meta -> raw.set(meta.pointer()));
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            try (BackupComponents b = BackupComponents.create()) {
                b.initializeForBackup(null);
                b.gatherWriterMetadata().finish(T);
            }
            int hr = ComObject.callSlot(raw.get(), IVssCreateWriterMetadata.SetBackupSchema, 1);
            assertThat(hr).isEqualTo(VssHresult.E_UNEXPECTED.code());
        } finally {
            SimulatedMachine.install(previous);
            m.close();
        }
        assertThat(m.leakReport().errors()).singleElement().asString()
                .contains("IVssCreateWriterMetadata::SetBackupSchema", "after the handler returned");
    }

    @Test
    void anUnclosedWriterIsALeakedIVssWriterImplAndCloseReleasesIt() {
        SimulatedMachine m = SimulatedMachine.create();
        SimulatedMachine previous = SimulatedMachine.install(m);
        RecordingWriter w = new RecordingWriter();
        try {
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            assertThat(m.leakReport().liveObjects()).singleElement().asString()
                    .contains("IVssWriterImpl", "1 reference(s)", "CreateWriter");
            assertThat(m.hostedWriters()).hasSize(1);
            w.close();
            w.close();
            assertThat(m.hostedWriters()).isEmpty();
            VssSimulatorExtension.verifyNoLeaks(m);
        } finally {
            SimulatedMachine.install(previous);
            m.close();
        }
        assertThatThrownBy(w::getContext).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void theScalarDeletingDestructorReleasesTheImplementationLikeCVssWriterDoes(SimulatedMachine machine) {
        RecordingWriter w = new RecordingWriter().start(JavaWriterBackupTest.FREEZE_TIMEOUT);
        Pointer object = w.nativeObject();
        Pointer destructor = object.getPointer(0).getPointer(CVssWriter.ScalarDeletingDestructor.slot() * 8L);
        Object self = Function.getFunction(destructor).invoke(Pointer.class, new Object[] {object, 1});
        assertThat(self).isEqualTo(object);
        assertThat(machine.hostedWriters()).isEmpty();
        assertThat(machine.leakReport().liveObjects()).isEmpty();
        assertThatThrownBy(w::getBackupType).isInstanceOf(IllegalStateException.class);
        w.close();
    }

    @Test
    void installAlternateWriterReachesTheImplementation(SimulatedMachine machine) {
        UUID alternateClass = UUID.randomUUID();
        try (RecordingWriter w = new RecordingWriter().start(JavaWriterBackupTest.FREEZE_TIMEOUT)) {
            w.installAlternateWriter(RecordingWriter.WRITER_ID, alternateClass);
            assertThat(machine.alternateWriters()).containsEntry(RecordingWriter.WRITER_ID, alternateClass);
            assertThat(w.name()).isEqualTo("Java Test Writer");
            assertThat(w.freezeTimeout()).isEqualTo(JavaWriterBackupTest.FREEZE_TIMEOUT);
            assertThatThrownBy(() -> w.initialize(RecordingWriter.WRITER_ID, "again", null, null, null, null,
                    Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(w::subscribe).isInstanceOfSatisfying(VssException.class,
                    e -> assertThat(e.is(VssHresult.VSS_E_WRITER_ALREADY_SUBSCRIBED)).isTrue());
        }
        assertThat(machine.hostedWriters()).isEmpty();
    }
}
