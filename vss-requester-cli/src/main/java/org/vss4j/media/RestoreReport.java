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
 * @param chain    the sets applied, in order: the full set first, then each later set up to the one restored; just
 *                 that set when it builds on none
 */
public record RestoreReport(List<String> restored, List<Refusal> refused, List<String> missing,
        List<String> notApplied, List<String> chain) {

    /**
     * Copies the lists, so the report does not change.
     *
     * @param restored the entries written (entry names)
     * @param refused  the entries refused, each with why
     * @param missing  the catalogued files selected that data.tar does not hold
     * @param notApplied what could not be applied to restored files
     * @param chain    the sets applied, in order
     */
    public RestoreReport {
        restored = List.copyOf(restored);
        refused = List.copyOf(refused);
        missing = List.copyOf(missing);
        notApplied = List.copyOf(notApplied);
        chain = List.copyOf(chain);
    }

    /**
     * A report of one set's data.tar, with nothing left unapplied and no chain.
     *
     * @param restored the entries written (entry names)
     * @param refused  the entries refused, each with why
     * @param missing  the catalogued files selected that data.tar does not hold
     */
    public RestoreReport(List<String> restored, List<Refusal> refused, List<String> missing) {
        this(restored, refused, missing, List.of(), List.of());
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
     * The path patterns that selected nothing this restore saw: no entry restored, refused or missing has a name they
     * select ({@link BackupSetReader#restore(String, java.nio.file.Path, List, boolean)} says what they are). A
     * pattern naming only a directory that holds no file is among them.
     *
     * @param pathPatterns the patterns the restore was given
     * @return those of them that selected no file, in their order
     */
    public List<String> patternsMatchingNothing(List<String> pathPatterns) {
        List<List<String>> names = new java.util.ArrayList<>();
        java.util.stream.Stream.concat(java.util.stream.Stream.concat(restored.stream(),
                refused.stream().map(Refusal::name)), missing.stream()).forEach(n -> {
                    try {
                        names.add(EntryNames.segments(n));
                    } catch (IllegalArgumentException refusedByName) {
                        // refused whatever the patterns select: it says nothing about them
                    }
                });
        List<String> none = new java.util.ArrayList<>();
        for (String p : pathPatterns) {
            PathPatterns one = new PathPatterns(List.of(p));
            if (names.stream().noneMatch(one::selects)) {
                none.add(p);
            }
        }
        return none;
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
