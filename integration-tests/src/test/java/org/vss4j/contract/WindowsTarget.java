package org.vss4j.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real VSS of an elevated Windows machine: the volume holding {@code java.io.tmpdir} (on GitHub's windows-latest,
 * {@code C:\}), with a fresh work directory there.
 */
final class WindowsTarget implements VssTarget {

    private final Path workDir;

    WindowsTarget() throws IOException {
        workDir = Files.createTempDirectory("vss4j-contract-").toAbsolutePath();
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
    public void verifyNothingLeaked() {
        // Real VSS offers no allocation counts; the simulator run of the same test checks ownership.
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> all = Files.walk(workDir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
