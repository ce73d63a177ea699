package org.vss4j.cli;

import java.util.Arrays;

/** The minimum and median of a benchmark's rounds, as the benchmarks of this module print them. */
public final class RoundStatistics {

    private RoundStatistics() {
    }

    /**
     * The smallest value.
     *
     * @param rounds one value per round, at least one
     * @return their minimum
     */
    public static double min(double[] rounds) {
        return Arrays.stream(rounds).min().orElseThrow();
    }

    /**
     * The median (the mean of the two middle values for an even count).
     *
     * @param rounds one value per round, at least one
     * @return their median
     */
    public static double median(double[] rounds) {
        double[] c = rounds.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
