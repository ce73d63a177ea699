package org.vss4j.cli;

import org.vss4j.BackupComponents;
import org.vss4j.SnapshotContext;

/**
 * The frame of the administrative commands: the simulated machine (when on the simulator), one IVssBackupComponents
 * initialised for backup in a context, released afterwards whatever happens.
 */
final class Requester {

    /** The command's work with the initialised components; returns the exit code. */
    @FunctionalInterface
    interface Work {
        int run(BackupComponents bc) throws Exception;
    }

    private Requester() {
    }

    /**
     * Runs {@code work}; {@code context} null keeps the default (VSS_CTX_BACKUP). The context is set here, once:
     * {@code work} must not call SetContext again (Microsoft docs, "IVssBackupComponents::SetContext": "SetContext can
     * be called only once").
     */
    static int run(SimulatorOptions simulator, SnapshotContext context, Work work) throws Exception {
        simulator.prepare();
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            if (context != null) {
                bc.setContext(context);
            }
            return work.run(bc);
        } finally {
            simulator.close();
        }
    }
}
