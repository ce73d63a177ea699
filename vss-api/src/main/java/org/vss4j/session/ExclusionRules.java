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

    /** A rule that removes a file: the writer that declared it and the rule as declared, for the report. */
    record Match(WriterRef writer, String rule) {

        /** Why the file is not backed up, for {@link ExcludedFile#reason()}. */
        String reason() {
            return "excluded by writer " + writer + " (GetExcludeFile: " + rule + "); exclusions are always "
                    + "respected (Microsoft docs, \"Overview of Actual Backup Of Files\")";
        }
    }

    /** One rule; {@code dir} is null for an {@code $AllVolumes$} rule, which uses {@code anyVolume} instead. */
    private record Rule(WriterRef writer, ResolvedPath dir, String anyVolume, FileSpecPattern pattern,
            boolean recursive, String declared) {

        Match match() {
            return new Match(writer, declared);
        }

        boolean covers(String volumeId, String relativeDir) {
            return dir != null ? PathRules.covers(dir, recursive, volumeId, relativeDir)
                    : PathRules.covers(anyVolume, recursive, relativeDir);
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    ExclusionRules(List<GatheredWriter> writers, PathPlanner planner) {
        for (GatheredWriter w : writers) {
            for (FileSet f : w.metadata().excludeFiles()) {
                try {
                    FileSpecPattern pattern = FileSpecPattern.of(f.filespec());
                    String expanded = planner.expand(f.path());
                    Optional<String> everywhere = WindowsPath.belowAllVolumes(expanded);
                    String declared = f.path() + ", " + f.filespec() + (f.recursive() ? ", recursive" : "");
                    rules.add(everywhere.isPresent()
                            ? new Rule(w.ref(), null, everywhere.get(), pattern, f.recursive(), declared)
                            : new Rule(w.ref(), planner.resolve(expanded), null, pattern, f.recursive(), declared));
                } catch (UnresolvablePathException e) {
                    planner.ignored(e.of(w.ref(), "excluded files " + f.path() + " (filespec " + f.filespec()
                            + ") of writer " + w.ref()), "the exclusion is not applied");
                }
            }
        }
    }

    /**
     * The rule that excludes the whole directory {@code volumeId|relativeDir} and everything below it (a recursive
     * rule for every name at or above it), or null if none does.
     */
    Match excludesTree(String volumeId, String relativeDir) {
        for (Rule r : rules) {
            if (r.recursive() && r.pattern().matchesEverything() && r.covers(volumeId, relativeDir)) {
                return r.match();
            }
        }
        return null;
    }

    /** The rule that excludes the live file {@code volumeId|relativePath}, or null if none does. */
    Match excludedBy(String volumeId, String relativePath) {
        return excludedBy(volumeId, PathRules.parent(relativePath), PathRules.name(relativePath));
    }

    /** The same for the entry {@code name} of the directory {@code relativeDir} (a name that may hold a {@code \}). */
    Match excludedBy(String volumeId, String relativeDir, String name) {
        for (Rule r : rules) {
            if (r.covers(volumeId, relativeDir) && r.pattern().matches(name)) {
                return r.match();
            }
        }
        return null;
    }
}
