package org.vss4j.media;

import java.util.List;

/**
 * What {@link BackupSetReader#restore} did.
 *
 * @param restored the entries written (entry names)
 * @param refused  the entries refused, each with why; nothing was written for them
 * @param missing  the catalogued files the path patterns selected that data.tar does not hold (a truncated or damaged
 *                 tar): not restored, and not among {@code refused}
 * @param notApplied what could not be applied to restored files, one line each with the entry and why: security
 *                   descriptors and alternate data streams where the host has no backup semantics or refused them,
 *                   times and attributes that could not be set (docs/backup-semantics.md)
 */
public record RestoreReport(List<String> restored, List<Refusal> refused, List<String> missing,
        List<String> notApplied) {

    /**
     * A report with nothing left unapplied.
     *
     * @param restored the entries written (entry names)
     * @param refused  the entries refused, each with why
     * @param missing  the catalogued files selected that data.tar does not hold
     */
    public RestoreReport(List<String> restored, List<Refusal> refused, List<String> missing) {
        this(restored, refused, missing, List.of());
    }

    /**
     * Copies the lists, so the report does not change.
     *
     * @param restored the entries written (entry names)
     * @param refused  the entries refused, each with why
     * @param missing  the catalogued files selected that data.tar does not hold
     * @param notApplied what could not be applied to restored files
     */
    public RestoreReport {
        restored = List.copyOf(restored);
        refused = List.copyOf(refused);
        missing = List.copyOf(missing);
        notApplied = List.copyOf(notApplied);
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
