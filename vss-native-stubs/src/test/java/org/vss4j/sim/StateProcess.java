package org.vss4j.sim;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A second process on a state directory, for the tests that must cross a process boundary (file locks are per JVM):
 * {@code StateProcess <state dir> <mode> <volume dir>...}. Modes: {@code persistent} and {@code transient} create one
 * shadow copy set of the volumes (as DoSnapshotSet does, holding the machine's set lock from StartSnapshotSet on);
 * {@code delete} deletes every shadow copy of the machine in one DeleteSnapshots; {@code open} only opens the
 * directory (and so recovers what interrupted operations left). The test stops it at a
 * {@link KillPoint} (system properties) and kills it there. Prints {@code set <id>} once a set is created.
 */
public final class StateProcess {

    private StateProcess() {
    }

    public static void main(String[] args) {
        SimulatedMachine m = SimulatedMachine.persistentAt(Path.of(args[0]));
        Map<UUID, Volume> volumes = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            volumes.put(UUID.randomUUID(), m.addVolume(Path.of(args[i])));
        }
        Object requester = new Object();
        switch (args[1]) {
            case "persistent", "transient" -> {
                if (!m.beginSnapshotSet(requester)) {
                    System.out.println("VSS_E_SNAPSHOT_SET_IN_PROGRESS");
                    System.exit(3);
                }
                UUID set = UUID.randomUUID();
                m.snapshotStore().createSet(set, volumes, args[1].equals("persistent") ? 1 : 0, requester);
                m.endSnapshotSet(requester);
                m.releaseSetLock(requester);
                System.out.println("set " + set);
            }
            case "delete" -> m.snapshotStore().deleteAll(m.snapshots());
            case "open" -> System.out.println("left overs " + m.removedLeftOvers());
            default -> throw new IllegalArgumentException("mode " + args[1]);
        }
        m.close();
    }
}
