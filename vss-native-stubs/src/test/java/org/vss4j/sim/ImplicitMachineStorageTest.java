package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machine {@link SimulatedMachine#current()} makes when none is installed is closed by nobody: the temporary
 * directories it stores shadow copies and exposures in are deleted when the JVM exits, so every program that only
 * touches the simulator's kernel32 (a restore's file access) does not leave two directories in the temp directory.
 */
class ImplicitMachineStorageTest {

    @TempDir
    Path tmp;

    @Test
    void theStorageOfTheImplicitMachineIsGoneWhenTheJvmExits() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(java.toString(), "-Djava.io.tmpdir=" + tmp, "-cp", classPath,
                Child.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("child exited").isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        // While it ran, the machine had its two directories (so the check below can fail)...
        assertThat(out).contains("vss4j-sim-snapshots-", "vss4j-sim-exposed-");
        // ...and none is left.
        assertThat(simulatorEntries(tmp)).isEmpty();
    }

    static List<String> simulatorEntries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith("vss4j-sim-")).sorted().toList();
        }
    }

    /** Reaches the implicit machine, prints the simulator's entries of the temp directory, and exits. */
    public static final class Child {
        public static void main(String[] args) throws IOException {
            SimulatedMachine.current();
            System.out.println(simulatorEntries(Path.of(System.getProperty("java.io.tmpdir"))));
        }
    }
}
