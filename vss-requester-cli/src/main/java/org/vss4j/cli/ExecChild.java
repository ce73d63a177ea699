package org.vss4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code --exec} command's process, and how all it started is ended on a stop.
 *
 * <p>On POSIX the command runs in a session and process group of its own, started through {@code setsid(1)} (util-linux;
 * it calls setsid(2) and execs the shell without forking, since a child the JVM starts never leads a process group):
 * a signal sent to vss's process group (Ctrl-C in a terminal, {@code timeout}, systemd's {@code KillMode=mixed}, a
 * {@code kill -- -PGID}) reaches only vss, whose hook then signals the command's whole group, SIGTERM first and
 * SIGKILL after the grace. A process the command left behind stays in that group when its parent ends, so it is
 * ended too. The group is signalled through the shell's {@code kill -s SIG -- -PGID}: the JDK has no API for it.
 *
 * <p>Where there is no {@code setsid} (macOS, some minimal images) and on Windows (which has no process-group
 * signal), the command shares vss's group and its tree is ended through {@link ProcessTree}: the processes that are
 * its descendants when the stop comes. A group signal from outside then reaches the command directly too, and a
 * process whose parent that signal has already ended is no longer a descendant: it is not ended, and vss stops
 * waiting for its output after the grace.
 */
final class ExecChild {

    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final Process process;
    private final boolean ownGroup;

    private ExecChild(Process process, boolean ownGroup) {
        this.process = process;
        this.ownGroup = ownGroup;
    }

    /** The command line that runs {@code command} through the system shell, in a group of its own where possible. */
    static List<String> commandLine(String command) {
        if (isWindows()) {
            return List.of("cmd.exe", "/c", command);
        }
        List<String> line = new ArrayList<>();
        setsid().ifPresent(line::add);
        line.addAll(List.of("/bin/sh", "-c", command));
        return line;
    }

    /** Starts {@code pb}, whose command is a {@link #commandLine}. */
    static ExecChild start(ProcessBuilder pb) throws IOException {
        boolean ownGroup = !isWindows() && setsid().map(s -> s.equals(pb.command().get(0))).orElse(false);
        return new ExecChild(pb.start(), ownGroup);
    }

    Process process() {
        return process;
    }

    /** What {@link #end} did. */
    record Ended(long pid, boolean group, int descendants, boolean forced) {

        @Override
        public String toString() {
            return "pid " + pid + (group ? " and its process group" : "")
                    + (descendants == 0 ? "" : ", " + descendants + " process(es) it started")
                    + (forced ? "; forced (SIGKILL/TerminateProcess) after the grace" : "");
        }
    }

    /** Ends the command and what it started, each given {@code grace} after the request to end before it is forced. */
    Ended end(Duration grace) {
        ProcessHandle root = process.toHandle();
        if (!ownGroup) {
            ProcessTree.Ended e = ProcessTree.end(root, grace);
            return new Ended(e.root(), false, e.descendants(), e.forced() > 0);
        }
        long pgid = root.pid();
        int descendants = (int) root.descendants().count();
        long deadline = System.nanoTime() + grace.toNanos();
        signalGroup("TERM", pgid);
        awaitExit(root, deadline);
        // Members other than the root give no exit to wait on: the group is looked at again every 50 ms.
        while (groupAlive(pgid) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        boolean forced = groupAlive(pgid);
        if (forced) {
            signalGroup("KILL", pgid);
            awaitExit(root, System.nanoTime() + grace.toNanos());
        }
        return new Ended(pgid, true, descendants, forced);
    }

    private static void awaitExit(ProcessHandle p, long deadline) {
        try {
            p.onExit().get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception timedOutOrFailed) {
            // The caller looks at the group itself.
        }
    }

    /**
     * Whether a process of group {@code pgid} still runs. On Linux the group's members are read from
     * {@code /proc/PID/stat} (pgrp, and the state: an ended process that nobody has reaped yet, a zombie, has ended;
     * a container whose PID 1 does not reap keeps such zombies in the group for good). Elsewhere {@code kill -0},
     * which counts a zombie until it is reaped.
     */
    private static boolean groupAlive(long pgid) {
        Path proc = Path.of("/proc");
        if (!Files.isReadable(proc.resolve("self/stat"))) {
            return signalGroup("0", pgid);
        }
        try (var entries = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path dir : entries) {
                if (runsInGroup(dir.resolve("stat"), pgid)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return signalGroup("0", pgid);
        }
    }

    /** {@code /proc/PID/stat}: "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses. */
    private static boolean runsInGroup(Path stat, long pgid) {
        String s;
        try {
            s = Files.readString(stat);
        } catch (IOException ended) {
            return false;
        }
        String[] fields = s.substring(s.lastIndexOf(')') + 2).split(" ", 4);
        return fields.length >= 3 && fields[2].equals(Long.toString(pgid)) && !fields[0].equals("Z")
                && !fields[0].equals("X");
    }

    /** {@code kill -s SIG -- -PGID} through the shell; whether some process of the group received it. */
    private static boolean signalGroup(String signal, long pgid) {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", "kill -s \"$1\" -- \"-$2\" 2>/dev/null", "sh",
                signal, Long.toString(pgid)).redirectErrorStream(true);
        try {
            Process kill = pb.start();
            kill.getOutputStream().close();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                return false;
            }
            return kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static java.util.Optional<String> setsid() {
        return SETSID.stream().filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
