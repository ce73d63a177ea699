package org.vss4j.session;

import java.util.List;

/**
 * The end of a {@link RestoreSession}.
 *
 * @param document       the Backup Components Document after the restore ({@code SaveAsXML}), or null if it could
 *                       not be saved
 * @param outcomes       each component selected for restore, or left out at PreRestore, with its outcome; then
 *                       each component of the document the session did not select ({@link RestoreOutcome#selected()}
 *                       false: not backed up successfully)
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
     * Whether everything the session was to restore was restored: no component {@link #unmatched()}, and every
     * component selected for restore (those left out at PreRestore included) restored. The session is to restore the
     * components the caller asked for or, by default, every component the document records as backed up
     * successfully; one not backed up successfully does not count (there is nothing to restore; {@link #outcomes()}
     * lists it with why). True for a document with no component backed up successfully.
     */
    public boolean allRestored() {
        return unmatched.isEmpty() && outcomes.stream().filter(RestoreOutcome::selected)
                .allMatch(RestoreOutcome::restored);
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
