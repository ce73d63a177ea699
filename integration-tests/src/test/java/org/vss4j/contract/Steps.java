package org.vss4j.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vss4j.BackupComponents;
import org.vss4j.ComponentType;
import org.vss4j.WriterComponentInfo;
import org.vss4j.WriterMetadata;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterStatus;

/**
 * Steps the contract tests repeat: the time they give VSS, and reading every writer's status.
 *
 * <p>The time, in three numbers: one asynchronous call waits at most {@link #PER_CALL}; all the waits of one test
 * together at most {@link #BUDGET_MINUTES} ({@link Budget}); and the test itself is stopped by JUnit after
 * {@link #TEST_TIMEOUT_MINUTES} ({@link VssContract}), which leaves {@link #GRACE_MINUTES} for what follows a wait that
 * ran out: the binding's {@code Cancel} and its bounded wait for {@code VSS_S_ASYNC_CANCELLED}, closing a writer,
 * {@code AbortBackup}. So a test fails on the budget it gives VSS, with the call's name, before JUnit's timeout, which
 * is only the last guard against a native wait that never returns.
 */
final class Steps {

    /** One asynchronous call: real VSS can take well over 10 s per shadow copy on a busy runner. */
    static final Duration PER_CALL = Duration.ofMinutes(3);
    /** All the waits of one test. */
    static final int BUDGET_MINUTES = 10;
    /** Room after the budget for cancelling, closing and cleaning up. */
    static final int GRACE_MINUTES = 5;
    /** The JUnit timeout of one contract test. */
    static final int TEST_TIMEOUT_MINUTES = BUDGET_MINUTES + GRACE_MINUTES;

    private Steps() {
    }

    /** The timeout for the next wait: {@link #PER_CALL}, or less if that is all that is left of the test's budget. */
    static Duration timeout() {
        Duration left = Budget.remaining(PER_CALL);
        return left.compareTo(PER_CALL) < 0 ? left : PER_CALL;
    }

    /** What is left of the test's budget (for a session's overall timeout). */
    static Duration remainingBudget() {
        return Budget.remaining(Duration.ofMinutes(BUDGET_MINUTES));
    }

    /** A writer component chosen for a component-mode backup. */
    record Chosen(UUID instanceId, UUID writerId, ComponentType type, String logicalPath, String name) {
    }

    /** The first top-level component of the writer named {@code writerName} (after GatherWriterMetadata). */
    static Optional<Chosen> topLevelComponent(BackupComponents bc, String writerName) {
        for (int i = 0; i < bc.getWriterMetadataCount(); i++) {
            try (WriterMetadataEntry e = bc.getWriterMetadata(i)) {
                WriterMetadata md = e.metadata().read();
                if (!md.identity().writerName().equalsIgnoreCase(writerName)) {
                    continue;
                }
                for (WriterComponentInfo c : md.components()) {
                    if (c.logicalPath() == null || c.logicalPath().isEmpty()) {
                        return Optional.of(new Chosen(e.instanceId(), md.identity().writerId(), c.type(),
                                c.logicalPath(), c.name()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** GatherWriterStatus, every GetWriterStatus, FreeWriterStatus. */
    static List<WriterStatus> writerStatuses(BackupComponents bc) {
        bc.gatherWriterStatus().finish(timeout());
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
