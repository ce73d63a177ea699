package org.vss4j.cli.killtrials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill trials ({@link KillTrials}) in CI: the reduced set of points, once each, in a shuffled order. With
 * {@code -Dvss4j.killTrials=full} every point, {@code -Dvss4j.killTrials.trials} times (3 by default); the shuffle is
 * {@code -Dvss4j.killTrials.shuffle}, else drawn and printed.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the --exec child of the trials is a POSIX shell command (sh, mv, "
        + "sleep)")
class KillTrialsTest {

    @TempDir
    Path work;

    @Test
    void noHalfMadeSetIsEverListedAndTheNextRunRemovesWhatAKillLeft() throws Exception {
        boolean full = "full".equals(System.getProperty("vss4j.killTrials"));
        int trials = full ? Integer.getInteger("vss4j.killTrials.trials", 3) : 1;
        long shuffle = Long.getLong("vss4j.killTrials.shuffle", System.nanoTime());

        List<KillTrials.Outcome> outcomes = KillTrials.runAll(work,
                full ? KillTrials.allPoints() : KillTrials.reducedPoints(), trials, shuffle,
                "-Dvss4j.killTrials.shuffle=" + shuffle, System.out);

        assertThat(outcomes).as("shuffle %d", shuffle).allSatisfy(o -> assertThat(o.passed())
                .as("%s: %s%n%s", o.trial(), o, o.recoveryOutput()).isTrue());
    }
}
