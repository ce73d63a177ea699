package org.vss4j.sim.win32;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<String> names = new ArrayList<>();
        bestRoot.relativize(real).forEach(n -> names.add(n.toString()));
        names.removeIf(String::isEmpty);
        return new Place(best, String.join("/", names), shadowCopy);
    }

    private static Path realOf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
