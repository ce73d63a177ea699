package org.vss4j.session;

/**
 * Receives a backup session's {@link BackupEvent}s, on the thread that drives the session. An exception thrown here is
 * logged and does not stop the backup.
 */
@FunctionalInterface
public interface BackupListener {

    void onEvent(BackupEvent event);

    /** A listener that ignores everything. */
    static BackupListener none() {
        return e -> {
        };
    }
}
