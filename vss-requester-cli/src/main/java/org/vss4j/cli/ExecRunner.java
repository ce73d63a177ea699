package org.vss4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vss4j.SnapshotMount;

/**
 * Runs the user's {@code --exec} command through the system shell while the shadow copies exist, with their paths in
 * environment variables:
 * {@code VSS_SHADOW_SET}, {@code VSS_SHADOW_COUNT}, and for each shadow copy {@code n} (1-based, in the order the
 * volumes were given) {@code VSS_SHADOW_<n>_ID}, {@code _DEVICE}, {@code _VOLUME} (as given to AddToSnapshotSet, with
 * its trailing backslash) and {@code _PATH} (a directory java and other programs can read); {@code VSS_SHADOW_PATH} is
 * the first one's path.
 *
 * <p>Its standard input is the terminal when {@code vss} runs on one ({@link Terminal}), otherwise an input that is
 * already at its end: a command that reads its input never waits for an input nobody will give while the writers
 * wait for {@code BackupComplete}. Its output and errors reach ours as they come ({@link OutputPump}). It runs in a
 * process group of its own where the system allows ({@link ExecChild}).
 */
final class ExecRunner {

    private final PrintWriter out;
    private final PrintWriter err;
    private final ShutdownGuard guard;

    ExecRunner(PrintWriter out, PrintWriter err, ShutdownGuard guard) {
        this.out = out;
        this.err = err;
        this.guard = guard;
    }

    /** Runs {@code command}; returns its exit code once it and its output have ended. */
    int run(String command, UUID setId, List<String> volumes, List<SnapshotMount> mounts) throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(ExecChild.commandLine(command));
        boolean terminal = Terminal.isInteractive();
        if (terminal) {
            pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        }
        Map<String, String> env = pb.environment();
        env.put("VSS_SHADOW_SET", setId.toString());
        env.put("VSS_SHADOW_COUNT", Integer.toString(mounts.size()));
        for (int i = 0; i < mounts.size(); i++) {
            SnapshotMount m = mounts.get(i);
            String prefix = "VSS_SHADOW_" + (i + 1) + "_";
            env.put(prefix + "ID", m.snapshot().snapshotId().toString());
            env.put(prefix + "DEVICE", m.snapshot().deviceObject());
            env.put(prefix + "VOLUME", volumes.get(i));
            env.put(prefix + "PATH", m.root().toString());
        }
        if (!mounts.isEmpty()) {
            env.put("VSS_SHADOW_PATH", mounts.get(0).root().toString());
        }
        ExecChild child;
        try {
            child = ExecChild.start(pb);
        } catch (IOException e) {
            throw new UncheckedIOException("--exec could not start '" + command + "'", e);
        }
        Process p = child.process();
        guard.running(child);
        try {
            if (!terminal) {
                closeInput(p);
            }
            OutputPump stdout = OutputPump.start(p.getInputStream(), out, "stdout");
            OutputPump stderr = OutputPump.start(p.getErrorStream(), err, "stderr");
            int exit = p.waitFor();
            // The output ends when the last process holding the pipes ends: a background process the command left
            // may hold them longer, and its output still reaches ours until then, unless a stop comes.
            awaitOutput(stdout);
            awaitOutput(stderr);
            return exit;
        } finally {
            if (guard.isRequested()) {
                guard.awaitChildEnded();
            }
            guard.running(null);
        }
    }

    /**
     * What a shell's exit code says beyond the command's own failure, for the message that the backup was aborted:
     * a POSIX shell exits with 127 when it finds no such command and 126 when it cannot run it (POSIX, "Shell Command
     * Language", 2.8.2 "Exit Status for Commands"); cmd.exe with 9009 for an unknown command. Empty for other codes.
     */
    static String meaning(int code) {
        return meaning(code, ExecChild.isWindows());
    }

    static String meaning(int code, boolean cmdExe) {
        if (cmdExe) {
            return code == 9009 ? " (cmd.exe found no such command)" : "";
        }
        return switch (code) {
            case 127 -> " (the shell found no such command)";
            case 126 -> " (the shell found the command but could not run it)";
            default -> "";
        };
    }

    /** Without a terminal: the command's input is a pipe closed at once, so its first read finds the end. */
    private static void closeInput(Process p) {
        try {
            p.getOutputStream().close();
        } catch (IOException e) {
            // The command has already ended (and its input with it): nothing to close.
        }
    }

    /**
     * Waits until {@code pump}'s pipe has ended; after a stop only until the hook has ended the command's processes
     * and one more grace: a process that outlived the ending (see {@link ExecChild}) must not keep vss from aborting
     * and releasing. The stop is looked at every second while the output goes on.
     */
    private void awaitOutput(OutputPump pump) throws InterruptedException {
        while (!pump.join(Duration.ofSeconds(1))) {
            if (guard.isRequested()) {
                guard.awaitChildEnded();
                pump.join(ShutdownGuard.CHILD_GRACE);
                return;
            }
        }
    }
}
