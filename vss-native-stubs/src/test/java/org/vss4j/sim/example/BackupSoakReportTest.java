package org.vss4j.sim.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The soak's slope column: a figure only from enough samples to fit a line to. */
class BackupSoakReportTest {

    private static BackupSoak.Sample threads(int cycle, int threads) {
        return new BackupSoak.Sample(cycle, 0, 0, 0, 0, threads, 0, 0, 0, 0, 0);
    }

    @Test
    void aShortRunPrintsNoSlope() {
        assertThat(BackupSoak.slopeText(List.of(threads(1, 20)), BackupSoak.Sample::threads)).isEqualTo("n/a");
        assertThat(BackupSoak.slopeText(List.of(threads(1, 20), threads(25, 44)), BackupSoak.Sample::threads))
                .isEqualTo("n/a");
    }

    @Test
    void threeSamplesOrMoreGiveTheLeastSquaresSlope() {
        assertThat(BackupSoak.slopeText(List.of(threads(1, 10), threads(25, 58), threads(50, 108)),
                BackupSoak.Sample::threads)).isEqualTo("2.00");
    }
}
