package org.vss4j.com;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.vtable.IVssEnumObject;
import org.vss4j.testing.FakeComObject;

/**
 * The release a {@link ComObject}'s Cleaner runs, called directly: it waits for a call in flight before
 * {@code IUnknown::Release}. (The Cleaner cannot reach that state by itself while the call's reachability fence holds
 * the wrapper, so only a direct call shows the wait.)
 */
class ComObjectReleaseTest {

    private static final long T = 30;

    interface Next extends Callback {
        int invoke(Pointer self, int celt, Pointer rgelt, Pointer fetched);
    }

    private static final class Wrapper extends ComObject {
        Wrapper(Pointer self) {
            super(self, "IVssEnumObject", 0);
        }

        int next() {
            return invoke(IVssEnumObject.Next, 0, Pointer.NULL, Pointer.NULL);
        }
    }

    @Test
    void theCleanersReleaseWaitsForACallInFlightThenReleasesOnce() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        FakeComObject fake = new FakeComObject(IVssEnumObject.class, IVssEnumObject.Release)
                .set(IVssEnumObject.Next, (Next) (self, celt, rgelt, fetched) -> {
                    inCall.countDown();
                    try {
                        leave.await(T, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 0;
                });
        Wrapper w = new Wrapper(fake.pointer());
        Thread caller = new Thread(w::next);
        caller.setDaemon(true);
        caller.start();
        Thread cleaner = null;
        try {
            assertThat(inCall.await(T, TimeUnit.SECONDS)).isTrue();
            cleaner = new Thread(w.cleanerAction());
            cleaner.setDaemon(true);
            cleaner.start();
            // The release either waits (in the guard's timed wait) or, without the wait, ends having released.
            Thread c = cleaner;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(T);
            while (c.getState() != Thread.State.TIMED_WAITING && c.getState() != Thread.State.TERMINATED
                    && System.nanoTime() - deadline < 0) {
                Thread.yield();
            }
            assertThat(w.isClosed()).as("the release began").isTrue();
            assertThat(fake.releaseCount()).as("released under the call in flight").isZero();
            assertThat(w.isReleased()).isFalse();
        } finally {
            leave.countDown();
        }
        caller.join(TimeUnit.SECONDS.toMillis(T));
        cleaner.join(TimeUnit.SECONDS.toMillis(T));
        assertThat(cleaner.isAlive()).isFalse();
        assertThat(fake.releaseCount()).isEqualTo(1);
        assertThat(w.isReleased()).isTrue();
        w.close();
        assertThat(fake.releaseCount()).as("once").isEqualTo(1);
    }
}
