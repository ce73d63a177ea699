package org.vss4j.sim.writer;

import java.time.Duration;
import java.util.function.Consumer;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;

/** Requester sequences the writer tests share, and a machine of a test's own for tests that expect misuse. */
final class WriterBackups {

    static final Duration T = Duration.ofSeconds(30);

    private WriterBackups() {
    }

    /** A volume-mode backup of {@code v} (every writer takes part) from Gather to BackupComplete. */
    static void volumeBackup(Volume v) {
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setBackupState(false, false, BackupType.FULL, false);
            b.gatherWriterMetadata().finish(T);
            b.startSnapshotSet();
            b.addToSnapshotSet(v.guidName(), BackupComponents.GUID_NULL);
            b.prepareForBackup().finish(T);
            b.doSnapshotSet().finish(T);
            b.backupComplete().finish(T);
        }
    }

    /** What {@code vssadmin list writers} does: a requester that only gathers metadata (raising Identify). */
    static int listWriters() {
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.gatherWriterMetadata().finish(T);
            int count = b.getWriterMetadataCount();
            b.freeWriterMetadata();
            return count;
        }
    }

    /**
     * Runs {@code body} on a fresh machine installed for it and returns that machine, closed, once the previous one
     * is back: the misuse it records fails no enclosing test.
     */
    static SimulatedMachine onOwnMachine(Consumer<SimulatedMachine> body) {
        SimulatedMachine m = SimulatedMachine.create();
        SimulatedMachine previous = SimulatedMachine.install(m);
        try {
            body.accept(m);
        } finally {
            SimulatedMachine.install(previous);
            m.close();
        }
        return m;
    }
}
