package org.vss4j.sim;

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
 */
public final class VssSimulatorExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(VssSimulatorExtension.class);

    /** The machine that was current before the test (possibly none), put back after it. */
    private record Previous(SimulatedMachine machine) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SimulatedMachine machine = SimulatedMachine.create();
        context.getStore(NS).put(Previous.class, new Previous(SimulatedMachine.install(machine)));
        context.getStore(NS).put(SimulatedMachine.class, machine);
    }

    @Override
    public void afterEach(ExtensionContext context) {
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
    }

    /** Throws an {@link AssertionError} listing everything {@code machine} leaked or saw misused. */
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
