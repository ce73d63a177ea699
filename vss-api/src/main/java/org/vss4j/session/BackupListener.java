package org.vss4j.session;

/**
 * Receives a backup session's {@link BackupEvent}s, on the thread that drives the session. A {@link RuntimeException}
 * thrown here is logged and does not stop the backup. An {@link Error} ends the session as any failure does: a pending
 * asynchronous operation is cancelled, the backup aborted and the requester released, and the error propagates.
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
