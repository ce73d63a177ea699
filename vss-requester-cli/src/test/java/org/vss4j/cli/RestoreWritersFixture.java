package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vss4j.cli.BackupRunFixture.Run;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.WriterComponent;

/**
 * The set-up of the {@code vss restore --writers} tests, under one temporary directory: the volume D:\ in
 * {@link #disk}, the simulator state in {@link #state}, the backup media in {@link #media} under {@link #work}, and an
 * empty writers directory ({@link #noWriters}) so that the machine has only the writers a test adds.
 */
final class RestoreWritersFixture {

    final Path disk;
    final Path state;
    final Path work;
    final Path noWriters;
    final Path media;
    private final BackupRunFixture run;

    RestoreWritersFixture(Path root) throws IOException {
        disk = Files.createDirectories(root.resolve("disk"));
        state = Files.createDirectories(root.resolve("state"));
        work = Files.createDirectories(root.resolve("work"));
        noWriters = Files.createDirectories(root.resolve("no-writers"));
        media = work.resolve("media");
        run = new BackupRunFixture(disk, state, "--sim-writers", noWriters.toString());
    }

    /** The writer "Orders Writer" with its component {@code orders}: every file under D:\data. */
    static SimulatedWriter.Builder ordersWriter() {
        return SimulatedWriter.builder("Orders Writer")
                .component(WriterComponent.fileGroup("", "orders").withFile(FileSpec.of("D:\\data", "*", true)));
    }

    /** Writes {@code content} to {@code relative} on D:\. */
    void write(String relative, String content) throws IOException {
        run.write(relative, content);
    }

    /** The content of {@code relative} on D:\. */
    String read(String relative) throws IOException {
        return Files.readString(disk.resolve(relative));
    }

    Run vss(Consumer<SimulatedMachine> plan, String... args) {
        return run.vss(plan, args);
    }

    /** A full backup of {@code paths} to {@link #media} on the machine {@code plan} sets up; it must succeed. */
    void backUp(Consumer<SimulatedMachine> plan, String... paths) {
        List<String> args = new ArrayList<>(List.of("backup"));
        args.addAll(List.of(paths));
        args.addAll(List.of("--to", media.toString(), "--type", "full"));
        Run b = run.vss(plan, args.toArray(String[]::new));
        assertThat(b.exit()).as(b.out() + b.err()).isZero();
    }
}
