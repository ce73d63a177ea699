package org.vss4j.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vss4j.FileSet;

/**
 * Every writer's excluded files ({@code IVssExamineWriterMetadata::GetExcludeFile}). Microsoft docs,
 * "Overview of Actual Backup Of Files": "File exclusion must always be respected, regardless of which components are
 * selected", and the exclude list "takes precedence over component files lists" (Microsoft docs,
 * "Overview of Backup Initialization") — so a writer's exclusion removes a file even from another writer's component
 * and from plain volume files.
 *
 * <p>An exclusion under {@code $AllVolumes$} applies to the same place on every volume (Microsoft docs, "Excluding
 * Files from Shadow Copies": the variable "causes the path string to be applied to all shadow copies on the
 * computer"). An exclusion that cannot be resolved at all cannot remove anything; it is reported
 * ({@link PathPlanner#ignored}), since the backup is then larger, not wrong.
 */
final class ExclusionRules {

    /** One rule; {@code dir} is null for an {@code $AllVolumes$} rule, which uses {@code anyVolume} instead. */
    private record Rule(WriterRef writer, ResolvedPath dir, String anyVolume, FileSpecPattern pattern,
            boolean recursive) {

        boolean covers(String volumeId, String relativeDir) {
            return dir != null ? PathRules.covers(dir, recursive, volumeId, relativeDir)
                    : PathRules.covers(anyVolume, recursive, relativeDir);
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    ExclusionRules(List<GatheredWriter> writers, PathPlanner planner) {
        for (GatheredWriter w : writers) {
            for (FileSet f : w.metadata().excludeFiles()) {
                FileSpecPattern pattern = FileSpecPattern.of(f.filespec());
                try {
                    String expanded = planner.expand(f.path());
                    Optional<String> everywhere = WindowsPath.belowAllVolumes(expanded);
                    rules.add(everywhere.isPresent()
                            ? new Rule(w.ref(), null, everywhere.get(), pattern, f.recursive())
                            : new Rule(w.ref(), planner.resolve(expanded), null, pattern, f.recursive()));
                } catch (UnresolvablePathException e) {
                    planner.ignored(e.of(w.ref(), "excluded files " + f.path() + " (filespec " + f.filespec()
                            + ") of writer " + w.ref()), "the exclusion is not applied");
                }
            }
        }
    }

    /**
     * The writer that excludes the whole directory {@code volumeId|relativeDir} and everything below it (a recursive
     * rule for every name at or above it), or null if none does.
     */
    WriterRef excludesTree(String volumeId, String relativeDir) {
        for (Rule r : rules) {
            if (r.recursive() && r.pattern().matchesEverything() && r.covers(volumeId, relativeDir)) {
                return r.writer();
            }
        }
        return null;
    }

    /** The writer that excludes the live file {@code volumeId|relativePath}, or null if none does. */
    WriterRef excludedBy(String volumeId, String relativePath) {
        String dir = PathRules.parent(relativePath);
        String name = PathRules.name(relativePath);
        for (Rule r : rules) {
            if (r.covers(volumeId, dir) && r.pattern().matches(name)) {
                return r.writer();
            }
        }
        return null;
    }
}
