package org.vss4j.sim.session;

import java.time.Duration;
import org.vss4j.BackupComponents;
import org.vss4j.SnapshotContext;
import org.vss4j.VssAsync;
import org.vss4j.sim.Gate;

/**
 * A second requester holding the machine: a raw {@code IVssBackupComponents} through the binding, in a context
 * without writers (so its set needs no GatherWriterMetadata or PrepareForBackup and its events reach no writer).
 * {@link #build()} leaves its shadow copy set being built; {@link #create(Gate)} leaves its creation holding the machine
 * at the simulator's {@link org.vss4j.sim.Faults#holdCreation()} gate; {@link #finish()} lets it end and releases it,
 * and with it its non-persistent shadow copies.
 */
final class OtherRequester implements AutoCloseable {

    private static final Duration T = Duration.ofSeconds(30);

    private final String volume;
    private BackupComponents bc;
    private VssAsync creating;
    private Gate held;

    OtherRequester(String volume) {
        this.volume = volume;
    }

    /** InitializeForBackup, SetContext, StartSnapshotSet and AddToSnapshotSet: its set is being built. */
    OtherRequester build() {
        bc = BackupComponents.create();
        bc.initializeForBackup(null);
        bc.setContext(SnapshotContext.FILE_SHARE_BACKUP);
        bc.startSnapshotSet();
        bc.addToSnapshotSet(volume, BackupComponents.GUID_NULL);
        return this;
    }

    /** DoSnapshotSet; returns once its creation holds the machine, waiting at {@code hold}. */
    OtherRequester create(Gate hold) {
        if (bc == null) {
            build();
        }
        held = hold;
        creating = bc.doSnapshotSet();
        try {
            if (!hold.awaitReached(T)) {
                throw new AssertionError("the other requester's creation did not reach the hold within " + T);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return this;
    }

    /** Whether the requester is still there (not yet {@link #finish() finished}). */
    boolean isHolding() {
        return bc != null;
    }

    /** Lets its creation end, then releases the requester. Does nothing the second time. */
    void finish() {
        if (bc == null) {
            return;
        }
        try {
            if (creating != null) {
                held.open();
                creating.awaitFinished(T);
                creating.close();
            }
        } finally {
            bc.close();
            bc = null;
        }
    }

    @Override
    public void close() {
        finish();
    }
}
