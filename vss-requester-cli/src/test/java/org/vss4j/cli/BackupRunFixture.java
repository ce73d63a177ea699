package org.vss4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    private final List<String> simulatorOptions;

    /** {@code simulatorOptions}: more options for the simulated machine, after the volume and state. */
    BackupRunFixture(Path disk, Path state, String... simulatorOptions) {
        this.disk = disk;
        this.state = state;
        this.simulatorOptions = List.of(simulatorOptions);
    }

    void write(String relative, String content) throws IOException {
        Path p = disk.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    Run vss(Consumer<SimulatedMachine> plan, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--sim-volume", "D:\\=" + disk, "--sim-state", state.toString()));
        all.addAll(simulatorOptions);
        InProcessVss.Result r = InProcessVss.run(plan, all);
        SimulatedMachine m = r.lastInstalled();
        if (m != null) {
            VssSimulatorExtension.verifyNoLeaks(m);
        }
        return new Run(r.exit(), r.out(), r.err(), m);
    }

    Run vss(String... args) {
        return vss(m -> { }, args);
    }
}
