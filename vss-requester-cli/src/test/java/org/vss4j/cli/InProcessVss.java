package org.vss4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.vss4j.sim.SimulatedMachine;

/** Runs {@code vss} in this JVM, {@code plan} applied to each simulated machine the command installs. */
final class InProcessVss {

    /** What one run did: exit code, stdout, stderr, and the machines it installed, in order. */
    record Result(int exit, String out, String err, List<SimulatedMachine> installed) {

        /** The machine installed last, or null when none was. */
        SimulatedMachine lastInstalled() {
            return installed.isEmpty() ? null : installed.get(installed.size() - 1);
        }
    }

    private InProcessVss() {
    }

    static Result run(Consumer<SimulatedMachine> plan, List<String> args) {
        List<SimulatedMachine> installed = new CopyOnWriteArrayList<>();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (AutoCloseable hook = SimulatedMachine.onInstall(m -> {
            installed.add(m);
            plan.accept(m);
        })) {
            exit = VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    args.toArray(String[]::new));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new Result(exit, out.toString(), err.toString(), List.copyOf(installed));
    }
}
