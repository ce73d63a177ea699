package org.vss4j.sim.example;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The soak run ({@link BackupSoak}) as the one test of the Maven profile {@code soak}; excluded from the default build
 * by its tag. It prints figures and asserts no timing: it fails only if a cycle fails or leaks.
 */
@Tag("soak")
class BackupSoakTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void thousandBackupCycles() throws Exception {
        BackupSoak.main(new String[] {System.getProperty("soak.cycles", "1000")});
    }
}
