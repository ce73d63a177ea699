package org.vss4j.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    }

    /** The key prefix of {@code $AllVolumes$} rules: no volume id holds a {@code *}. */
    private static final String ANY_VOLUME = "*|";

    private final List<Rule> rules = new ArrayList<>();
    /** Rule numbers by directory key ({@link #keyOf}): non-recursive, recursive, and recursive for every name. */
    private final Map<String, FileSpecIndex> flat = new HashMap<>();
    private final Map<String, FileSpecIndex> recursive = new HashMap<>();
    private final Map<String, Integer> wholeTrees = new HashMap<>();

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
                    index(rules.size() - 1);
                } catch (UnresolvablePathException e) {
                    planner.ignored(e.of(w.ref(), "excluded files " + f.path() + " (filespec " + f.filespec()
                            + ") of writer " + w.ref()), "the exclusion is not applied");
                }
            }
        }
    }

    private void index(int id) {
        Rule r = rules.get(id);
        String key = keyOf(r);
        (r.recursive() ? recursive : flat).computeIfAbsent(key, k -> new FileSpecIndex()).add(id, r.pattern());
        if (r.recursive() && r.pattern().matchesEverything()) {
            wholeTrees.putIfAbsent(key, id);
        }
    }

    /**
     * The rule that excludes the whole directory {@code volumeId|relativeDir} and everything below it (a recursive
     * rule for every name at or above it), or null if none does.
     */
    Match excludesTree(String volumeId, String relativeDir) {
        int first = -1;
        for (String key : keysAtAndAbove(volumeId, relativeDir)) {
            Integer id = wholeTrees.get(key);
            if (id != null && (first < 0 || id < first)) {
                first = id;
            }
        }
        return first < 0 ? null : rules.get(first).match();
    }

    /** The rule that excludes the live file {@code volumeId|relativePath}, or null if none does. */
    Match excludedBy(String volumeId, String relativePath) {
        return excludedBy(volumeId, PathRules.parent(relativePath), PathRules.name(relativePath));
    }

    /**
     * The same for the entry {@code name} of the directory {@code relativeDir} (a name that may hold a {@code \}):
     * the first rule as declared whose directory is this one (or, recursive, one above it) and whose filespec
     * matches. Rules are looked up by directory, not tried one by one: a file costs the depth of its directory, not
     * the number of rules.
     */
    Match excludedBy(String volumeId, String relativeDir, String name) {
        int first = -1;
        List<String> keys = keysAtAndAbove(volumeId, relativeDir);
        for (int k = 0; k < keys.size(); k++) {
            first = earlier(first, recursive.get(keys.get(k)), name);
            if (k < 2) {
                // The first two keys are this directory itself, on this volume and on every volume.
                first = earlier(first, flat.get(keys.get(k)), name);
            }
        }
        return first < 0 ? null : rules.get(first).match();
    }

    private static int earlier(int first, FileSpecIndex index, String name) {
        if (index == null) {
            return first;
        }
        int id = index.firstMatch(name);
        return id >= 0 && (first < 0 || id < first) ? id : first;
    }

    /**
     * The index keys of {@code relativeDir} and each directory above it up to the volume root, each on this volume
     * and on every volume ({@code $AllVolumes$}), this directory first; without case ({@link PathRules#covers}).
     */
    private static List<String> keysAtAndAbove(String volumeId, String relativeDir) {
        String volume = volumeId.toLowerCase(Locale.ROOT) + "|";
        String dir = relativeDir.toLowerCase(Locale.ROOT);
        List<String> keys = new ArrayList<>();
        while (true) {
            keys.add(volume + dir);
            keys.add(ANY_VOLUME + dir);
            if (dir.isEmpty()) {
                return keys;
            }
            int i = dir.lastIndexOf('\\');
            dir = i < 0 ? "" : dir.substring(0, i);
        }
    }

    private static String keyOf(Rule r) {
        return (r.dir() != null ? r.dir().volumeId().toLowerCase(Locale.ROOT) + "|" + r.dir().relativePath()
                : ANY_VOLUME + r.anyVolume()).toLowerCase(Locale.ROOT);
    }
}
