package org.vss4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * Runs {@code vss} in this JVM on a simulated machine with the volume D:\ backed by {@code disk}, the state in
 * {@code state}; {@code plan} is applied to the machine the command installs, which is checked for leaks after.
 */
final class BackupRunFixture {

    /** One run: exit code, stdout, stderr and the machine it ran on (null when none was installed). */
    record Run(int exit, String out, String err, SimulatedMachine machine) {

        com.fasterxml.jackson.databind.JsonNode json() {
            return new CliRun(exit, out, err).json();
        }
    }

    private final Path disk;
    private final Path state;

    BackupRunFixture(Path disk, Path state) {
        this.disk = disk;
        this.state = state;
    }

    void write(String relative, String content) throws IOException {
        Path p = disk.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    Run vss(Consumer<SimulatedMachine> plan, String... args) {
        List<SimulatedMachine> installed = new CopyOnWriteArrayList<>();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--sim-volume", "D:\\=" + disk, "--sim-state", state.toString()));
        int exit;
        try (AutoCloseable hook = SimulatedMachine.onInstall(m -> {
            installed.add(m);
            plan.accept(m);
        })) {
            exit = VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    all.toArray(String[]::new));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        SimulatedMachine m = installed.isEmpty() ? null : installed.get(installed.size() - 1);
        if (m != null) {
            VssSimulatorExtension.verifyNoLeaks(m);
        }
        return new Run(exit, out.toString(), err.toString(), m);
    }

    Run vss(String... args) {
        return vss(m -> { }, args);
    }
}
