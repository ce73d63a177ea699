package org.vss4j.media;

import java.io.IOException;

/**
 * A set of an incremental or differential set's chain is missing or cannot be read: the chained set cannot be restored
 * (docs/backup-sets.md, "Incremental and differential sets").
 */
public final class BrokenChainException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The set whose chain was followed. */
    private final String setId;
    /** The set of the chain that is missing or damaged. */
    private final String missingSet;

    /**
     * The chain of {@code setId} is broken at {@code missingSet}.
     *
     * @param setId      the set whose chain was followed
     * @param missingSet the set of the chain that is missing or damaged
     * @param detail     what is wrong with it
     * @param cause      the failure, or null
     */
    public BrokenChainException(String setId, String missingSet, String detail, Throwable cause) {
        super("backup set " + setId + " builds on set " + missingSet + ", which " + detail, cause);
        this.setId = setId;
        this.missingSet = missingSet;
    }

    /**
     * The set whose chain was followed.
     *
     * @return its id
     */
    public String setId() {
        return setId;
    }

    /**
     * The set of the chain that is missing or damaged.
     *
     * @return its id
     */
    public String missingSet() {
        return missingSet;
    }
}
