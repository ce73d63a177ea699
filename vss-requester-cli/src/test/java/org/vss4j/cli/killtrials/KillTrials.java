package org.vss4j.cli.killtrials;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.vss4j.sim.KillPoint;
import org.vss4j.sim.LeftOver;

/**
 * The kill trials (docs/reliability.md): {@code vss} commands on the simulator killed with SIGKILL at named points,
 * each followed by a fresh {@code vss snapshot list}, which must never list a half-made set as created, must report
 * what the killed run left and remove it, and leave no copy directory, record or link behind. The points are
 * deterministic: the simulator's test hook blocks at the point and writes a marker ({@code vss4j.sim.killPoint}), or
 * the {@code --exec} child writes it itself; the trial waits for the marker, then kills.
 *
 * <p>All trials of one run share a state directory and two volumes ({@code D:\}, {@code E:\}), so each recovery also
 * meets the sets earlier trials left complete. {@link #main} runs every point, {@code --trials M} times, in an order
 * drawn from {@code --shuffle} (printed); {@link KillTrialsTest} runs the reduced set in CI.
 */
public final class KillTrials {

    /** The commands the trials kill. */
    enum Scenario {
        /** {@code vss snapshot create --persistent D:\ E:\}. */
        PERSISTENT,
        /** {@code vss snapshot create D:\ E:\ --exec CHILD}: non-persistent shadow copies, alive while CHILD runs. */
        EXEC,
        /** {@code vss snapshot delete --set ID} of a complete two-volume persistent set. */
        DELETE,
        /** {@code vss snapshot list} opening a state a killed creation left, killed while it removes that. */
        RECOVER
    }

    /** The point while the {@code --exec} child runs: the child writes the marker, not the simulator. */
    static final String EXEC_RUNNING = "exec.running";

    /** One kill: a scenario stopped at a point. */
    record Trial(Scenario scenario, String point) {

        /** Whether the killed run leaves a complete set that must be listed (the only point that does). */
        boolean leavesCompleteSet() {
            return scenario == Scenario.PERSISTENT && point.equals(KillPoint.CREATE_COMPLETE);
        }

        @Override
        public String toString() {
            return scenario.name().toLowerCase() + "@" + point;
        }
    }

    /** Every point of every scenario. */
    static List<Trial> allPoints() {
        List<Trial> all = new ArrayList<>();
        for (String p : List.of(KillPoint.CREATE_JOURNALED, KillPoint.CREATE_VOLUME_COPIED + 1,
                KillPoint.CREATE_VOLUME_COPIED + 2, KillPoint.CREATE_BEFORE_COMPLETE, KillPoint.CREATE_COMPLETE)) {
            all.add(new Trial(Scenario.PERSISTENT, p));
        }
        for (String p : List.of(KillPoint.CREATE_VOLUME_COPIED + 1, KillPoint.CREATE_COMPLETE, EXEC_RUNNING)) {
            all.add(new Trial(Scenario.EXEC, p));
        }
        for (String p : List.of(KillPoint.DELETE_JOURNALED, KillPoint.DELETE_SNAPSHOT_DELETED + 1,
                KillPoint.DELETE_SNAPSHOT_DELETED + 2)) {
            all.add(new Trial(Scenario.DELETE, p));
        }
        all.add(new Trial(Scenario.RECOVER, KillPoint.RECOVER_FIRST_REMOVED));
        return all;
    }

    /** The reduced set CI runs: one point in each phase of each scenario. */
    static List<Trial> reducedPoints() {
        return List.of(new Trial(Scenario.PERSISTENT, KillPoint.CREATE_VOLUME_COPIED + 1),
                new Trial(Scenario.PERSISTENT, KillPoint.CREATE_COMPLETE),
                new Trial(Scenario.EXEC, EXEC_RUNNING),
                new Trial(Scenario.DELETE, KillPoint.DELETE_SNAPSHOT_DELETED + 1),
                new Trial(Scenario.RECOVER, KillPoint.RECOVER_FIRST_REMOVED));
    }

    /** What one trial found after the kill. */
    record Outcome(Trial trial, boolean killedAtPoint, List<String> halfMadeListed, boolean leftOverReported,
            List<String> leftBehind, String recoveryOutput) {

        boolean passed() {
            return killedAtPoint && halfMadeListed.isEmpty() && leftBehind.isEmpty()
                    && leftOverReported != trial.leavesCompleteSet();
        }
    }

    private static final Pattern SET = Pattern.compile("set {7}\\{([0-9a-f-]{36})}");
    private static final Pattern COPY = Pattern.compile("shadow copy \\{([0-9a-f-]{36})}");
    private static final Set<String> MACHINE_FILES = Set.of("last-device-number", "last-device-number.lock",
            "journal.lock", "snapshot-set.lock");
    /** What the next run's WARN says of a removed left-over. */
    static final String REPORTED = LeftOver.WAS_INTERRUPTED;

    private final Path work;
    private final Path state;
    private final Path links;
    private final Path d;
    private final Path e;
    /** The sets complete trials left: what every later listing must show, and nothing else. */
    private final Set<String> expectedSets = new LinkedHashSet<>();
    private int markers;

    KillTrials(Path work) throws IOException {
        this.work = work;
        this.state = work.resolve("state");
        this.links = Files.createDirectories(work.resolve("links"));
        this.d = Files.createDirectories(work.resolve("volume-d"));
        this.e = Files.createDirectories(work.resolve("volume-e"));
        Files.writeString(d.resolve("d.txt"), "on D");
        Files.writeString(e.resolve("e.txt"), "on E");
    }

    private List<String> vss(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--sim-volume", "D:\\=" + d, "--sim-volume", "E:\\=" + e, "--sim-state",
                state.toString()));
        return all;
    }

    private Path newMarker() {
        return work.resolve("point-" + ++markers + ".marker");
    }

    private static String posixQuoted(Path p) {
        return "'" + p.toString().replace("'", "'\\''") + "'";
    }

    /** Starts the scenario's command to block at {@code point}; the run, blocked there, or null if it ended first. */
    private ForkedVss startAt(Scenario scenario, String point) throws Exception {
        Path marker = newMarker();
        List<String> args = switch (scenario) {
            case PERSISTENT -> vss("snapshot", "create", "--persistent", "D:\\", "E:\\");
            case EXEC -> vss("snapshot", "create", "D:\\", "E:\\", "--exec", point.equals(EXEC_RUNNING)
                    // The child says it runs (write, then rename: the marker is whole when it appears), then waits.
                    ? "echo exec.running $$ > " + posixQuoted(marker) + ".tmp && mv " + posixQuoted(marker)
                            + ".tmp " + posixQuoted(marker) + " && exec sleep 600"
                    : "true");
            case DELETE -> vss("snapshot", "delete", "--set", completeSet());
            case RECOVER -> {
                killAt(Scenario.PERSISTENT, KillPoint.CREATE_VOLUME_COPIED + 2);
                yield vss("snapshot", "list");
            }
        };
        ForkedVss run = ForkedVss.start(work, links, point.equals(EXEC_RUNNING) ? null : point, marker, args);
        return run.awaitMarker() ? run : null;
    }

    private void killAt(Scenario scenario, String point) throws Exception {
        ForkedVss run = startAt(scenario, point);
        if (run == null) {
            throw new IllegalStateException("the setup run of " + scenario + " ended before " + point);
        }
        run.kill();
    }

    /** Makes a complete two-volume persistent set for a deletion to be killed in; its id. */
    private String completeSet() throws Exception {
        ForkedVss.Result r = ForkedVss.run(work, links, vss("snapshot", "create", "--persistent", "D:\\", "E:\\"));
        if (r.exit() != 0) {
            throw new IllegalStateException("setup create failed:\n" + r.out() + r.err());
        }
        List<String> now = new ArrayList<>(listedSets(ForkedVss.run(work, links, vss("snapshot", "list")).out()));
        now.removeAll(expectedSets);
        if (now.size() != 1) {
            throw new IllegalStateException("setup create made " + now);
        }
        return now.get(0);
    }

    private static Set<String> listedSets(String listing) {
        Set<String> sets = new LinkedHashSet<>();
        Matcher m = SET.matcher(listing);
        while (m.find()) {
            sets.add(m.group(1));
        }
        return sets;
    }

    /** Runs one trial: the kill, then a fresh {@code vss snapshot list} and the checks. */
    Outcome run(Trial t) throws Exception {
        String deleted = null;
        ForkedVss run;
        if (t.scenario() == Scenario.DELETE) {
            deleted = completeSet();
            expectedSets.add(deleted);
            Path marker = newMarker();
            run = ForkedVss.start(work, links, t.point(), marker, vss("snapshot", "delete", "--set", deleted));
            run = run.awaitMarker() ? run : null;
        } else {
            run = startAt(t.scenario(), t.point());
        }
        boolean killed = run != null;
        if (killed) {
            run.kill();
        }
        if (deleted != null) {
            expectedSets.remove(deleted);
        }

        ForkedVss.Result next = ForkedVss.run(work, links, vss("snapshot", "list"));
        List<String> problems = new ArrayList<>();
        if (next.exit() != 0) {
            problems.add("vss snapshot list exited " + next.exit());
        }
        Set<String> listed = listedSets(next.out());
        List<String> unexpected = new ArrayList<>(listed);
        unexpected.removeAll(expectedSets);
        if (t.leavesCompleteSet() && unexpected.size() == 1) {
            expectedSets.add(unexpected.remove(0));
        }
        List<String> halfMade = unexpected;
        List<String> missing = new ArrayList<>(expectedSets);
        missing.removeAll(listed);
        missing.forEach(m -> problems.add("a complete set is no longer listed: " + m));
        problems.addAll(leftBehind(next.out()));
        return new Outcome(t, killed, halfMade, next.err().contains(REPORTED), problems,
                next.out() + next.err());
    }

    /**
     * Whatever is in the state directory that is neither a machine-wide file nor part of a listed shadow copy (its
     * directory, record, facts, the simulator's mark on its directory); and any link left in the exposure folder.
     */
    private List<String> leftBehind(String listing) throws IOException {
        Set<String> allowed = new LinkedHashSet<>(MACHINE_FILES);
        Matcher m = COPY.matcher(listing);
        while (m.find()) {
            allowed.addAll(List.of(m.group(1), m.group(1) + ".snapshot", m.group(1) + ".facts",
                    m.group(1) + ".copy"));
        }
        List<String> left = new ArrayList<>();
        try (Stream<Path> files = Files.list(state.resolve("snapshots"))) {
            files.map(f -> f.getFileName().toString()).filter(n -> !allowed.contains(n)).sorted()
                    .forEach(n -> left.add("left in the state directory: " + n));
        }
        Path exposed = state.resolve("exposed");
        if (Files.exists(exposed)) {
            try (Stream<Path> all = Files.walk(exposed)) {
                all.filter(Files::isSymbolicLink).forEach(l -> left.add("exposure link left: " + l));
            }
        }
        return left;
    }

    /**
     * After the trials: one ordinary run that mounts shadow copies sweeps the link directories the killed runs left
     * (SnapshotMount's own recovery); the links left then (should be none).
     */
    List<String> linksAfterSweep() throws Exception {
        ForkedVss.Result r = ForkedVss.run(work, links, vss("snapshot", "create", "D:\\", "--exec", "true"));
        List<String> left = new ArrayList<>();
        if (r.exit() != 0) {
            left.add("the sweeping run failed: " + r.out() + r.err());
        }
        try (Stream<Path> all = Files.walk(links)) {
            all.filter(Files::isSymbolicLink).forEach(l -> left.add("link left: " + l));
        }
        return left;
    }

    /** The trials, in an order drawn from {@code shuffle}. */
    static List<Trial> shuffled(List<Trial> points, int trials, long shuffle) {
        List<Trial> all = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            all.addAll(points);
        }
        Collections.shuffle(all, new Random(shuffle));
        return all;
    }

    /** The summary line: points, trials, shuffle, and what the checks found. */
    static String summary(List<Outcome> outcomes, int points, int trials, long shuffle) {
        long halfMade = outcomes.stream().mapToLong(o -> o.halfMadeListed().size()).sum();
        long reported = outcomes.stream().filter(o -> o.leftOverReported() && !o.trial().leavesCompleteSet()).count();
        long expectReport = outcomes.stream().filter(o -> !o.trial().leavesCompleteSet()).count();
        long leftBehind = outcomes.stream().mapToLong(o -> o.leftBehind().size()).sum();
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        return String.format("%d points x %d trials = %d kills (shuffle %d): %d half-made sets listed, %d of %d "
                + "interrupted runs reported and removed on the next run, %d files or links left behind, %d failed",
                points, trials, outcomes.size(), shuffle, halfMade, reported, expectReport, leftBehind, failed);
    }

    /**
     * The full trial: {@code KillTrials [--trials M] [--shuffle N] [--reduced] [--work DIR]}. Exit code 0 if every
     * trial passed. Run it with the CLI module's test class path (KillTrialsTest does with -Dvss4j.killTrials=full).
     */
    public static void main(String[] args) throws Exception {
        int trials = 3;
        long shuffle = System.nanoTime();
        boolean reduced = false;
        Path work = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--trials" -> trials = Integer.parseInt(args[++i]);
                case "--shuffle" -> shuffle = Long.parseLong(args[++i]);
                case "--reduced" -> reduced = true;
                case "--work" -> work = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (work == null) {
            work = Files.createTempDirectory("vss4j-kill-trials-");
        }
        List<Outcome> outcomes = runAll(work, reduced ? reducedPoints() : allPoints(), trials, shuffle,
                "--shuffle " + shuffle, System.out);
        System.exit(outcomes.stream().allMatch(Outcome::passed) ? 0 : 1);
    }

    /**
     * Runs {@code trials} rounds of {@code points} in a shuffled order, printing each outcome and the summary;
     * {@code rerun} is how the caller's user draws the same order again (an option, a system property).
     */
    static List<Outcome> runAll(Path work, List<Trial> points, int trials, long shuffle, String rerun, PrintStream log)
            throws Exception {
        log.printf("kill trials: %d points x %d, shuffle %d (rerun with %s)%n", points.size(), trials, shuffle, rerun);
        KillTrials k = new KillTrials(work);
        List<Outcome> outcomes = new ArrayList<>();
        for (Trial t : shuffled(points, trials, shuffle)) {
            long start = System.nanoTime();
            Outcome o = k.run(t);
            outcomes.add(o);
            log.printf("  %-40s %s (%d ms)%s%n", t, o.passed() ? "ok" : "FAILED",
                    (System.nanoTime() - start) / 1_000_000, o.passed() ? "" : ": " + o + "\n" + o.recoveryOutput());
        }
        List<String> links = k.linksAfterSweep();
        log.println(summary(outcomes, points.size(), trials, shuffle) + "; links after the next mount: "
                + links.size());
        if (!links.isEmpty()) {
            outcomes.add(new Outcome(new Trial(Scenario.EXEC, "links"), true, List.of(), false, links, ""));
        }
        return outcomes;
    }
}
