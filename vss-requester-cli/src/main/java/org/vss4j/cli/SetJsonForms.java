package org.vss4j.cli;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.RestoreReport;
import org.vss4j.media.SetMetadata;
import org.vss4j.media.VerifyReport;

/**
 * What {@code sets}, {@code verify} and {@code restore} print with {@code --json}, built field by field from the
 * library's records as {@link JsonForms} are. Each document names the media and the partial sets opening it removed
 * ({@code removedPartials}); a set's {@code complete} is true only for the state {@code complete}.
 */
final class SetJsonForms {

    private SetJsonForms() {
    }

    /**
     * A backup set as listed: {@code failedFiles} are {@code path: reason}, empty unless it is partial;
     * {@code provider} ({@code simulator}, {@code windows}) and {@code host} made it (null if not recorded);
     * {@code restorable} is false when its chain is broken, {@code notRestorableBecause} then says why (else null).
     */
    record Set(String setId, Instant time, String type, String state, boolean complete, List<Source> sources,
            String parent, long files, long bytes, List<String> failedFiles, UUID snapshotSetId,
            boolean componentMode, boolean bootableSystemState, boolean partialFileSupport, String provider,
            String host, boolean restorable, String notRestorableBecause) {

        static Set of(MediaSets.Details d) {
            BackupSetInfo s = d.info();
            SetMetadata m = s.metadata();
            return new Set(s.setId(), m.snapshotTime(), m.type(), s.state(), MediaSets.COMPLETE.equals(s.state()),
                    m.sources().stream().map(src -> new Source(src.source(), src.root())).toList(), m.parentSetId(),
                    s.files(), s.bytes(), d.failed(), m.snapshotSetId(), m.componentMode(), m.bootableSystemState(),
                    m.partialFileSupport(), d.origin().provider(), d.origin().host(), d.brokenChain() == null,
                    d.brokenChain());
        }
    }

    /** A source as given ({@code D:\}) and its top-level directory in data.tar ({@code D}). */
    record Source(String source, String root) {
    }

    /** {@code vss sets}: every set, oldest first. */
    record SetList(String media, List<String> removedPartials, List<Set> sets) {
    }

    /** {@code vss verify}: {@code ok} when every set verified. */
    record Verification(String media, List<String> removedPartials, boolean ok, List<VerifiedSet> sets) {
    }

    /** One set verified: the files and bytes that matched, and each problem. */
    record VerifiedSet(String setId, String state, boolean complete, boolean verified, long files, long bytes,
            List<Problem> problems, List<String> chain) {

        static VerifiedSet of(BackupSetInfo s, VerifyReport r) {
            return new VerifiedSet(s.setId(), s.state(), MediaSets.COMPLETE.equals(s.state()), r.ok(), r.files(),
                    r.bytes(), r.problems().stream().map(p -> new Problem(p.name(), SetText.kind(p.kind()), p.detail()))
                            .toList(), r.chain());
        }
    }

    /**
     * A mismatch: {@code kind} as the text shows it, {@link VerifyReport.Kind}'s name in lower case with spaces
     * ({@code checksum}, {@code missing data}...).
     */
    record Problem(String name, String kind, String detail) {
    }

    /**
     * {@code vss restore}: the set (chosen {@code given}, or {@code newest complete} without SET), the counts of what
     * was written, and every entry refused or missing and every --path that selected nothing by name; {@code complete}
     * is the exit code 0. {@code notApplied}: what could not be applied to restored files (security descriptors,
     * alternate data streams, times, attributes), one line each with the entry and why; their data is restored, so
     * it leaves {@code complete} as it is.
     */
    record Restore(String media, List<String> removedPartials, Set set, String chosen, String target,
            List<String> pathPatterns, boolean overwrite, long restoredFiles, long restoredBytes, List<Refusal> refused,
            List<String> missing, List<String> patternsMatchingNothing, List<String> notApplied, boolean complete,
            List<String> chain) {
    }

    /** An entry not restored, and why. */
    record Refusal(String name, String reason) {

        static List<Refusal> of(RestoreReport r) {
            return r.refused().stream().map(f -> new Refusal(f.name(), f.reason())).toList();
        }
    }
}
