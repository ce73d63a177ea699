package org.vss4j.sim.win32;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vss4j.sim.FileSystemFacts;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Snapshot;
import org.vss4j.sim.Volume;

/**
 * A host directory inside a volume or a shadow copy: their facts, the directory's path below their root, and whether
 * it is in a shadow copy (which is read-only).
 */
record Place(FileSystemFacts facts, String relative, boolean inShadowCopy) {

    boolean isRoot() {
        return relative.isEmpty();
    }

    String child(String name) {
        return relative.isEmpty() ? name : relative + "/" + name;
    }

    /** The volume or shadow copy whose host directory holds {@code real} (a real path; the innermost), or null. */
    static Place of(SimulatedMachine machine, Path real) {
        Path bestRoot = null;
        FileSystemFacts best = null;
        boolean shadowCopy = false;
        for (Volume v : machine.volumes()) {
            Path root = realOf(v.root());
            if (real.startsWith(root) && (bestRoot == null || root.getNameCount() > bestRoot.getNameCount())) {
                bestRoot = root;
                best = v.facts();
                shadowCopy = false;
            }
        }
        for (Snapshot s : machine.snapshots()) {
            Path root = realOf(s.directory());
            FileSystemFacts facts = machine.snapshotStore().facts(s.id());
            if (facts != null && real.startsWith(root)
                    && (bestRoot == null || root.getNameCount() > bestRoot.getNameCount())) {
                bestRoot = root;
                best = facts;
                shadowCopy = true;
            }
        }
        if (best == null) {
            return null;
        }
        // The names below the root joined by '/', the host's separator: "" for the root itself.
        return new Place(best, bestRoot.relativize(real).toString(), shadowCopy);
    }

    /**
     * The real path of a volume's root or a shadow copy's directory, resolved once per directory: a volume's root
     * is real when the volume is added ({@link SimulatedMachine#addVolume}) and a shadow copy's directory is made by
     * the simulator, so neither changes while it exists, as a Windows volume's device does not. Resolving them on
     * every call was a {@code realpath} per root for each {@code CreateFileW}. A directory that does not exist (yet)
     * is not kept, so its real path is resolved again once it does.
     */
    private static Path realOf(Path p) {
        Path known = REAL_ROOTS.get(p);
        if (known != null) {
            return known;
        }
        try {
            Path real = p.toRealPath();
            if (REAL_ROOTS.size() >= KEPT_ROOTS) {
                REAL_ROOTS.clear();
            }
            REAL_ROOTS.put(p, real);
            return real;
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Bound of {@link #REAL_ROOTS}: a process makes many volumes and shadow copies in its life (tests do). */
    private static final int KEPT_ROOTS = 1024;
    private static final Map<Path, Path> REAL_ROOTS = new ConcurrentHashMap<>();
}
