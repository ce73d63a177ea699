package org.vss4j.sim;

/** Runs test code against a machine of its own, so that the misuse it records does not fail the enclosing test. */
final class PrivateMachine {

    private PrivateMachine() {
    }

    /** Runs {@code body} on a fresh machine and returns that machine (closed, the current machine restored). */
    static SimulatedMachine run(Runnable body) {
        SimulatedMachine m = SimulatedMachine.create();
        SimulatedMachine previous = SimulatedMachine.install(m);
        try {
            body.run();
        } finally {
            SimulatedMachine.install(previous);
            m.close();
        }
        return m;
    }
}
