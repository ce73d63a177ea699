package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vss4j.SnapshotContext;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssAsync;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupException;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.BackupSessionBuilder;
import org.vss4j.session.ComponentSelection;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.FaultPoints;
import org.vss4j.sim.Gate;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.TestTrees;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * The fault matrix of a backup session (docs/reliability.md, "The fault matrix"): every {@code IVssBackupComponents}
 * call a clean session makes, at each of its occurrences, failing with each HRESULT of {@link FaultPoints#CODES}; and
 * every {@code IVssAsync::Wait} and {@code QueryStatus} failing with each of {@link FaultPoints#ASYNC_CODES}, and the
 * {@code Cancel} a failed QueryStatus brings failing too ({@link #everyAsyncCallFailing}); and
 * every writer event of the clean session failing retryably, failing non-retryably, vetoed and hanging. The calls and events come
 * from a recording of the clean run ({@code Faults.callLog()}, {@code SimulatedWriter.events()}), so a call the session
 * starts making joins the matrix by itself.
 *
 * <p>Each case asserts: the error names the phase, the writer when one is to blame, the call and the HRESULT;
 * {@code AbortBackup} is called exactly once when the failure came after {@code StartSnapshotSet} and before
 * {@code BackupComplete} was called, never otherwise; nothing leaks ({@link VssSimulatorExtension}); no shadow copy is
 * left; the case ends within its JUnit timeout. Only a hanging writer meets a session timeout, on a test clock.
 */
@ExtendWith(VssSimulatorExtension.class)
class FaultMatrixTest {

    static final String WRITER = "AppWriter";

    @TempDir
    Path temp;

    /** The machine of one run: volume C:\ with two files, one writer whose component holds them. */
    static SimulatedWriter prepare(SimulatedMachine machine, Path dir) {
        Path c = SessionFixture.mkdirs(dir.resolve("c"));
        machine.addVolume(c, "C:\\");
        SessionFixture.write(c, "app\\a.txt", "a");
        SessionFixture.write(c, "app\\sub\\b.txt", "b");
        return machine.addWriter(SimulatedWriter.builder(WRITER).component(WriterComponent.fileGroup("", "app")
                .withFile(FileSpec.of("C:\\app", "*", true))).build());
    }

    /**
     * The contexts every case runs in: the default, whose shadow copies end with the requester, and a persistent one,
     * whose set the session must delete itself after a failure.
     */
    static final List<SnapshotContext> CONTEXTS = List.of(SnapshotContext.BACKUP, SnapshotContext.APP_ROLLBACK);

    /**
     * The session of every case that hangs nowhere: timeouts far beyond what any case takes on a loaded machine, so a
     * slow phase never turns the expected HRESULT into a timeout's E_ABORT; the JUnit timeout stays above them. The
     * poll interval is as long: a Wait returns once its operation ended, so every operation is one Wait and one
     * QueryStatus however loaded the machine, and the nth {@code IVssAsync::Wait} of the recording is the nth of every
     * case ({@link #asyncFaults}).
     */
    static BackupSessionBuilder session(SnapshotContext context, List<BackupEvent> events) {
        return BackupSession.builder().context(context).components(ComponentSelection.writer(WRITER))
                .listener(events::add)
                .phaseTimeout(Duration.ofSeconds(20)).overallTimeout(Duration.ofSeconds(40))
                .cancelGrace(Duration.ofSeconds(5)).pollInterval(Duration.ofSeconds(10))
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(4));
    }

    /**
     * The session of a case whose writer hangs at {@code hang}: on a clock that moves a minute at every reading once
     * the writer is held there, so the phase timeout (ten minutes) expires after a fixed number of the session's own
     * readings, whatever the machine's load, and never before the hang. The overall timeout is out of reach.
     */
    static BackupSessionBuilder hangingSession(SnapshotContext context, List<BackupEvent> events, Gate hang) {
        return session(context, events).clock(new TestClock().advanceWhen(hang::wasReached, Duration.ofMinutes(1)))
                .phaseTimeout(Duration.ofMinutes(10)).overallTimeout(Duration.ofDays(1))
                .cancelGrace(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5));
    }

    /** A whole backup: start, copy every item, complete. */
    static BackupResult backUp(BackupSessionBuilder builder) {
        try (BackupSession s = builder.start()) {
            SessionFixture.copyAll(s);
            return s.complete();
        }
    }

    /**
     * The clean run's recording: every call in order, the phase each was made in, and the writer's events.
     *
     * @param calls        {@code Interface::Method} or export name, one per call
     * @param phases       the session phase running at each call
     * @param writerEvents what the writer received
     */
    record Recording(List<String> calls, List<BackupPhase> phases, List<WriterEvent> writerEvents) {

        int indexOf(String method) {
            return calls.indexOf(method);
        }
    }

    static final Map<SnapshotContext, Recording> CLEAN = new java.util.LinkedHashMap<>();

    static {
        CONTEXTS.forEach(c -> CLEAN.put(c, record(c)));
    }

    private static Recording record(SnapshotContext context) {
        SimulatedMachine machine = SimulatedMachine.create();
        SimulatedMachine previous = SimulatedMachine.install(machine);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("vss4j-fault-matrix-");
            SimulatedWriter w = prepare(machine, dir);
            machine.faults().recordCalls();
            // Which phase each call belongs to: the listener hears PhaseStarted on the session's thread, before the
            // phase's calls.
            List<BackupPhase> phases = new ArrayList<>();
            BackupPhase[] current = {null};
            BackupResult r = backUp(session(context, new ArrayList<>()).listener(e -> {
                int made = machine.faults().callLog().size();
                while (phases.size() < made) {
                    phases.add(current[0]);
                }
                if (e instanceof BackupEvent.PhaseStarted p) {
                    current[0] = p.phase();
                }
            }));
            if (!r.succeeded()) {
                throw new IllegalStateException("the clean run did not succeed: " + r);
            }
            List<String> calls = machine.faults().callLog();
            while (phases.size() < calls.size()) {
                phases.add(current[0]);
            }
            VssSimulatorExtension.verifyNoLeaks(machine);
            return new Recording(calls, phases, w.events());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            SimulatedMachine.install(previous);
            machine.close();
            if (dir != null) {
                TestTrees.deleteTree(dir);
            }
        }
    }

    // ---- the cases --------------------------------------------------------------------------------------------------

    /** One failing call: the {@code nth} call of {@code method} ({@code Interface::Method}) returns {@code code}. */
    record CallFault(SnapshotContext context, String method, int nth, VssHresult code, int position) {
        @Override
        public String toString() {
            return context.nativeName() + ": " + method + " #" + nth + " -> " + code.name();
        }
    }

    static Stream<Arguments> callFaults() {
        List<Arguments> out = new ArrayList<>();
        CLEAN.forEach((context, recording) -> {
            for (FaultPoints.Point p : FaultPoints.of(recording.calls())) {
                out.add(Arguments.of(new CallFault(context, p.method(), p.nth(), p.code(), p.position())));
            }
        });
        return out.stream();
    }

    /**
     * The shadow copies a case may leave: the set of a backup that completed in a persistent context (it is what the
     * backup made), nothing otherwise.
     */
    static void assertNothingLeft(SimulatedMachine machine, SnapshotContext context, BackupResult completed) {
        if (completed != null && context == SnapshotContext.APP_ROLLBACK) {
            assertThat(machine.snapshots()).singleElement()
                    .satisfies(snap -> assertThat(snap.setId()).isEqualTo(completed.snapshotSetId()));
        } else {
            assertThat(machine.snapshots()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callFaults")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyCallFailing(CallFault fault, SimulatedMachine machine) {
        prepare(machine, temp);
        machine.faults().failExportOnCall(fault.method(), fault.nth(), fault.code());
        List<BackupEvent> events = new ArrayList<>();
        Recording clean = CLEAN.get(fault.context());
        int started = clean.indexOf("IVssBackupComponents::StartSnapshotSet");
        int completing = clean.indexOf("IVssBackupComponents::BackupComplete");
        BackupPhase phase = clean.phases().get(fault.position());
        String method = fault.method().substring(fault.method().indexOf("::") + 2);
        boolean retried = fault.code() == VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS
                && List.of("StartSnapshotSet", "AddToSnapshotSet", "DoSnapshotSet").contains(method)
                && fault.method().startsWith("IVssBackupComponents::");
        Outcome outcome = Outcome.of(() -> backUp(session(fault.context(), events)));

        int aborts = machine.faults().calls(IVssBackupComponents.AbortBackup);
        if (retried) {
            // docs/simulator-in-progress.md: StartSnapshotSet and AddToSnapshotSet are called again; a DoSnapshotSet
            // that met another set is never called again: AbortBackup, a new requester, the sequence again.
            assertThat(outcome.result()).as("%s", outcome).isNotNull()
                    .satisfies(r -> assertThat(r.succeeded()).isTrue());
            assertThat(events).filteredOn(e -> e instanceof BackupEvent.Retrying).singleElement()
                    .satisfies(e -> assertThat(((BackupEvent.Retrying) e).call()).isEqualTo(method));
            assertThat(aborts).isEqualTo(method.equals("DoSnapshotSet") ? 1 : 0);
        } else if (fault.position() > completing) {
            // After BackupComplete nothing aborts: the result comes back with the failure attached.
            assertThat(outcome.result()).as("%s", outcome).isNotNull();
            assertThat(outcome.result().succeeded()).isFalse();
            assertThat(outcome.result().postCompleteFailures()).as("%s", outcome.result()).singleElement()
                    .satisfies(f -> {
                        assertThat(f.phase()).isEqualTo(phase);
                        assertThat(f.message()).contains(fault.method(), fault.code().name());
                    });
            assertThat(aborts).isZero();
        } else {
            BackupException e = outcome.failure();
            assertThat(e).as("%s", outcome).isNotNull();
            assertThat(e.phase()).isEqualTo(phase);
            assertThat(e.hresult()).isEqualTo(fault.code().code());
            assertThat(e.getMessage()).contains(phase.name(), fault.method(), fault.code().name());
            // Microsoft docs, "IVssBackupComponents::AbortBackup": after StartSnapshotSet, before the backup ends.
            assertThat(aborts).isEqualTo(fault.position() > started ? 1 : 0);
        }
        assertNothingLeft(machine, fault.context(), outcome.result());
    }

    // ---- IVssAsync calls --------------------------------------------------------------------------------------------

    /**
     * {@code point} of the clean session's recording fails ({@link FaultPoints#ofAsync}); {@code cancel}: the
     * {@code IVssAsync::Cancel} its failure brings fails as well.
     */
    record AsyncFault(SnapshotContext context, FaultPoints.Point point, VssHresult cancel) {
        @Override
        public String toString() {
            return context.nativeName() + ": " + point.method() + " #" + point.nth() + " -> " + point.code().name()
                    + (cancel == null ? "" : ", then IVssAsync::Cancel -> " + cancel.name());
        }
    }

    /**
     * Every {@code IVssAsync::Wait} and {@code QueryStatus} of the clean sessions with each code of
     * {@link FaultPoints#ASYNC_CODES}; and each QueryStatus failing with E_FAIL, which always cancels the operation (its
     * status is unknown), with that Cancel failing with each code too (a clean session cancels nothing).
     */
    static Stream<Arguments> asyncFaults() {
        List<Arguments> out = new ArrayList<>();
        CLEAN.forEach((context, recording) -> {
            for (FaultPoints.Point p : FaultPoints.ofAsync(recording.calls())) {
                out.add(Arguments.of(new AsyncFault(context, p, null)));
                if (p.method().equals("IVssAsync::QueryStatus") && p.code() == VssHresult.E_FAIL) {
                    for (VssHresult cancel : FaultPoints.ASYNC_CODES) {
                        out.add(Arguments.of(new AsyncFault(context, p, cancel)));
                    }
                }
            }
        });
        return out.stream();
    }

    /**
     * As {@link #everyCallFailing}, for the {@code IVssAsync} calls (docs/async.md, "The contract vss4j keeps"): Wait's
     * own codes and every QueryStatus failure fail the phase, naming {@code IVssAsync::Wait}/{@code QueryStatus} and
     * the code; a Wait failing with E_FAIL, not one of Wait's codes, is left to QueryStatus, and the backup succeeds. A
     * failing Cancel does not hide the failure that made the session give up.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("asyncFaults")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyAsyncCallFailing(AsyncFault fault, SimulatedMachine machine) throws InterruptedException {
        prepare(machine, temp);
        FaultPoints.Point p = fault.point();
        machine.faults().failExportOnCall(p.method(), p.nth(), p.code());
        if (fault.cancel() != null) {
            machine.faults().failOnCall(IVssAsync.Cancel, 1, fault.cancel());
        }
        Recording clean = CLEAN.get(fault.context());
        int started = clean.indexOf("IVssBackupComponents::StartSnapshotSet");
        int completing = clean.indexOf("IVssBackupComponents::BackupComplete");
        BackupPhase phase = clean.phases().get(p.position());
        Outcome outcome = Outcome.of(() -> backUp(session(fault.context(), new ArrayList<>())));

        assertThat(machine.awaitAsyncIdle(Duration.ofSeconds(10))).isTrue();
        int aborts = machine.faults().calls(IVssBackupComponents.AbortBackup);
        if (fault.cancel() != null) {
            assertThat(machine.faults().calls(IVssAsync.Cancel)).as("Cancel calls").isEqualTo(1);
        }
        if (p.method().equals("IVssAsync::Wait") && p.code() == VssHresult.E_FAIL) {
            assertThat(outcome.result()).as("%s", outcome).isNotNull()
                    .satisfies(r -> assertThat(r.succeeded()).as("%s", r).isTrue());
            assertThat(aborts).isZero();
        } else if (p.position() > completing) {
            assertThat(outcome.result()).as("%s", outcome).isNotNull();
            assertThat(outcome.result().succeeded()).isFalse();
            assertThat(outcome.result().postCompleteFailures()).as("%s", outcome.result()).singleElement()
                    .satisfies(f -> {
                        assertThat(f.phase()).isEqualTo(phase);
                        assertThat(f.message()).contains(p.method(), p.code().name());
                    });
            assertThat(aborts).isZero();
        } else {
            BackupException e = outcome.failure();
            assertThat(e).as("%s", outcome).isNotNull();
            assertThat(e.phase()).isEqualTo(phase);
            assertThat(e.hresult()).isEqualTo(p.code().code());
            assertThat(e.getMessage()).contains(phase.name(), p.method() + " failed: " + p.code().name());
            assertThat(aborts).isEqualTo(p.position() > started ? 1 : 0);
        }
        assertNothingLeft(machine, fault.context(), outcome.result());
    }

    /** How a backup ended: its result or its failure. */
    record Outcome(BackupResult result, BackupException failure) {

        static Outcome of(java.util.function.Supplier<BackupResult> backup) {
            try {
                return new Outcome(backup.get(), null);
            } catch (BackupException e) {
                return new Outcome(null, e);
            }
        }
    }

    // ---- writer events ----------------------------------------------------------------------------------------------

    /** How the writer misbehaves at an event. */
    enum Misbehaviour {
        FAIL_RETRYABLE, FAIL_NON_RETRYABLE, VETO, HANG
    }

    static Stream<Arguments> writerFaults() {
        return CLEAN.entrySet().stream().flatMap(c -> c.getValue().writerEvents().stream().distinct()
                .flatMap(ev -> Stream.of(Misbehaviour.values()).map(m -> Arguments.of(c.getKey(), ev, m))));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("writerFaults")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyWriterEventFailing(SnapshotContext context, WriterEvent event, Misbehaviour how,
            SimulatedMachine machine) {
        SimulatedWriter w = prepare(machine, temp);
        Gate hang = null;
        VssHresult code = switch (how) {
            case FAIL_RETRYABLE -> VssHresult.VSS_E_WRITERERROR_RETRYABLE;
            case FAIL_NON_RETRYABLE, VETO -> VssHresult.VSS_E_WRITERERROR_NONRETRYABLE;
            case HANG -> VssHresult.E_ABORT;
        };
        switch (how) {
            case FAIL_RETRYABLE, FAIL_NON_RETRYABLE -> w.failAt(event, code);
            case VETO -> w.vetoAt(event);
            case HANG -> hang = w.hangAt(event);
        }
        BackupPhase phase = switch (event) {
            case IDENTIFY -> BackupPhase.GATHER_WRITER_METADATA;
            case PREPARE_FOR_BACKUP -> BackupPhase.PREPARE_FOR_BACKUP;
            case BACKUP_COMPLETE -> BackupPhase.BACKUP_COMPLETE;
            default -> BackupPhase.DO_SNAPSHOT_SET;
        };
        try {
            Gate held = hang;
            Outcome outcome = Outcome.of(() -> backUp(held == null ? session(context, new ArrayList<>())
                    : hangingSession(context, new ArrayList<>(), held)));
            int aborts = machine.faults().calls(IVssBackupComponents.AbortBackup);
            if (event == WriterEvent.BACKUP_COMPLETE) {
                BackupResult r = outcome.result();
                assertThat(r).as("%s", outcome).isNotNull();
                assertThat(r.succeeded()).isFalse();
                if (how == Misbehaviour.HANG) {
                    assertThat(r.postCompleteFailures()).singleElement().satisfies(f -> {
                        assertThat(f.phase()).isEqualTo(phase);
                        assertThat(f.message()).contains("E_ABORT", "'" + WRITER + "'");
                    });
                } else {
                    assertThat(r.writerFailures()).singleElement().satisfies(f -> {
                        assertThat(f.writer().name()).isEqualTo(WRITER);
                        assertThat(f.failureHresult()).isEqualTo(code.code());
                        assertThat(f.state()).isEqualTo(event.failedState());
                    });
                }
                assertThat(aborts).isZero();
            } else {
                BackupException e = outcome.failure();
                assertThat(e).as("%s", outcome).isNotNull();
                assertThat(e.phase()).isEqualTo(phase);
                assertThat(e.hresult()).isEqualTo(code.code());
                assertThat(e.getMessage()).contains(phase.name(), code.name());
                if (how == Misbehaviour.HANG) {
                    assertThat(e.isTimeout()).isTrue();
                    // No writer is known before its metadata was gathered: the step is named instead.
                    assertThat(e.getMessage()).contains(event == WriterEvent.IDENTIFY ? "writers still in Identify"
                            : "'" + WRITER + "'");
                } else {
                    assertThat(e.writer()).contains(WRITER);
                    assertThat(e.getMessage()).contains(WRITER, event.failedState().nativeName());
                }
                assertThat(aborts).isEqualTo(event == WriterEvent.IDENTIFY ? 0 : 1);
            }
            assertNothingLeft(machine, context, outcome.result());
        } finally {
            if (hang != null) {
                hang.open();
            }
        }
    }
}
