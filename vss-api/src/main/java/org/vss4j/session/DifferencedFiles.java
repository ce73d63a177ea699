package org.vss4j.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vss4j.DifferencedFile;

/**
 * The differenced files writers add in an incremental or differential backup ({@code AddDifferencedFilesByLastModify
 * Time}, read back with {@code IVssComponent::GetDifferencedFile}): files of such a set are taken only when they were
 * modified after the writer's time (Microsoft AddDifferencedFilesByLastModifyTime docs: the file set "should be
 * evaluated against a last modification time stamp for inclusion"). A writer that gives no time (a zero
 * {@code FILETIME}) leaves the comparison to the requester, which uses the time of the previous backup [inferred from
 * the same docs]. Sets marked by LSN are writer-specific and are taken whole.
 */
final class DifferencedFiles {

    /** {@code FILETIME} zero: 1601-01-01, what {@link org.vss4j.com.FileTimes} reads for "no time". */
    static final Instant NO_TIME = Instant.parse("1601-01-01T00:00:00Z");

    private record Rule(ResolvedPath dir, FileSpecPattern pattern, boolean recursive, Instant since) {
    }

    private final Map<ComponentRef, List<Rule>> rules = new HashMap<>();

    static DifferencedFiles none() {
        return new DifferencedFiles();
    }

    static DifferencedFiles of(Map<ComponentRef, List<DifferencedFile>> byComponent, PathPlanner planner,
            Instant previousBackup) {
        DifferencedFiles d = new DifferencedFiles();
        byComponent.forEach((component, files) -> {
            List<Rule> list = new ArrayList<>();
            for (DifferencedFile f : files) {
                if (f.lsn() != null) {
                    continue;
                }
                Instant since = f.lastModifyTime() == null || f.lastModifyTime().equals(NO_TIME) ? previousBackup
                        : f.lastModifyTime();
                if (since != null) {
                    ResolvedPath dir;
                    FileSpecPattern pattern;
                    try {
                        dir = planner.resolve(f.path());
                        pattern = FileSpecPattern.of(f.filespec());
                    } catch (UnresolvablePathException e) {
                        throw e.of(component.writer(), "differenced files " + f.path() + " (filespec "
                                + f.filespec() + ") of component '" + component.fullPath() + "' of writer "
                                + component.writer());
                    }
                    list.add(new Rule(dir, pattern, f.recursive(), since));
                }
            }
            d.rules.put(component, list);
        });
        return d;
    }

    /** Whether the writer of {@code added} marked the file as differenced and it did not change since. */
    boolean unchanged(ComponentRef added, String volumeId, String relativePath, Instant lastModified) {
        for (Rule r : rules.getOrDefault(added, List.of())) {
            if (PathRules.covers(r.dir(), r.recursive(), volumeId, PathRules.parent(relativePath))
                    && r.pattern().matches(PathRules.name(relativePath)) && !lastModified.isAfter(r.since())) {
                return true;
            }
        }
        return false;
    }
}
