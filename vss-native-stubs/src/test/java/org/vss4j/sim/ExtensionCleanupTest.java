package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * What {@link VssSimulatorExtension} leaves after a test, seen by running a test class through the JUnit Platform
 * launcher: each test's machine is closed (its directories deleted) and the machine current before is current again.
 * It used to install a fresh empty machine after every test, whose two temporary directories were never deleted.
 */
class ExtensionCleanupTest {

    /** Run only through the launcher below (surefire skips nested classes). */
    @ExtendWith(VssSimulatorExtension.class)
    static class ThreeTests {

        static final List<SimulatedMachine> SEEN = new ArrayList<>();

        @Test
        void one(SimulatedMachine m) {
            SEEN.add(m);
        }

        @Test
        void two(SimulatedMachine m) {
            SEEN.add(m);
        }

        @Test
        void three(SimulatedMachine m) {
            SEEN.add(m);
        }
    }

    @Test
    void afterEachTestTheMachineIsClosedAndNoReplacementIsLeft() {
        SimulatedMachine before = SimulatedMachine.create();
        SimulatedMachine previous = SimulatedMachine.install(before);
        try {
            ThreeTests.SEEN.clear();
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ThreeTests.class))
                    .build(), summary);

            assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(3);
            assertThat(SimulatedMachine.install(before)).as("the current machine after the tests").isSameAs(before);
            assertThat(ThreeTests.SEEN).hasSize(3).allSatisfy(m -> {
                // A machine's exposure root is the grandparent of its drive links; it goes when the machine closes.
                Path exposureRoot = m.driveLink("X").getParent().getParent();
                assertThat(Files.exists(exposureRoot)).as(exposureRoot + " deleted").isFalse();
            });
        } finally {
            SimulatedMachine.install(previous);
            before.close();
        }
    }
}
