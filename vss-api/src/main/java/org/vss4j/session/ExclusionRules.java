package org.vss4j.session;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.FileSet;

/**
 * Every writer's excluded files ({@code IVssExamineWriterMetadata::GetExcludeFile}). The seeds ("Overview of Actual
 * Backup Of Files"): "File exclusion must always be respected, regardless of which components are selected", and the
 * exclude list "takes precedence over component files lists" (seeds, "Overview of Backup Initialization") — so a
 * writer's exclusion removes a file even from another writer's component and from plain volume files.
 */
final class ExclusionRules {

    private static final Logger LOG = LoggerFactory.getLogger(ExclusionRules.class);

    private record Rule(WriterRef writer, ResolvedPath dir, FileSpecPattern pattern, boolean recursive) {
    }

    private final List<Rule> rules = new ArrayList<>();

    ExclusionRules(List<GatheredWriter> writers, PathPlanner planner) {
        for (GatheredWriter w : writers) {
            for (FileSet f : w.metadata().excludeFiles()) {
                try {
                    rules.add(new Rule(w.ref(), planner.resolve(f.path()), FileSpecPattern.of(f.filespec()),
                            f.recursive()));
                } catch (IllegalArgumentException noVolume) {
                    // An exclusion on a volume that does not exist here cannot remove any file of this backup.
                    LOG.debug("exclusion {}\\{} of writer {} is on no volume: {}", f.path(), f.filespec(), w.ref(),
                            noVolume.getMessage());
                }
            }
        }
    }

    /** The writer that excludes the live file {@code volumeId|relativePath}, or null if none does. */
    WriterRef excludedBy(String volumeId, String relativePath) {
        String dir = PathRules.parent(relativePath);
        String name = PathRules.name(relativePath);
        for (Rule r : rules) {
            if (PathRules.covers(r.dir(), r.recursive(), volumeId, dir) && r.pattern().matches(name)) {
                return r.writer();
            }
        }
        return null;
    }
}
