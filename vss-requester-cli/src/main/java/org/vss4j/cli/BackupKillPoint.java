package org.vss4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupListener;
import org.vss4j.session.BackupPhase;
import org.vss4j.sim.KillPoint;

/**
 * The kill trials' hook for {@code vss backup} (docs/reliability.md), as the simulator's {@link KillPoint} is for its
 * own steps, with the same two system properties ({@value KillPoint#PROPERTY} and {@value KillPoint#MARKER_PROPERTY},
 * which only a test sets on the command line of the JVM it starts) and only on the simulator: at the point, the
 * command writes the marker and blocks until the test kills it. The points:
 * <ul>
 * <li>{@code backup.file-saved.N}: the N-th item (1-based) is stored in the partial set;</li>
 * <li>{@code backup.published}: the set is published {@code unconfirmed}, the writers not yet told anything
 * (SetBackupSucceeded is next).</li>
 * </ul>
 */
final class BackupKillPoint implements BackupListener {

    static final String FILE_SAVED = "backup.file-saved.";
    static final String PUBLISHED = "backup.published";

    private final String point;
    private final Path marker;
    private int saved;

    private BackupKillPoint(String point, Path marker) {
        this.point = point;
        this.marker = marker;
    }

    /** The hook the properties configure, or null (off: the usual case). */
    static BackupKillPoint configured() {
        String point = System.getProperty(KillPoint.PROPERTY);
        String marker = System.getProperty(KillPoint.MARKER_PROPERTY);
        if (point == null || marker == null || !point.startsWith("backup.") || !SimulatedHost.active()) {
            return null;
        }
        return new BackupKillPoint(point, Path.of(marker));
    }

    @Override
    public void onEvent(BackupEvent event) {
        if (event instanceof BackupEvent.ItemSaved) {
            saved++;
            reach(FILE_SAVED + saved);
        } else if (event instanceof BackupEvent.PhaseStarted p && p.phase() == BackupPhase.SET_BACKUP_SUCCEEDED) {
            reach(PUBLISHED);
        }
    }

    private void reach(String name) {
        if (!name.equals(point)) {
            return;
        }
        try {
            Path tmp = Files.createTempFile(marker.toAbsolutePath().getParent(), ".killpoint", ".tmp");
            Files.writeString(tmp, name + " " + ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("test hook " + KillPoint.PROPERTY + ": cannot write the marker " + marker,
                    e);
        }
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // Blocks until killed, interrupts included: the trial decides when this process ends.
            }
        }
    }
}
