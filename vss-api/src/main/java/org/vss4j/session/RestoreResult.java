package org.vss4j.session;

import java.util.List;

/**
 * The end of a {@link RestoreSession}.
 *
 * @param document       the Backup Components Document after the restore ({@code SaveAsXML}), or null if it could
 *                       not be saved
 * @param outcomes       each component selected for restore, or left out at PreRestore, with its outcome; then
 *                       each component of the document the session did not select ({@link RestoreOutcome#selected()}
 *                       false: not backed up successfully, or not selectable for restore)
 * @param unmatched      the components of the stored document no running writer matched
 * @param writerFailures the failures of the writers taking part (with a component in the restore) after PreRestore
 *                       and PostRestore, each once: at the phase it happened
 */
public record RestoreResult(String document, List<RestoreOutcome> outcomes, List<UnmatchedComponent> unmatched,
        List<WriterFailure> writerFailures) {

    public RestoreResult {
        outcomes = List.copyOf(outcomes);
        unmatched = List.copyOf(unmatched);
        writerFailures = List.copyOf(writerFailures);
    }

    /**
     * Whether every component selected was restored. The components the session did not select do not count: they
     * were never to be restored; {@link #outcomes()} lists them with why.
     */
    public boolean allRestored() {
        return outcomes.stream().filter(RestoreOutcome::selected).allMatch(RestoreOutcome::restored);
    }

    /**
     * Whether the machine must be restarted before the restored data is in use: some component's
     * {@link RestoreOutcome#rebootRequired()}. {@link #allRestored()} true with this true means "restored, effective
     * after a reboot".
     */
    public boolean rebootRequired() {
        return outcomes.stream().anyMatch(RestoreOutcome::rebootRequired);
    }
}
