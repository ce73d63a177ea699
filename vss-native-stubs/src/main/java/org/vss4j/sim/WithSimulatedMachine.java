package org.vss4j.sim;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs a test class (or method) with {@link VssSimulatorExtension} and holds the simulated machine's resource lock
 * ({@link VssSimulatorExtension#MACHINE}) while it runs. The simulator serves one machine per process, as Windows runs
 * one VSS service per machine: under JUnit's parallel execution, JUnit then runs the tests that use the machine one
 * at a time and everything else alongside them (docs/testing-with-the-simulator.md).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(VssSimulatorExtension.class)
@ResourceLock(VssSimulatorExtension.MACHINE)
public @interface WithSimulatedMachine {
}
