package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The order of the guards, from the inside out, so that each fires before the one around it and says more:
 * one asynchronous call ({@link Steps#PER_CALL}) within the test's budget ({@link Steps#BUDGET_MINUTES}), within
 * the test's JUnit timeout ({@link VssContract}, on a thread of its own), within surefire's fork timeout (the pom),
 * within the workflow step's {@code timeout-minutes}, within the job's; and around the steps: the job outlasts all of
 * them, and the deadlines of {@code ms-tools.ps1} fit its step.
 */
class ContractTimeoutsTest {

    private static final Path WORKFLOW = Path.of("..", ".github", "workflows", "windows.yml");
    private static final Path MS_TOOLS = Path.of("..", ".github", "windows", "ms-tools.ps1");

    /** The runner's own job set-up and the actions' post steps (checkout's, setup-java's cache save) have no limit. */
    private static final int UNBOUNDED_STEPS_MARGIN_MINUTES = 10;

    /** What ms-tools.ps1 does outside its deadlines: pwsh's start, the SDK search, hashing, a poll's last pause. */
    private static final Duration MS_TOOLS_MARGIN = Duration.ofMinutes(5);

    @Test
    void everyTestThatTalksToVssRunsUnderTheContractTimeout() throws Exception {
        List<String> missing = new ArrayList<>();
        List<Class<?>> checked = new ArrayList<>();
        for (Class<?> c : contractClasses()) {
            boolean usesVss = Arrays.stream(c.getDeclaredMethods()).filter(ContractTimeoutsTest::isTest)
                    .anyMatch(m -> Arrays.asList(m.getParameterTypes()).contains(VssTarget.class));
            if (usesVss) {
                checked.add(c);
                if (!c.isAnnotationPresent(VssContract.class)) {
                    missing.add(c.getSimpleName());
                }
            }
        }
        assertThat(checked).as("contract test classes found").hasSizeGreaterThan(5);
        assertThat(missing).as("contract test classes without @VssContract").isEmpty();
    }

    @Test
    void theContractTimeoutRunsTheTestOnAThreadOfItsOwnAndOutlastsItsBudget() {
        Timeout t = VssContract.class.getAnnotation(Timeout.class);
        assertThat(t.threadMode()).isEqualTo(Timeout.ThreadMode.SEPARATE_THREAD);
        Duration timeout = Duration.of(t.value(), t.unit().toChronoUnit());
        assertThat(timeout).isGreaterThan(Duration.ofMinutes(Steps.BUDGET_MINUTES));
        assertThat(Steps.PER_CALL).isLessThanOrEqualTo(Duration.ofMinutes(Steps.BUDGET_MINUTES));
        // A wait that runs out is followed by Cancel and a bounded wait for VSS_S_ASYNC_CANCELLED, and AbortBackup.
        assertThat(timeout.minus(Duration.ofMinutes(Steps.BUDGET_MINUTES))).isGreaterThanOrEqualTo(
                Duration.ofMinutes(2));
    }

    @Test
    void theForkTimeoutOutlastsOneTestAndTheWorkflowOutlastsTheFork() throws IOException {
        long fork = Long.parseLong(System.getProperty("vss4j.contract.forkTimeoutSeconds"));
        assertThat(Duration.ofSeconds(fork)).isGreaterThan(Duration.ofMinutes(Steps.TEST_TIMEOUT_MINUTES));

        List<String> yml = Files.readAllLines(WORKFLOW);
        int step = minutesOfStep(yml, "id: contract");
        int job = minutesOfJob(yml);
        assertThat(Duration.ofMinutes(step)).as("the contract step's timeout-minutes").isGreaterThan(
                Duration.ofSeconds(fork));
        assertThat(job).as("the job's timeout-minutes").isGreaterThan(step);
    }

    @Test
    void theJobOutlastsTheSumOfItsStepsAndAMarginForWhatHasNoLimit() throws IOException {
        List<String> yml = Files.readAllLines(WORKFLOW);
        int indent = indentOfJobTimeout(yml);
        int steps = 0;
        for (String line : yml) {
            Matcher m = MINUTES.matcher(line);
            if (m.matches() && m.group(1).length() > indent) {
                steps += Integer.parseInt(m.group(2));
            }
        }
        assertThat(steps).as("the steps' timeout-minutes").isPositive();
        assertThat(minutesOfJob(yml)).as("the job's timeout-minutes, against its steps' sum %d", steps)
                .isGreaterThanOrEqualTo(steps + UNBOUNDED_STEPS_MARGIN_MINUTES);
    }

    @Test
    void theMsToolsDeadlinesFitTheirStep() throws IOException {
        String script = Files.readString(MS_TOOLS);
        Matcher m = DEADLINE.matcher(script);
        long seconds = 0;
        List<String> unused = new ArrayList<>();
        int found = 0;
        while (m.find()) {
            found++;
            seconds += Long.parseLong(m.group(2));
            // Its definition, and at least one wait that uses it.
            if (Pattern.compile(Pattern.quote("$" + m.group(1)) + "\\b").matcher(script).results().count() < 2) {
                unused.add(m.group(1));
            }
        }
        assertThat(found).as("$Deadline... constants in %s", MS_TOOLS).isGreaterThan(10);
        assertThat(unused).as("deadlines no wait uses").isEmpty();
        assertThat(LITERAL_DEADLINE.matcher(script).results().map(MatchResult::group).toList())
                .as("waits in %s with a literal deadline instead of a $Deadline constant", MS_TOOLS).isEmpty();

        int step = minutesOfStep(Files.readAllLines(WORKFLOW), "id: ms-tools");
        assertThat(Duration.ofMinutes(step)).as("the ms-tools step's timeout-minutes, against the script's deadlines")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(seconds).plus(MS_TOOLS_MARGIN));
    }

    @Test
    void msToolsRunsOnlyAfterASuccessfulBuild() throws IOException {
        List<String> yml = Files.readAllLines(WORKFLOW);
        assertThat(stepLines(yml, "id: build")).as("the build step").anyMatch(l -> l.contains("mvnw.cmd -B install"));
        assertThat(stepLines(yml, "id: ms-tools")).as("the ms-tools step")
                .anyMatch(l -> l.trim().startsWith("if:") && l.contains("steps.build.outcome == 'success'"));
    }

    private static boolean isTest(Method m) {
        return m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(ParameterizedTest.class);
    }

    /** The top-level classes of this package, from the test classes directory. */
    private static List<Class<?>> contractClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(VssContract.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(VssContract.class.getPackageName().replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    classes.add(Class.forName(VssContract.class.getPackageName() + "."
                            + name.substring(0, name.length() - ".class".length())));
                }
            }
        }
        return classes;
    }

    private static final Pattern MINUTES = Pattern.compile("^(\\s*)timeout-minutes:\\s*(\\d+)\\s*$");

    /** A deadline constant at the start of a line of ms-tools.ps1: {@code $DeadlineName = 60}. */
    private static final Pattern DEADLINE = Pattern.compile("(?m)^\\$(Deadline\\w+)\\s*=\\s*(\\d+)\\b");

    /**
     * A wait given a number: {@code WaitForExit(120000)}, {@code .Wait(120000)}, a {@code Wait-Until} block whose
     * closing brace is followed by a number, or {@code Invoke-Bounded file 'args' 120 $log}.
     */
    private static final Pattern LITERAL_DEADLINE = Pattern.compile(
            "(?m)WaitForExit\\(\\d|\\.Wait\\(\\d|^\\s*}\\s*\\d+\\s*$|Invoke-Bounded\\s.*\\s\\d+\\s+[$(].*$");

    /** The timeout-minutes of the step whose lines include {@code marker}. */
    private static int minutesOfStep(List<String> yml, String marker) {
        for (String line : stepLines(yml, marker)) {
            Matcher m = MINUTES.matcher(line);
            if (m.matches()) {
                return Integer.parseInt(m.group(2));
            }
        }
        throw new AssertionError("no timeout-minutes in the step with '" + marker + "' of " + WORKFLOW);
    }

    /** The lines of the step whose lines include {@code marker}. */
    private static List<String> stepLines(List<String> yml, String marker) {
        int start = -1;
        for (int i = 0; i < yml.size(); i++) {
            if (yml.get(i).trim().equals(marker)) {
                start = i;
            }
        }
        assertThat(start).as("a step with '%s' in %s", marker, WORKFLOW).isNotNegative();
        // The step's lines: back to its "- " line, on to the next one.
        int from = start;
        while (from > 0 && !yml.get(from).trim().startsWith("- ")) {
            from--;
        }
        int to = from + 1;
        while (to < yml.size() && !yml.get(to).trim().startsWith("- ")) {
            to++;
        }
        return yml.subList(from, to);
    }

    /** The indentation of the job's timeout-minutes: the least indented one. */
    private static int indentOfJobTimeout(List<String> yml) {
        return yml.stream().map(MINUTES::matcher).filter(Matcher::matches).mapToInt(m -> m.group(1).length()).min()
                .orElseThrow(() -> new AssertionError("no timeout-minutes in " + WORKFLOW));
    }

    /** The job's timeout-minutes: the least indented one. */
    private static int minutesOfJob(List<String> yml) {
        int best = -1;
        int indent = Integer.MAX_VALUE;
        for (String line : yml) {
            Matcher m = MINUTES.matcher(line);
            if (m.matches() && m.group(1).length() < indent) {
                indent = m.group(1).length();
                best = Integer.parseInt(m.group(2));
            }
        }
        assertThat(best).as("a job timeout-minutes in %s", WORKFLOW).isPositive();
        return best;
    }
}
