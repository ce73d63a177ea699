package org.vss4j.media;

import java.util.List;

/**
 * What {@link BackupSetReader#restore} did.
 *
 * @param restored the entries written (entry names)
 * @param refused  the entries refused, each with why; nothing was written for them
 * @param missing  the catalogued files the path patterns selected that data.tar does not hold (a truncated or damaged
 *                 tar): not restored, and not among {@code refused}
 */
public record RestoreReport(List<String> restored, List<Refusal> refused, List<String> missing) {

    /**
     * Copies the lists, so the report does not change.
     *
     * @param restored the entries written (entry names)
     * @param refused  the entries refused, each with why
     * @param missing  the catalogued files selected that data.tar does not hold
     */
    public RestoreReport {
        restored = List.copyOf(restored);
        refused = List.copyOf(refused);
        missing = List.copyOf(missing);
    }

    /**
     * Whether every selected catalogued file was restored: nothing refused, nothing missing.
     *
     * @return true if {@code refused} and {@code missing} are both empty
     */
    public boolean complete() {
        return refused.isEmpty() && missing.isEmpty();
    }

    /**
     * One refused entry.
     *
     * @param name   the entry's name as data.tar holds it
     * @param reason why it was not restored
     */
    public record Refusal(String name, String reason) {
    }
}
