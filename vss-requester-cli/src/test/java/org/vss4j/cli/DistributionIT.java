package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable distribution the build makes (src/assembly/distribution.xml), checked after the package phase
 * (surefire's 'distribution' execution in the integration-test phase): the zip and the tar.gz hold bin/vss,
 * bin/vss.cmd, lib/vss.jar and the user's README.md, the jar no native library but JNA's, and the unpacked bin/vss
 * runs from the PATH, also through a symbolic link to it, and draws progress bars.
 */
class DistributionIT {

    /** Set only by the 'distribution' execution; a run that names this class with -Dtest in the test phase skips. */
    private static final String DISTRIBUTION = System.getProperty("vss.distribution");
    private static final Path BASE = Path.of(DISTRIBUTION == null ? "target/vss" : DISTRIBUTION);
    private static final String TOP = BASE.getFileName().toString();

    @BeforeEach
    void onlyAfterThePackagePhase() {
        assumeTrue(DISTRIBUTION != null, "run by the 'distribution' execution, after the package phase");
    }

    @Test
    void theZipHoldsBothLaunchersAndTheJar() throws IOException {
        try (ZipFile zip = new ZipFile(BASE + ".zip")) {
            assertThat(zip.stream().map(e -> e.getName()).filter(n -> !n.endsWith("/")))
                    .containsExactlyInAnyOrder(TOP + "/bin/vss", TOP + "/bin/vss.cmd", TOP + "/lib/vss.jar",
                            TOP + "/README.md");
            String cmd = new String(zip.getInputStream(zip.getEntry(TOP + "/bin/vss.cmd")).readAllBytes(),
                    StandardCharsets.US_ASCII);
            assertThat(cmd).as("vss.cmd has Windows line ends").contains("\r\n").contains("..\\lib\\vss.jar");
            String sh = new String(zip.getInputStream(zip.getEntry(TOP + "/bin/vss")).readAllBytes(),
                    StandardCharsets.US_ASCII);
            assertThat(sh).startsWith("#!/bin/sh\n").doesNotContain("\r");
        }
        // The launcher next to the built jar (target/vss.cmd) is the source file as checked out: CRLF too.
        assertThat(Files.readString(BASE.resolveSibling("vss.cmd"), StandardCharsets.US_ASCII))
                .as("target/vss.cmd has Windows line ends").contains("\r\n").doesNotContainPattern("[^\r]\n");
    }

    /** The archive's README is the user's: install, first steps, the simulator, the state; no link into docs/. */
    @Test
    void theReadmeIsTheUsersAndStandsAlone() throws IOException {
        try (ZipFile zip = new ZipFile(BASE + ".zip")) {
            String readme = new String(zip.getInputStream(zip.getEntry(TOP + "/README.md")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(readme).contains("vss doctor", "vss help", "~/.vss4j/simulator", "--sim-volume",
                    "VSS_JAVA_OPTS=-Dvss4j.provider=simulator", "tar -xzf " + TOP + ".tar.gz", TOP + "/bin")
                    .doesNotContain("${", "./mvnw", "```java").doesNotContainPattern("\\]\\((?!https?:)[^)]*\\)");
        }
    }

    /**
     * Of native code the jar holds JNA's own dispatch libraries and sqlite-jdbc's SQLite builds (the backup sets'
     * catalog, docs/backup-sets.md) only: jline's (for a terminal it is never asked to open: the progress bars draw
     * through vss's own consumer) are left out by the shade filter, and so are sqlite-jdbc's builds for platforms
     * other than 64-bit Windows, Linux and macOS.
     */
    @Test
    void theJarHoldsNoNativeLibraryButJnas() throws IOException {
        try (JarFile jar = new JarFile(BASE.resolveSibling("vss.jar").toFile())) {
            List<String> natives = jar.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".jnilib") || n.endsWith(".dylib"))
                    .toList();
            assertThat(natives).as("JNA's dispatch libraries").anyMatch(n -> n.startsWith("com/sun/jna/"))
                    .allSatisfy(n -> assertThat(n).matches("com/sun/jna/.*|org/sqlite/native/.*"));
            // SQLite for the 64-bit platforms vss runs on, and no other.
            assertThat(natives.stream().filter(n -> n.startsWith("org/sqlite/native/"))
                    .map(n -> n.substring("org/sqlite/native/".length(), n.lastIndexOf('/'))))
                    .containsExactlyInAnyOrder("Linux/x86_64", "Linux/aarch64", "Linux-Musl/x86_64",
                            "Linux-Musl/aarch64", "Mac/x86_64", "Mac/aarch64", "Windows/x86_64", "Windows/aarch64");
            assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("org/jline/nativ/")
                    || n.startsWith("org/jline/terminal/impl/") || n.startsWith("META-INF/native-image/org.jline/")))
                    .isEmpty();
        }
    }

    @Test
    void theUnpackedTarballRunsFromThePathAndThroughASymbolicLink(@TempDir Path dir) throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "the POSIX launcher");
        run(dir, List.of("tar", "-xzf", BASE + ".tar.gz", "-C", dir.toString()), Map.of());
        Path bin = dir.resolve(TOP).resolve("bin");
        assertThat(Files.getPosixFilePermissions(bin.resolve("vss")))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        try (JarFile jar = new JarFile(dir.resolve(TOP).resolve("lib/vss.jar").toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Main-Class")).isEqualTo("org.vss4j.cli.VssCommand");
            assertThat(main.getValue("Automatic-Module-Name")).isEqualTo("org.vss4j.cli");
        }

        String path = bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        assertThat(run(dir, List.of("vss", "--version"), Map.of("PATH", path))).startsWith("vss4j ");

        // A link in a directory already on the PATH (~/bin/vss -> .../bin/vss) finds the jar through the link.
        Path home = Files.createDirectories(dir.resolve("home-bin"));
        Files.createSymbolicLink(home.resolve("vss"), bin.resolve("vss"));
        String linked = home + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        assertThat(run(dir, List.of("vss", "--version"), Map.of("PATH", linked))).startsWith("vss4j ");

        // Progress bars draw without jline's terminals and native libraries.
        Path volume = Files.createDirectories(dir.resolve("volume"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(volume.resolve("f" + i + ".txt"), "x");
        }
        String progress = run(dir, List.of("vss", "snapshot", "create", "C:", "--progress", "--sim-volume",
                "C:=" + volume, "--sim-state", dir.resolve("state").toString()), Map.of("PATH", path));
        assertThat(progress).contains("copying into the shadow copy", "deleting the shadow copy", "100%", "5/5 files")
                .doesNotContain("Exception", "jline");
    }

    /** Runs {@code command} in {@code dir} with JAVA_HOME set to this JVM's; its output, after checking exit 0. */
    private static String run(Path dir, List<String> command, Map<String, String> env) throws Exception {
        List<String> line = new ArrayList<>(command);
        if (env.containsKey("PATH")) {
            // ProcessBuilder looks the program up in this JVM's PATH: resolve it in the given one, as a shell would.
            line.set(0, lookUp(line.get(0), env.get("PATH")));
        }
        ProcessBuilder pb = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as(command + " ended").isTrue();
        assertThat(p.exitValue()).as(command + " exit code; output:\n" + out).isZero();
        return out;
    }

    private static String lookUp(String program, String path) {
        for (String d : path.split(":")) {
            Path candidate = Path.of(d, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return program;
    }
}
