package org.vss4j.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vss4j.BackupComponents;
import org.vss4j.VssAsync;
import org.vss4j.WriterStatus;

/** Small steps the contract tests repeat: finishing an asynchronous call, reading every writer's status. */
final class Steps {

    /** Real VSS can take well over 10 s per shadow copy on a busy runner. */
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private Steps() {
    }

    /** Waits for the operation to finish (fails on failure, cancellation or timeout) and releases its IVssAsync. */
    static void finish(VssAsync async) {
        try (async) {
            async.awaitFinished(TIMEOUT);
        }
    }

    /** GatherWriterStatus, every GetWriterStatus, FreeWriterStatus. */
    static List<WriterStatus> writerStatuses(BackupComponents bc) {
        finish(bc.gatherWriterStatus());
        try {
            List<WriterStatus> all = new ArrayList<>();
            for (int i = 0; i < bc.getWriterStatusCount(); i++) {
                all.add(bc.getWriterStatus(i));
            }
            return all;
        } finally {
            bc.freeWriterStatus();
        }
    }
}
