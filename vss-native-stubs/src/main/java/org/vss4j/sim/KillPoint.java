package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test hook for the kill trials (docs/reliability.md): at the named point the simulator writes a marker file and
 * blocks for ever, so that a test waits for the marker, kills the process (SIGKILL) exactly there and checks what the
 * next process finds. Off unless configured by two system properties, which only a test sets on the command line of
 * the JVM it starts (never an environment variable, which a user's shell or a child process could inherit unaware):
 * <ul>
 * <li>{@value #PROPERTY}: the point's name, one of the constants below;</li>
 * <li>{@value #MARKER_PROPERTY}: the marker file to write.</li>
 * </ul>
 * Both must be set; the marker holds the point's name and the process id.
 */
public final class KillPoint {

    /** The creation record ("set X creating volumes A,B") is written, nothing is copied yet. */
    public static final String CREATE_JOURNALED = "create.journaled";
    /** Volume {@code n} (1-based) of the set is copied and recorded: {@code create.volume-copied.1}, ... */
    public static final String CREATE_VOLUME_COPIED = "create.volume-copied.";
    /** Every volume is copied, the set is not yet complete. */
    public static final String CREATE_BEFORE_COMPLETE = "create.before-complete";
    /** The set is complete (its record says so), DoSnapshotSet has not finished yet. */
    public static final String CREATE_COMPLETE = "create.complete";
    /** The deletion record is written, nothing is deleted yet. */
    public static final String DELETE_JOURNALED = "delete.journaled";
    /** Shadow copy {@code n} (1-based) of a deletion is deleted: {@code delete.snapshot-deleted.1}, ... */
    public static final String DELETE_SNAPSHOT_DELETED = "delete.snapshot-deleted.";
    /** A process opening the state removed the first shadow copy of what an interrupted operation left. */
    public static final String RECOVER_FIRST_REMOVED = "recover.first-removed";

    /** The system property naming the point. */
    public static final String PROPERTY = "vss4j.sim.killPoint";
    /** The system property naming the marker file. */
    public static final String MARKER_PROPERTY = "vss4j.sim.killPoint.marker";

    private static final Logger LOG = LoggerFactory.getLogger(KillPoint.class);

    private KillPoint() {
    }

    /** Point {@code name} is reached: blocks for ever if it is the configured point, else returns at once. */
    static void reach(String name) {
        String point = System.getProperty(PROPERTY);
        String marker = System.getProperty(MARKER_PROPERTY);
        if (point == null || marker == null || !point.equals(name)) {
            return;
        }
        LOG.warn("test hook {}: blocking at point {} until the process is killed", PROPERTY, name);
        Path file = Path.of(marker);
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".killpoint", ".tmp");
            Files.writeString(tmp, name + " " + ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("test hook " + PROPERTY + ": cannot write the marker " + file, e);
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
