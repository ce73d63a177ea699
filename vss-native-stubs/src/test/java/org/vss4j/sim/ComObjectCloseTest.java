package org.vss4j.sim;

import static org.vss4j.sim.Waiting.pass;
import static org.vss4j.sim.Waiting.start;
import static org.vss4j.sim.Waiting.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.abi.vtable.IVssBackupComponents;

/**
 * {@code ComObject}'s close/call guard: a call racing {@code close()} on another thread either runs on a live object or
 * is refused with an {@link IllegalStateException} naming {@code Interface::Method}; close waits for calls in flight;
 * a wrapper that becomes unreachable during a call on it is not released under that call. The simulator records any
 * call on a released object in the machine's ledger, which {@link VssSimulatorExtension} checks after each test.
 */
@ExtendWith(VssSimulatorExtension.class)
class ComObjectCloseTest {

    private static final Duration T = Duration.ofSeconds(30);
    private static final String METHOD = IVssBackupComponents.IsVolumeSupported.qualifiedName();

    @TempDir
    Path volumeDir;

    /** What one calling thread saw: calls that ran, and what ended its loop. */
    private record Outcome(int succeeded, RuntimeException end) {
    }

    @Test
    void callsFromTwoHundredThreadsRacingCloseSucceedOrAreRefusedAndNoneReachesAReleasedObject(
            SimulatedMachine machine) throws Exception {
        // Every thread loops on one object. Once all of them are inside the native method (held at a gate), another
        // thread closes the object; the gate opens once that close has begun (every later call is refused).
        String volume = machine.addVolume(volumeDir).guidName();
        int threads = 200;
        BackupComponents b = initialized();
        CountDownLatch inside = new CountDownLatch(threads);
        Gate hold = Gate.closed();
        machine.faults().duringCall(IsVolumeSupported(), () -> {
            if (!hold.isOpen()) {
                inside.countDown();
                pass(hold);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    int ok = 0;
                    while (true) {
                        try {
                            b.isVolumeSupported(BackupComponents.GUID_NULL, volume);
                            ok++;
                        } catch (RuntimeException end) {
                            return new Outcome(ok, end);
                        }
                    }
                }));
            }
            assertThat(inside.await(T.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Thread closer = start(b::close);
            until("close() began", b::isClosed);
            hold.open();
            closer.join(T.toMillis());
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(T.toSeconds(), TimeUnit.SECONDS));
            }
        } finally {
            hold.open();
            pool.shutdownNow();
        }
        int succeeded = outcomes.stream().mapToInt(Outcome::succeeded).sum();
        long refused = outcomes.stream().filter(o -> o.end() instanceof IllegalStateException
                && o.end().getMessage().equals(METHOD + " called after the IVssBackupComponents was closed (released)"))
                .count();
        System.out.printf("close/call race: %d threads, all %d inside the native method when close() began; %d calls"
                + " succeeded, %d refused after close, %d calls on a released object%n", threads, threads, succeeded,
                refused, machine.ledger().errors().size());
        assertThat(machine.ledger().errors()).isEmpty();
        assertThat(succeeded).as("the calls close waited for").isGreaterThanOrEqualTo(threads);
        assertThat(refused).as("every thread's loop ends with the refusal naming the method").isEqualTo(threads);
    }

    @Test
    void closeWaitsForACallInFlightAndRefusesCallsFromThenOn(SimulatedMachine machine) throws Exception {
        String volume = machine.addVolume(volumeDir).guidName();
        BackupComponents b = initialized();
        Gate inCall = Gate.closed();
        machine.faults().duringCall(IsVolumeSupported(), () -> pass(inCall));
        AtomicReference<Object> result = new AtomicReference<>();
        Thread caller = start(() -> {
            try {
                result.set(b.isVolumeSupported(BackupComponents.GUID_NULL, volume));
            } catch (RuntimeException e) {
                result.set(e);
            }
        });
        Thread closer;
        try {
            assertThat(inCall.awaitReached(T)).isTrue();
            closer = start(b::close);
            until("close() began", b::isClosed);

            assertThat(closer.getState()).as("close() waits for the call in flight")
                    .isNotEqualTo(Thread.State.TERMINATED);
            assertThat(b.isReleased()).isFalse();
            assertThat(machine.leakReport().liveObjects()).singleElement().asString()
                    .contains("IVssBackupComponents");
            machine.faults().duringCall(IsVolumeSupported(), null);
            assertThatThrownBy(() -> b.isVolumeSupported(BackupComponents.GUID_NULL, volume))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(METHOD);
        } finally {
            inCall.open();
        }
        caller.join(T.toMillis());
        closer.join(T.toMillis());
        assertThat(result.get()).isEqualTo(Boolean.TRUE);
        assertThat(b.isReleased()).isTrue();
        assertThat(machine.leakReport().liveObjects()).isEmpty();
        assertThat(machine.ledger().errors()).isEmpty();
    }

    @Test
    void aWrapperUnreachableDuringACallOnItIsNotCollectedUntilTheCallReturns(SimulatedMachine machine) {
        // A chained call leaves no reference to the wrapper in the caller. Whether the JIT then treats the wrapper as
        // unreachable inside the call depends on compilation, so the same call is made until it is compiled: the
        // collection happens inside the native call, the wrapper must survive it every time.
        String volume = machine.addVolume(volumeDir).guidName();
        AtomicReference<WeakReference<BackupComponents>> watched = new AtomicReference<>();
        AtomicInteger collectedDuringCall = new AtomicInteger();
        AtomicInteger collections = new AtomicInteger();
        machine.faults().duringCall(IsVolumeSupported(), () -> {
            WeakReference<BackupComponents> w = watched.get();
            if (w != null) {
                System.gc();
                collections.incrementAndGet();
                if (w.get() == null) {
                    collectedDuringCall.incrementAndGet();
                }
            }
        });
        try (BackupComponents held = initialized()) {
            for (int i = 0; i < 30_000; i++) {
                chained(null, () -> held, volume);
            }
        }
        for (int i = 0; i < 50; i++) {
            assertThat(chained(watched, ComObjectCloseTest::initialized, volume)).isTrue();
        }
        watched.set(null);
        System.out.printf("cleaner/call race: %d collections inside a call, wrapper collected during %d%n",
                collections.get(), collectedDuringCall.get());
        assertThat(collections.get()).isEqualTo(50);
        assertThat(collectedDuringCall.get()).isZero();
        // The 50 wrappers were never closed: the Cleaner releases them (with a leak warning) once unreachable.
        until("the Cleaner released the unclosed wrappers", () -> {
            System.gc();
            return machine.leakReport().liveObjects().isEmpty();
        });
    }

    /** The wrapper exists only as the receiver of the call: no frame of the caller holds it. */
    private static boolean chained(AtomicReference<WeakReference<BackupComponents>> watched,
            Supplier<BackupComponents> source, String volume) {
        return watch(watched, source.get()).isVolumeSupported(BackupComponents.GUID_NULL, volume);
    }

    private static BackupComponents watch(AtomicReference<WeakReference<BackupComponents>> watched,
            BackupComponents b) {
        if (watched != null) {
            watched.set(new WeakReference<>(b));
        }
        return b;
    }

    /** A backup components object that answers IsVolumeSupported (it needs InitializeForBackup first). */
    private static BackupComponents initialized() {
        BackupComponents b = BackupComponents.create();
        b.initializeForBackup(null);
        return b;
    }

    private static IVssBackupComponents IsVolumeSupported() {
        return IVssBackupComponents.IsVolumeSupported;
    }
}
