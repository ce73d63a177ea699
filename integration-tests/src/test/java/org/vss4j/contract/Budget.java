package org.vss4j.contract;

import java.time.Duration;

/**
 * The time one contract test may spend waiting on VSS, all its waits together. {@link VssTargetExtension} starts it
 * before each test; {@link Steps#timeout()} hands out what is left. Because every wait of a test draws on it, the
 * test's own JUnit timeout ({@link VssContract}) is known to be longer than every budget the test gives VSS. Contract
 * tests run one after another (one snapshot set in creation per machine), so one budget at a time is enough.
 */
final class Budget {

    /** Not started: the deadline is as far away as a {@code long} of nanoseconds reaches. */
    private static volatile long deadline = Long.MAX_VALUE;
    private static volatile boolean started;

    private Budget() {
    }

    /** Starts a budget of {@code length} from now. */
    static void start(Duration length) {
        deadline = System.nanoTime() + length.toNanos();
        started = true;
    }

    /** What is left of the budget (zero once spent), or {@code ifNotStarted} outside a contract test. */
    static Duration remaining(Duration ifNotStarted) {
        if (!started) {
            return ifNotStarted;
        }
        long left = deadline - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }
}
