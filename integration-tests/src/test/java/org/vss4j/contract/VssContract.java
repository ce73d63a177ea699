package org.vss4j.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A contract test class: each test gets a fresh {@link VssTarget} and a {@link Budget} for its waits, and is stopped
 * after {@link Steps#TEST_TIMEOUT_MINUTES}. The test body runs on a thread of its own
 * ({@link Timeout.ThreadMode#SEPARATE_THREAD}): a native wait ignores Java's interrupt, so on the test's own thread a
 * hung {@code IVssAsync::Wait} would hold JUnit until it returned, and the job until GitHub killed it. On a thread of
 * its own, the test fails at its timeout and the run goes on (HungNativeWaitTest shows it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(VssTargetExtension.class)
@Timeout(value = Steps.TEST_TIMEOUT_MINUTES, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@interface VssContract {
}
