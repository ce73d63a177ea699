package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupType;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.BackupSetReader;
import org.vss4j.media.SessionBackupSet;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupSession;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.Gate;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.WithSimulatedMachine;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * What a stop (SIGTERM, Ctrl-C) does to {@code vss backup}, in process as {@link ShutdownGuardTest} does it for
 * {@code snapshot create}: the hook's work ({@link ShutdownGuard#onShutdown()}) runs on a thread of its own at a chosen
 * point, and the test looks at what the run did, what is left in MEDIA, and the exit code the hook decided.
 */
class BackupStopTest {

    @TempDir
    Path disk;

    @TempDir
    Path state;

    @TempDir
    Path work;

    @TempDir
    Path noWriters;

    private final StringWriter err = new StringWriter();

    private void files() throws IOException {
        for (String f : new String[] {"data/a.db", "data/b.db", "data/c.db"}) {
            Files.createDirectories(disk.resolve(f).getParent());
            Files.writeString(disk.resolve(f), f);
        }
    }

    private static SimulatedWriter writer() {
        return SimulatedWriter.builder("Orders Writer")
                .component(WriterComponent.fileGroup("", "orders").withFile(FileSpec.of("D:\\data", "*", true)))
                .build();
    }

    /** Runs the hook on a thread of its own, as the JVM does; completes with its decision. */
    private static CompletableFuture<Integer> signal(ShutdownGuard guard) {
        return CompletableFuture.supplyAsync(guard::onShutdown);
    }

    /** Every name in MEDIA but the media's own lock file: no set, no partial set. */
    private static List<String> left(Path media) throws IOException {
        if (!Files.exists(media)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(media)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".vss-media.lock")).toList();
        }
    }

    /**
     * A stop while PrepareForBackup's asynchronous part runs is seen within a slice of the wait (the session's
     * {@code stopWhen}): the operation is cancelled, the backup aborted, nothing written, and the JVM may exit with
     * the signal's code (128 + N).
     */
    @Test
    @Timeout(30)
    void aStopWhileTheSessionStartsAbortsItAndWritesNothing() throws Exception {
        files();
        Path media = work.resolve("media");
        List<CompletableFuture<Integer>> hook = new ArrayList<>();
        Gate[] held = new Gate[1];
        InProcessVss.Result r;
        try {
            r = InProcessVss.run(m -> {
                m.addWriter(writer());
                held[0] = m.faults().delay(IVssBackupComponents.PrepareForBackup);
                m.faults().duringCall(IVssBackupComponents.PrepareForBackup,
                        () -> hook.add(signal(ShutdownGuard.latest())));
            }, List.of("backup", "D:\\data", "--to", media.toString(), "--type", "full", "--timeout", "PT1M",
                    "--sim-volume", "D:\\=" + disk, "--sim-state", state.toString(), "--sim-writers",
                    noWriters.toString()));
        } finally {
            if (held[0] != null) {
                held[0].open();
            }
        }

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.STOPPED);
        assertThat(r.err()).contains("vss: stopped by a signal during PREPARE_FOR_BACKUP: the backup was "
                + "aborted (AbortBackup)");
        assertThat(r.installed().get(0).faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        assertThat(r.installed().get(0).faults().calls(IVssBackupComponents.BackupComplete)).isZero();
        assertThat(left(media)).isEmpty();
        assertThat(r.out()).isEmpty();
        assertThat(hook.get(0).get(10, TimeUnit.SECONDS)).as("the hook lets the JVM exit with the signal's code")
                .isEqualTo(ShutdownGuard.SIGNAL_CODE);
    }

    /**
     * A session running as {@code vss backup} runs it: the stop's listener, and a signal at the first stored file,
     * seen by the guard before the listener looks.
     */
    private BackupSession session(ShutdownGuard guard, BackupStop stop, int signalAt,
            List<CompletableFuture<Integer>> hook) {
        int[] saved = {0};
        return BackupSession.builder().type(BackupType.FULL).allComponentsOnSetVolumes().directories("D:\\data")
                .phaseTimeout(Duration.ofMinutes(1)).clock(guard.clock()).stopWhen(guard::isRequested)
                .listener(event -> {
                    if (event instanceof BackupEvent.ItemSaved && ++saved[0] == signalAt) {
                        hook.add(signal(guard));
                        while (!guard.isRequested()) {
                            // The hook's thread counts the request down first thing; @Timeout bounds this.
                            Thread.onSpinWait();
                        }
                    }
                    stop.onEvent(event);
                }).start();
    }

    /**
     * A stop while files are stored closes the session at the next file (AbortBackup): the set's writer fails on the
     * closed session and removes the partial set, the writer gets no BackupComplete, nothing is in MEDIA.
     */
    @Test
    @Timeout(30)
    @WithSimulatedMachine
    void aStopDuringTheCopyAbortsTheBackupAndRemovesThePartialSet(SimulatedMachine machine) throws Exception {
        files();
        machine.addVolume(disk, "D:\\");
        SimulatedWriter w = machine.addWriter(writer());
        Path media = work.resolve("media");
        ShutdownGuard guard = ShutdownGuard.install(new PrintWriter(err, true));
        BackupStop stop = new BackupStop(guard);
        List<CompletableFuture<Integer>> hook = new ArrayList<>();
        try (BackupSession s = session(guard, stop, 1, hook)) {
            stop.watch(s);
            assertThatThrownBy(() -> SessionBackupSet.backUp(s, media, "stopped-1"))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            guard.finish(ExitCodes.STOPPED);
        }

        assertThat(stop.aborted()).isTrue();
        assertThat(machine.faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        assertThat(w.events()).doesNotContain(WriterEvent.BACKUP_COMPLETE);
        assertThat(left(media)).isEmpty();
        assertThat(BackupSetReader.open(media).list()).isEmpty();
        assertThat(hook.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(ShutdownGuard.SIGNAL_CODE);
    }

    /** A stop seen once every file is stored lets the backup end: the set is whole and confirmed, never half-made. */
    @Test
    @Timeout(30)
    @WithSimulatedMachine
    void aStopAfterTheLastFileLetsTheBackupEndComplete(SimulatedMachine machine) throws Exception {
        files();
        machine.addVolume(disk, "D:\\");
        SimulatedWriter w = machine.addWriter(writer());
        Path media = work.resolve("media");
        ShutdownGuard guard = ShutdownGuard.install(new PrintWriter(err, true));
        BackupStop stop = new BackupStop(guard);
        List<CompletableFuture<Integer>> hook = new ArrayList<>();
        BackupSetInfo info;
        try (BackupSession s = session(guard, stop, 3, hook)) {
            assertThat(s.items()).hasSize(3);
            stop.watch(s);
            info = SessionBackupSet.backUp(s, media, "whole-1");
        } finally {
            guard.finish(ExitCodes.OK);
        }

        assertThat(stop.aborted()).isFalse();
        assertThat(info.state()).isEqualTo("complete");
        assertThat(w.events()).contains(WriterEvent.BACKUP_COMPLETE);
        assertThat(hook.get(0).get(10, TimeUnit.SECONDS)).as("the hook halts with the backup's own code").isZero();
    }
}
