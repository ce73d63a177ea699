package org.vss4j.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup of the tests that run {@code vss backup} in process ({@link BackupRunFixture}): the simulated volume
 * D:\ backed by {@code disk}, the simulator's state in {@code state}, and {@code work} for MEDIA and restores. Each
 * test class puts its own files on {@code disk} in a {@code @BeforeEach} of its own, which runs after this one.
 */
abstract class InProcessBackupTest {

    @TempDir
    Path disk;

    @TempDir
    Path state;

    @TempDir
    Path work;

    BackupRunFixture fixture;

    @BeforeEach
    final void newFixture() {
        fixture = new BackupRunFixture(disk, state);
    }
}
