package org.vss4j.media;

import java.io.IOException;

/** For tests outside this package: a set published {@code unconfirmed}, as a backup killed after publishing leaves it. */
public final class UnconfirmedSets {

    private UnconfirmedSets() {
    }

    /**
     * Publishes {@code w}'s set as {@code unconfirmed}.
     *
     * @param w a writer holding the set's files
     * @return the published set
     * @throws IOException if publishing fails
     */
    public static BackupSetInfo publish(BackupSetWriter w) throws IOException {
        return w.publishUnconfirmed();
    }
}
