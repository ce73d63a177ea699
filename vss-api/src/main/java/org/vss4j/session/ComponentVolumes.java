package org.vss4j.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vss4j.BackupType;
import org.vss4j.FileSet;
import org.vss4j.WriterComponentInfo;

/**
 * Where each component's files are, for {@link BackupSessionBuilder#allComponentsOnSetVolumes()}: the paths of the
 * file sets a backup of the session's type takes (normal path and alternate location), each split at its volume, or
 * why a path is on no volume at all. Read before the shadow copy set is started, from the paths the writers reported.
 * A component is inside the sources when every such path is on a volume given whole or under a directory given.
 */
final class ComponentVolumes {

    /** Per component: its file sets' paths, split at their volumes, in the order found. */
    private final Map<ComponentRef, List<ResolvedPath>> paths = new LinkedHashMap<>();
    /** Per component: a path of it that resolves to no volume, with why. */
    private final Map<ComponentRef, String> unresolvable = new LinkedHashMap<>();

    static ComponentVolumes of(List<GatheredWriter> writers, BackupType type, PathPlanner planner) {
        ComponentVolumes out = new ComponentVolumes();
        for (GatheredWriter w : writers) {
            for (WriterComponentInfo c : w.components()) {
                ComponentRef ref = w.refOf(c);
                List<ResolvedPath> on = out.paths.computeIfAbsent(ref, k -> new java.util.ArrayList<>());
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

    private void add(ComponentRef ref, List<ResolvedPath> on, PathPlanner planner, String path) {
        try {
            on.add(planner.resolve(path));
        } catch (UnresolvablePathException e) {
            unresolvable.putIfAbsent(ref, e.getMessage());
        }
    }

    /**
     * Why the files of {@code members} are not all inside {@code sources} (volumes given whole, with relative path
     * {@code ""}, and directories given), or null when they are: "its files under C:\Windows are outside the sources
     * C:\docs".
     */
    String outsideOf(List<ResolvedPath> sources, List<ComponentRef> members) {
        Map<String, String> outside = new LinkedHashMap<>();
        for (ComponentRef m : members) {
            if (unresolvable.containsKey(m)) {
                return "a path of its files is on no volume here (" + unresolvable.get(m) + ")";
            }
            for (ResolvedPath p : paths.getOrDefault(m, List.of())) {
                if (sources.stream().noneMatch(src -> inside(p, src))) {
                    String where = p.original(p.relativePath());
                    outside.putIfAbsent(where.toLowerCase(Locale.ROOT), where);
                }
            }
        }
        if (outside.isEmpty()) {
            return null;
        }
        List<String> named = new java.util.ArrayList<>();
        sources.forEach(src -> named.add(src.original(src.relativePath())));
        return "its files under " + String.join(", ", outside.values()) + " are outside the sources "
                + String.join(", ", named);
    }

    /** Whether {@code p} is {@code source} or below it, on the same volume (names compared without case, as NTFS). */
    static boolean inside(ResolvedPath p, ResolvedPath source) {
        if (!p.volumeId().equalsIgnoreCase(source.volumeId())) {
            return false;
        }
        String dir = source.relativePath().toLowerCase(Locale.ROOT);
        String rel = p.relativePath().toLowerCase(Locale.ROOT);
        return dir.isEmpty() || rel.equals(dir) || rel.startsWith(dir + "\\");
    }
}
