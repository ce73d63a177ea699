package org.vss4j.contract;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Run only by {@link HungNativeWaitTest}, through the launcher (its name is no test class name surefire picks up).
 * Its one test makes a native call that does not return and ignores Java's interrupt, as a hung
 * {@code IVssAsync::Wait} inside vssapi.dll would: a native function (a JNA callback's native entry point) that
 * blocks until {@link #RELEASE} opens.
 */
class HungNativeWaitProbe {

    static final CountDownLatch ENTERED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final CountDownLatch RETURNED = new CountDownLatch(1);

    /** The native function's body: a wait no interrupt ends. */
    interface Blocking extends Callback {
        void invoke();
    }

    private static final Blocking BLOCKING = () -> {
        ENTERED.countDown();
        boolean interrupted = false;
        while (true) {
            try {
                RELEASE.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    };

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aNativeWaitThatDoesNotReturn() {
        try {
            Function.getFunction(CallbackReference.getFunctionPointer(BLOCKING)).invokeVoid(new Object[0]);
        } finally {
            RETURNED.countDown();
        }
    }
}
