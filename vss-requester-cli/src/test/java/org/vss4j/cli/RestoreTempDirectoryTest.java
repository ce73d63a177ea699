package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vss restore} on the simulator reaches its kernel32 (the restore's file access) without installing a
 * machine: the machine the simulator then makes leaves no temporary directory behind when the command exits.
 */
class RestoreTempDirectoryTest {

    @TempDir
    Path media;
    @TempDir
    Path root;

    @Test
    void aRestoreLeavesNoSimulatorDirectoryInTheTempDirectory() throws Exception {
        MediaSetsFixture.set(media, "set-1", MediaSetsFixture.T1, Map.of("a.txt", "alpha"));
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Path target = root.resolve("target");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Djava.io.tmpdir=" + tmp, "-cp", classPath,
                VssCommand.class.getName(), "restore", media.toString(), "--to", target.toString())
                .redirectErrorStream(true);
        pb.environment().remove("VSS_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("vss exited").isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(target.resolve("D/a.txt")).hasContent("alpha");
        assertThat(simulatorEntries(tmp)).as(out).isEmpty();
    }

    private static List<String> simulatorEntries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith("vss4j-sim-")).toList();
        }
    }
}
