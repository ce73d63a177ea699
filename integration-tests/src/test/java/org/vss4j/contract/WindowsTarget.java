package org.vss4j.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real VSS of an elevated Windows machine: the volume holding {@code java.io.tmpdir} (on GitHub's windows-latest,
 * {@code C:\}), with a fresh work directory there, named in its long form ({@link LongPaths}: the runner's
 * {@code TEMP} is {@code C:\Users\RUNNER~1\...}).
 */
final class WindowsTarget implements VssTarget {

    private final Path workDir;

    WindowsTarget() throws IOException {
        Path created = Files.createTempDirectory("vss4j-contract-").toAbsolutePath();
        try {
            workDir = Path.of(LongPaths.of(created.toString()));
        } catch (RuntimeException e) {
            Files.deleteIfExists(created);
            throw e;
        }
    }

    @Override
    public String name() {
        return "windows";
    }

    @Override
    public boolean isSimulator() {
        return false;
    }

    @Override
    public String volume() {
        return workDir.getRoot().toString();
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public String componentWriterName() {
        return "Task Scheduler Writer";
    }

    @Override
    public Path volumeRoot() {
        return workDir.getRoot();
    }

    @Override
    public void createJunction(Path link, Path target) throws IOException {
        // mklink is a cmd built-in (Microsoft docs, "mklink"); /J makes a directory junction.
        Process p = new ProcessBuilder("cmd", "/c", "mklink", "/J", link.toString(), target.toString())
                .redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("mklink /J " + link + " did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the junction " + link, e);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("mklink /J " + link + " " + target + " failed (" + p.exitValue() + "): " + output);
        }
    }

    @Override
    public void verifyNothingLeaked() {
        // Real VSS offers no allocation counts; the simulator run of the same test checks ownership.
    }

    @Override
    public void close() throws IOException {
        WorkDirectoryCleanup.run(workDir, vssPath(workDir));
    }
}
