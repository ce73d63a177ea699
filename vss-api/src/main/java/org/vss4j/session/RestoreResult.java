package org.vss4j.session;

import java.util.List;

/**
 * The end of a {@link RestoreSession}.
 *
 * @param document       the Backup Components Document after the restore ({@code SaveAsXML}), or null if it could
 *                       not be saved
 * @param outcomes       each component selected for restore, or left out at PreRestore, with its outcome
 * @param unmatched      the components of the stored document no running writer matched
 * @param writerFailures the writers' failures after PreRestore and PostRestore
 */
public record RestoreResult(String document, List<RestoreOutcome> outcomes, List<UnmatchedComponent> unmatched,
        List<WriterFailure> writerFailures) {

    public RestoreResult {
        outcomes = List.copyOf(outcomes);
        unmatched = List.copyOf(unmatched);
        writerFailures = List.copyOf(writerFailures);
    }

    /** Whether every component selected was restored. */
    public boolean allRestored() {
        return outcomes.stream().allMatch(RestoreOutcome::restored);
    }
}
