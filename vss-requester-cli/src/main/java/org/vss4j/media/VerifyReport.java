package org.vss4j.media;

import java.util.List;

/**
 * What {@link BackupSetReader#verify} found.
 *
 * @param setId    the set
 * @param files    the files whose data was read and matched
 * @param bytes    the bytes read and matched
 * @param problems each mismatch, by entry name
 * @param chain    the sets whose data the set's catalog refers to, in order: the full set first, up to {@code setId};
 *                 just {@code setId} when it builds on none (or as far as the chain could be followed)
 */
public record VerifyReport(String setId, long files, long bytes, List<Problem> problems, List<String> chain) {

    /**
     * Copies the problems, so the report does not change.
     *
     * @param setId    the set
     * @param files    the files whose data was read and matched
     * @param bytes    the bytes read and matched
     * @param problems each mismatch, by entry name
     * @param chain    the sets of the chain, in order
     */
    public VerifyReport {
        problems = List.copyOf(problems);
        chain = List.copyOf(chain);
    }

    /**
     * A report of a set that builds on none.
     *
     * @param setId    the set
     * @param files    the files whose data was read and matched
     * @param bytes    the bytes read and matched
     * @param problems each mismatch, by entry name
     */
    public VerifyReport(String setId, long files, long bytes, List<Problem> problems) {
        this(setId, files, bytes, problems, List.of(setId));
    }

    /**
     * Whether the set verified: data.tar and the catalog agree on every file.
     *
     * @return true if no problem was found
     */
    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * One mismatch between data.tar and the catalog.
     *
     * @param name   the entry (or catalog row) concerned, or {@code data.tar} for the archive itself
     * @param kind   what is wrong
     * @param detail what was expected and found
     */
    public record Problem(String name, Kind kind, String detail) {
    }

    /** The kinds of mismatch. */
    public enum Kind {
        /** The data's SHA-256 differs from the catalog's. */
        CHECKSUM,
        /** The entry's size differs from the catalog's. */
        SIZE,
        /** The entry's data is not where the catalog says. */
        OFFSET,
        /** A file entry of data.tar has no catalog row. */
        NOT_IN_CATALOG,
        /** A catalog row has no entry in data.tar. */
        MISSING_DATA,
        /** data.tar ends early or cannot be read as a tar. */
        UNREADABLE,
        /**
         * A row whose data an earlier set holds ({@code stored_in}): that set is missing, cannot be read, is not of
         * the chain, or does not hold the entry with the same size, SHA-256 and offset.
         */
        CHAIN
    }
}
