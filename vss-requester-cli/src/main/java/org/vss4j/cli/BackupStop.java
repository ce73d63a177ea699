package org.vss4j.cli;

import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupListener;
import org.vss4j.session.BackupSession;

/**
 * How a stop ({@link ShutdownGuard}: SIGTERM, Ctrl-C) reaches {@code vss backup} once its session is open and the
 * files are being stored: at the next file stored (or failed) the session is closed, which aborts the backup
 * ({@code AbortBackup}; Microsoft docs, "Overview of Backup Initialization": a backup that terminates prematurely calls
 * AbortBackup), so the set's writer then fails on the closed session and removes the partial set: no writer is told
 * anything and nothing is published. A stop seen when every item was already stored lets the backup end: the set is
 * then whole, and what is left (publishing it, SetBackupSucceeded, BackupComplete) is what makes it consistent; a
 * stop from then on changes nothing, as a stop after BackupComplete does for {@code snapshot create}. Runs on the
 * command's thread (the session's listener), so no VSS call is made from two threads.
 */
final class BackupStop implements BackupListener {

    private final ShutdownGuard guard;
    private BackupSession session;
    private int reported;
    private boolean aborted;

    BackupStop(ShutdownGuard guard) {
        this.guard = guard;
    }

    /** The open session whose items are being stored. */
    void watch(BackupSession open) {
        this.session = open;
        this.reported = 0;
    }

    /** Whether a stop closed the session during the copy. */
    boolean aborted() {
        return aborted;
    }

    @Override
    public void onEvent(BackupEvent event) {
        if (session == null || aborted
                || !(event instanceof BackupEvent.ItemSaved || event instanceof BackupEvent.ItemFailed)) {
            return;
        }
        reported++;
        if (guard.isRequested() && reported < session.items().size()) {
            aborted = true;
            session.close();
        }
    }
}
