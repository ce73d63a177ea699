package org.vss4j.cli.killtrials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The trials' launcher itself: no run outlives a failed trial, and a zombie does not stall a kill. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "POSIX shell children; zombies as /proc shows them")
class ForkedVssTest {

    @TempDir
    Path work;

    @Test
    void aRunThatMissesItsMarkerIsKilledBeforeTheWaitFails() throws Exception {
        Path d = Files.createDirectories(work.resolve("d"));
        Path links = Files.createDirectories(work.resolve("links"));
        // Never writes the marker: it holds its shadow copy while its child runs.
        ForkedVss run = ForkedVss.start(work, links, null, work.resolve("never.marker"), List.of("snapshot",
                "create", "D:\\", "--exec", "exec sleep 600", "--sim-volume", "D:\\=" + d, "--sim-state",
                work.resolve("state").toString()));
        try {
            assertThatThrownBy(() -> run.awaitMarker(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no marker");
            assertThat(run.isAlive()).as("the run is killed before the wait fails").isFalse();
        } finally {
            if (run.isAlive()) {
                run.kill();
            }
        }
    }

    @Test
    void aKilledProcessLeftAZombieEndsTheWait() throws Exception {
        // The background sleep's parent becomes "sleep 601", which never reaps: killed, it stays a zombie.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 600 & echo $!; exec sleep 601").start();
        try {
            long pid;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                pid = Long.parseLong(out.readLine().trim());
            }
            ProcessHandle child = ProcessHandle.of(pid).orElseThrow();
            child.destroyForcibly();

            assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> ForkedVss.awaitEnd(child, Duration.ofSeconds(20)));
        } finally {
            parent.destroyForcibly();
            parent.waitFor();
        }
    }
}
