package org.vss4j.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.vss4j.sim.abi.LeakReport;

/**
 * JUnit 5 extension: each test gets a fresh {@link SimulatedMachine} (a parameter of that type receives it, to be
 * configured by the test), installed as the simulator's current machine. After the test the machine's leak report is
 * checked — any live BSTR, CoTaskMem block, snapshot-property block or COM reference, or any double free or call on a
 * released object fails the test — and the machine is closed (its snapshot and exposure directories deleted) and the
 * machine that was current before the test is current again. No empty machine is made in its place: each one owns two
 * temporary directories, and a replacement made after every test would leave two behind per test.
 *
 * <p>The current machine is one per process, as the VSS service is one per Windows machine, so two tests cannot use it
 * at the same time. Under JUnit's parallel execution, use {@link WithSimulatedMachine} (or declare
 * {@code @ResourceLock(VssSimulatorExtension.MACHINE)} next to {@code @ExtendWith}): JUnit then runs these tests one
 * at a time. A test that starts while another thread's test holds the machine fails at once with a message that says
 * so, instead of failing later with the other test's shadow copies or {@code VSS_E_SNAPSHOT_SET_IN_PROGRESS}.
 */
public final class VssSimulatorExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /**
     * The JUnit resource lock of the simulated machine: {@code @ResourceLock(VssSimulatorExtension.MACHINE)}, which
     * {@link WithSimulatedMachine} declares.
     */
    public static final String MACHINE = "org.vss4j.sim.SimulatedMachine";

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(VssSimulatorExtension.class);

    /** The machine that was current before the test (possibly none), put back after it. */
    private record Previous(SimulatedMachine machine) {
    }

    /** The tests that hold the current machine now, with their threads (a nested launch runs on the same thread). */
    private static final Map<String, Holder> HOLDERS = new LinkedHashMap<>();

    private record Holder(String test, Thread thread) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        hold(context);
        SimulatedMachine machine = SimulatedMachine.create();
        context.getStore(NS).put(Previous.class, new Previous(SimulatedMachine.install(machine)));
        context.getStore(NS).put(SimulatedMachine.class, machine);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            SimulatedMachine machine = context.getStore(NS).remove(SimulatedMachine.class, SimulatedMachine.class);
            Previous previous = context.getStore(NS).remove(Previous.class, Previous.class);
            if (machine == null) {
                return;
            }
            try {
                verifyNoLeaks(machine);
            } finally {
                SimulatedMachine.install(previous == null ? null : previous.machine());
                machine.close();
            }
        } finally {
            synchronized (HOLDERS) {
                HOLDERS.remove(context.getUniqueId());
            }
        }
    }

    /** Records that {@code context}'s test holds the machine, or fails it if a test on another thread does. */
    private static void hold(ExtensionContext context) {
        synchronized (HOLDERS) {
            for (Holder h : HOLDERS.values()) {
                if (h.thread() != Thread.currentThread()) {
                    throw new IllegalStateException(testName(context) + " started while " + h.test()
                            + " is using the simulated machine on thread " + h.thread().getName() + ". The simulator "
                            + "serves one machine per process (like the VSS service on Windows): under JUnit parallel "
                            + "execution annotate the test class with @WithSimulatedMachine, or add @ResourceLock("
                            + "VssSimulatorExtension.MACHINE) next to @ExtendWith(VssSimulatorExtension.class)");
                }
            }
            HOLDERS.put(context.getUniqueId(), new Holder(testName(context), Thread.currentThread()));
        }
    }

    private static String testName(ExtensionContext context) {
        return context.getTestClass().map(Class::getSimpleName).map(c -> c + ".").orElse("")
                + context.getTestMethod().map(java.lang.reflect.Method::getName).orElse(context.getDisplayName());
    }

    /**
     * Throws an {@link AssertionError} listing everything {@code machine} leaked or saw misused.
     *
     * @param machine the machine checked
     */
    public static void verifyNoLeaks(SimulatedMachine machine) {
        LeakReport report = machine.leakReport();
        if (!report.isClean()) {
            throw new AssertionError("The test leaked or misused VSS resources on the simulated machine:\n" + report);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SimulatedMachine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NS).get(SimulatedMachine.class, SimulatedMachine.class);
    }
}
