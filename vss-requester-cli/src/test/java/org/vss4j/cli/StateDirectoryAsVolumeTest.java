package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's state directory as, or around, a volume on the command line: {@code --sim-state .} with the
 * default volume {@code C:\=.} snapshots the working directory without the simulator's storage in it; a volume inside
 * that storage is a usage error (exit 2), not a copy of itself into itself.
 */
class StateDirectoryAsVolumeTest {

    @TempDir
    Path work;

    @Test
    @Timeout(120)
    void simStateDotSnapshotsTheWorkingDirectoryWithoutTheStorage() throws Exception {
        Files.writeString(work.resolve("notes.txt"), "notes");
        Files.createDirectories(work.resolve("sub"));
        Files.writeString(work.resolve("sub/plan.txt"), "plan");
        // "." is the working directory of the process: a vss of its own, started in it.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                VssCommand.class.getName(), "snapshot", "create", "C:", "--persistent", "--sim-state", ".")
                .directory(work.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).as("vss ended").isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        List<Path> copies;
        try (Stream<Path> dirs = Files.list(work.resolve("snapshots"))) {
            copies = dirs.filter(Files::isDirectory).toList();
        }
        assertThat(copies).as(output).singleElement().satisfies(copy -> {
            try (Stream<Path> names = Files.list(copy)) {
                assertThat(names.map(n -> n.getFileName().toString())).containsExactlyInAnyOrder("notes.txt", "sub");
            }
            assertThat(copy.resolve("sub/plan.txt")).hasContent("plan");
        });
    }

    @Test
    void aVolumeInsideTheStorageIsAUsageError() throws Exception {
        Path state = work.resolve("st");
        Files.createDirectories(state.resolve("snapshots"));

        CliRun run = CliRun.vss("snapshot", "list", "--sim-state", state.toString(), "--sim-volume",
                "C:=" + state.resolve("snapshots"));

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("--sim-volume C:=" + state.resolve("snapshots"), "the simulator's storage",
                "give a directory outside it");
        try (Stream<Path> left = Files.list(state.resolve("snapshots"))) {
            assertThat(left.filter(Files::isDirectory)).as("no copy of itself").isEmpty();
        }
    }
}
