package org.vss4j.abi;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the mingw-w64 x64 cross compiler ({@code x86_64-w64-mingw32-gcc}, Debian package
 * {@code gcc-mingw-w64-x86-64-win32}) on a probe source, producing assembly and the preprocessed text. It only
 * compiles ({@code -S}); nothing built for Windows is ever run.
 */
final class MingwCompiler {

    static final String EXECUTABLE = "x86_64-w64-mingw32-gcc";

    /** Generous: one compilation of the VSS headers takes about a second. */
    private static final long TIMEOUT_SECONDS = 120;

    private final Path executable;

    MingwCompiler(Path executable) {
        this.executable = executable;
    }

    /** The compiler on the {@code PATH}, if installed. */
    static Optional<MingwCompiler> locate() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of(EXECUTABLE, EXECUTABLE + ".exe")) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(new MingwCompiler(candidate));
                }
            }
        }
        return Optional.empty();
    }

    Path executable() {
        return executable;
    }

    /** The result of one compilation; {@code assembly} is empty when gcc failed. */
    record Compilation(int exitCode, String diagnostics, String assembly, Path preprocessed) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    Compilation compile(Path workDir, ProbeSource source) throws IOException, InterruptedException {
        Path c = workDir.resolve(ProbeSource.FILE_NAME);
        Path s = workDir.resolve("vss4j_abi_probe.s");
        Path log = workDir.resolve("gcc.log");
        Files.deleteIfExists(s);
        Files.writeString(c, source.text(), StandardCharsets.UTF_8);
        ProcessBuilder gcc = new ProcessBuilder(executable.toString(), "-std=gnu11", "-S", "-save-temps=obj",
                "-fno-diagnostics-color", "-o", s.toString(), c.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // ASCII quotes and English messages, which GccDiagnostics parses.
        gcc.environment().put("LC_ALL", "C");
        Process process = gcc.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(executable + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String diagnostics = Files.readString(log, StandardCharsets.UTF_8);
        String assembly = process.exitValue() == 0 ? Files.readString(s, StandardCharsets.UTF_8) : "";
        return new Compilation(process.exitValue(), diagnostics, assembly, workDir.resolve("vss4j_abi_probe.i"));
    }
}
