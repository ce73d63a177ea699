package org.vss4j.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vss4j.BackupType;
import org.vss4j.FileSet;
import org.vss4j.WriterComponentInfo;

/**
 * Where each component's files are, for {@link BackupSessionBuilder#allComponentsOnSetVolumes()}: the volumes of the
 * file sets a backup of the session's type takes (normal path and alternate location), or why a path is on no volume
 * at all. Read before the shadow copy set is started, from the paths the writers reported.
 */
final class ComponentVolumes {

    /** Per component: volume id (lower case) to the volume's name, in the order found. */
    private final Map<ComponentRef, Map<String, String>> volumes = new LinkedHashMap<>();
    /** Per component: a path of it that resolves to no volume, with why. */
    private final Map<ComponentRef, String> unresolvable = new LinkedHashMap<>();

    static ComponentVolumes of(List<GatheredWriter> writers, BackupType type, PathPlanner planner) {
        ComponentVolumes out = new ComponentVolumes();
        for (GatheredWriter w : writers) {
            for (WriterComponentInfo c : w.components()) {
                ComponentRef ref = w.refOf(c);
                Map<String, String> on = out.volumes.computeIfAbsent(ref, k -> new LinkedHashMap<>());
                for (FileSet f : FileSetPlan.fileSets(c, type)) {
                    out.add(ref, on, planner, f.path());
                    if (f.alternateLocation() != null && !f.alternateLocation().isEmpty()) {
                        out.add(ref, on, planner, f.alternateLocation());
                    }
                }
            }
        }
        return out;
    }

    private void add(ComponentRef ref, Map<String, String> on, PathPlanner planner, String path) {
        try {
            ResolvedPath p = planner.resolve(path);
            on.putIfAbsent(p.volumeId().toLowerCase(Locale.ROOT), p.volumeName());
        } catch (UnresolvablePathException e) {
            unresolvable.putIfAbsent(ref, e.getMessage());
        }
    }

    /**
     * Why the files of {@code members} cannot all be in a shadow copy set of {@code setVolumes} (volume ids, lower
     * case), or null when they can.
     */
    String outsideOf(java.util.Set<String> setVolumes, List<ComponentRef> members) {
        Map<String, String> missing = new LinkedHashMap<>();
        for (ComponentRef m : members) {
            if (unresolvable.containsKey(m)) {
                return "a path of its files is on no volume here (" + unresolvable.get(m) + ")";
            }
            volumes.getOrDefault(m, Map.of()).forEach((id, name) -> {
                if (!setVolumes.contains(id)) {
                    missing.putIfAbsent(id, name);
                }
            });
        }
        if (missing.isEmpty()) {
            return null;
        }
        return "its files on " + String.join(", ", missing.values()) + " are not in the shadow copy set";
    }
}
