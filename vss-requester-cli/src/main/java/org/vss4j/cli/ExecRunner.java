package org.vss4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vss4j.SnapshotMount;

/**
 * Runs the user's {@code --exec} command through the system shell while the shadow copies exist, with their paths in
 * environment variables:
 * {@code VSS_SHADOW_SET}, {@code VSS_SHADOW_COUNT}, and for each shadow copy {@code n} (1-based, in the order the
 * volumes were given) {@code VSS_SHADOW_<n>_ID}, {@code _DEVICE}, {@code _VOLUME} (as given to AddToSnapshotSet, with its trailing backslash) and {@code _PATH} (a
 * directory java and other programs can read); {@code VSS_SHADOW_PATH} is the first one's path.
 */
final class ExecRunner {

    private final PrintWriter out;

    ExecRunner(PrintWriter out) {
        this.out = out;
    }

    /** Runs {@code command}; its output goes to ours; returns its exit code. */
    int run(String command, UUID setId, List<String> volumes, List<SnapshotMount> mounts) throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(shell(command)).redirectErrorStream(true);
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
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("--exec could not start '" + command + "'", e);
        }
        try (InputStream in = p.getInputStream()) {
            out.print(new String(in.readAllBytes(), Charset.defaultCharset()));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the output of '" + command + "'", e);
        }
        return p.waitFor();
    }

    private static List<String> shell(String command) {
        return System.getProperty("os.name", "").startsWith("Windows") ? List.of("cmd.exe", "/c", command)
                : List.of("/bin/sh", "-c", command);
    }
}
