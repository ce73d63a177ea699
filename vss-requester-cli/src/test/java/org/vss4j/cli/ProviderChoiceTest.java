package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which provider {@code vss} runs on, said on stderr; and a machine where VSS cannot work is an error, not a simulation. */
class ProviderChoiceTest {

    @TempDir
    Path volume;

    @TempDir
    Path state;

    @Test
    void theProviderNotesGoToStderrAndStdoutStaysTheCommandsOutput() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "writers", "--json",
                "--sim-volume", "D:\\=" + volume, "--sim-state", state.toString());

        assertThat(exit).as(err.toString()).isZero();
        // stdout is the JSON array and nothing else: it parses from its first character.
        JsonNode writers = new ObjectMapper().readTree(out.toString());
        assertThat(writers.isArray()).isTrue();
        assertThat(out.toString()).doesNotContain("(VSS provider", "(simulated VSS");
        assertThat(err.toString()).contains("(VSS provider: simulator (not Windows: ",
                "simulated shadow copies, not this machine's VSS)", "(simulated VSS: volume D:\\ is " + volume);
    }

    /**
     * The {@code vss} command in a JVM that looks like a 32-bit JDK on 64-bit Windows (the system properties a 32-bit
     * JDK reports, and the PROCESSOR_ARCHITEW6432 WOW64 sets): it stops before any VSS or simulator call, with one
     * line that says why and names the fix, although the simulator is on its class path.
     */
    @Test
    void a32BitJvmOn64BitWindowsFailsAtOnceAndNeverRunsTheSimulator() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Dos.name=Windows 10", "-Dos.arch=x86",
                "-Dsun.arch.data.model=32", "-cp", classPath, VssCommand.class.getName(), "snapshot", "list",
                "--sim-volume", "C:\\=" + volume, "--sim-state", state.toString());
        pb.environment().put("PROCESSOR_ARCHITEW6432", "AMD64");
        pb.environment().remove("VSS_JAVA_OPTS");
        Path stdout = Files.createTempFile("vss-out", ".txt");
        Path stderr = Files.createTempFile("vss-err", ".txt");
        try {
            Process p = pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("vss exited").isTrue();

            List<String> errLines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(String.join("\n", errLines)).isEqualTo(ExitCodes.OTHER_FAILURE);
            assertThat(errLines.get(0)).isEqualTo("vss: vss4j cannot use VSS: this is a 32-bit JVM on 64-bit Windows "
                    + "(AMD64), and VSS does not support 32-bit applications under WOW64; run vss4j with a 64-bit JDK");
            assertThat(String.join("\n", errLines)).doesNotContain("(VSS provider", "(simulated VSS");
            assertThat(Files.readString(stdout)).isEmpty();
            try (Stream<Path> s = Files.list(state)) {
                assertThat(s).as("the simulated machine was never built").isEmpty();
            }
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    @Test
    void theClassPathOfTheChildJvmIsThisOne() {
        // Guard for the test above: a class path the child could not use would fail it for the wrong reason.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertThat(classPath.split(File.pathSeparator)).anySatisfy(e -> assertThat(e).contains("picocli"));
    }
}
