package org.vss4j.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vss4j.BackupComponents;
import org.vss4j.WriterStatus;

/** Steps the contract tests repeat: the timeout for asynchronous calls and reading every writer's status. */
final class Steps {

    /** Real VSS can take well over 10 s per shadow copy on a busy runner. */
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private Steps() {
    }

    /** GatherWriterStatus, every GetWriterStatus, FreeWriterStatus. */
    static List<WriterStatus> writerStatuses(BackupComponents bc) {
        bc.gatherWriterStatus().finish(TIMEOUT);
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
