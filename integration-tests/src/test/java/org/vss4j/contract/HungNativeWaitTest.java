package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * What {@link VssContract}'s thread mode buys: a test stuck in a native call that ignores interrupts fails at its
 * timeout and the run goes on, while the native call is still blocked. With {@code SAME_THREAD}, JUnit interrupts the
 * test's thread and then waits for the call to return, which a native wait never does: this test would then fail
 * on its own bounded wait for the run.
 */
class HungNativeWaitTest {

    /** Far longer than the probe's timeout (1 s), far shorter than a run held by the native call. */
    private static final Duration RUN_DEADLINE = Duration.ofSeconds(30);

    @Test
    void aTestBlockedInANativeWaitFailsAtItsTimeoutWhileTheWaitGoesOn() throws Exception {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "probe-run");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?> run = runner.submit(() -> LauncherFactory.create()
                    .execute(request().selectors(selectClass(HungNativeWaitProbe.class)).build(), listener));
            try {
                run.get(RUN_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("the run waited for the hung native call instead of moving on", e);
            }
            TestExecutionSummary summary = listener.getSummary();
            assertThat(summary.getTestsFailedCount()).isEqualTo(1);
            assertThat(summary.getFailures()).singleElement().satisfies(f -> assertThat(f.getException())
                    .hasMessageContaining("timed out after 1 second"));
            assertThat(HungNativeWaitProbe.ENTERED.getCount()).as("the native call was entered").isZero();
            assertThat(HungNativeWaitProbe.RETURNED.getCount()).as("the native call is still blocked").isOne();
        } finally {
            HungNativeWaitProbe.RELEASE.countDown();
            assertThat(HungNativeWaitProbe.RETURNED.await(RUN_DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the native call returned once released").isTrue();
            runner.shutdownNow();
        }
    }
}
