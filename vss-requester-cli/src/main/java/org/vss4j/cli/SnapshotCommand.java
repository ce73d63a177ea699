package org.vss4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.vss4j.BackupType;
import org.vss4j.SnapshotContext;
import org.vss4j.SnapshotProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vss snapshot VOLUME...}: one shadow copy set through the documented requester sequence. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Create a shadow copy set of the volumes, show it, and release it.")
final class SnapshotCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimulatorOptions simulator;

    @Parameters(arity = "1..64", paramLabel = "VOLUME",
            description = "Volumes to shadow-copy: drive letter (C:\\), mount point or \\\\?\\Volume{...}\\ name.")
    private List<String> volumes;

    @Option(names = "--context", defaultValue = "BACKUP",
            description = "Shadow copy context: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private SnapshotContext context;

    @Option(names = "--type", defaultValue = "COPY",
            description = "Backup type told to writers; COPY leaves their backup history alone (default: ${DEFAULT-VALUE}).")
    private BackupType type;

    @Option(names = "--timeout", defaultValue = "PT5M",
            description = "Longest wait for each asynchronous step, ISO-8601 (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--list", defaultValue = "0", paramLabel = "N",
            description = "List up to N entries of each shadow copy's root directory.")
    private int list;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        simulator.prepare(out);
        try {
            new SnapshotRun(out, timeout).run(volumes, context, type, snapshots -> {
                for (SnapshotProperties p : snapshots) {
                    listRoot(out, p);
                }
            });
            out.println("released: non-persistent shadow copies are gone");
        } finally {
            simulator.close();
        }
        return 0;
    }

    private void listRoot(PrintWriter out, SnapshotProperties p) throws IOException {
        if (list <= 0) {
            return;
        }
        Path root;
        try {
            root = Paths.get(p.deviceObject());
        } catch (InvalidPathException e) {
            out.printf("  (java.nio cannot open the device %s directly)%n", p.deviceObject());
            return;
        }
        if (!Files.isDirectory(root)) {
            out.printf("  (java.nio cannot open the device %s directly)%n", p.deviceObject());
            return;
        }
        try (Stream<Path> entries = Files.list(root)) {
            entries.sorted().limit(list).forEach(e -> out.printf("    %s%s%n", root.relativize(e),
                    Files.isDirectory(e) ? "/" : ""));
        }
    }
}
