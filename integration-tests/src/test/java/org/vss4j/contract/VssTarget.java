package org.vss4j.contract;

import java.io.IOException;
import java.nio.file.Path;
import org.vss4j.SnapshotMount;
import org.vss4j.com.Exports;

/**
 * Where the contract suite runs: the simulator (everywhere) or the real VSS (elevated Windows, chosen with
 * {@code -Dvss4j.provider=windows} or automatically on Windows). Tests use only what this interface offers, so the same
 * test checks both.
 */
public interface VssTarget extends AutoCloseable {

    /** The target for the provider this process uses. */
    static VssTarget open() throws Exception {
        String provider = Exports.current().provider().id();
        return "windows".equals(provider) ? new WindowsTarget() : new SimulatorTarget();
    }

    /** A short name for messages. */
    String name();

    /** Whether this is the simulator (some checks need its introspection: leak counts, fault injection). */
    boolean isSimulator();

    /** The volume to shadow-copy, as a name AddToSnapshotSet accepts (e.g. {@code C:\}). */
    String volume();

    /** A fresh directory on {@link #volume()} where the test may write files. */
    Path workDir();

    /** The directory the volume's root is at (a shadow copy root holds what this directory held). */
    Path volumeRoot();

    /** How VSS (and a writer's metadata) names {@code dir}, a directory on the volume: e.g. {@code C:\work\db}. */
    default String vssPath(Path dir) {
        String relative = volumeRoot().relativize(dir).toString().replace('/', '\\');
        return volume() + relative;
    }

    /** Where {@code liveFile} (on the volume) is inside a shadow copy of the volume. */
    default Path inSnapshot(SnapshotMount snapshot, Path liveFile) {
        return snapshot.root().resolve(volumeRoot().relativize(liveFile).toString());
    }

    /**
     * The writer whose first top-level component the component-mode tests back up: the simulator's contract writer,
     * or on Windows the Task Scheduler Writer (present on every Windows since Vista).
     */
    String componentWriterName();

    /**
     * Makes {@code link} (in the work directory, not existing yet) a junction to the directory {@code target}: on
     * Windows with {@code mklink /J}, on the simulator as the volume's junction fact. For the cleanup tests.
     */
    void createJunction(Path link, Path target) throws IOException;

    /** Fails if the test leaked a COM reference, BSTR, CoTaskMem block or snapshot-property block (where measurable). */
    void verifyNothingLeaked();

    /**
     * Unexposes what VSS exposed in the work directory, then deletes it without entering links, junctions or mounted
     * folders ({@link WorkDirectoryCleanup}).
     */
    @Override
    void close() throws Exception;
}
