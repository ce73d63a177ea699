package org.vss4j.media;

import java.util.List;

/**
 * What {@link BackupSetReader#restore} did.
 *
 * @param restored the entries written (entry names)
 * @param refused  the entries refused, each with why; nothing was written for them
 */
public record RestoreReport(List<String> restored, List<Refusal> refused) {

    public RestoreReport {
        restored = List.copyOf(restored);
        refused = List.copyOf(refused);
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
