package org.vss4j.session;

import org.vss4j.FileRestoreStatus;

/**
 * What happened to one component selected for restore.
 *
 * @param component      the component
 * @param status         the {@code SetFileRestoreStatus} the session reported; null if it reported none (PreRestore
 *                       failed, so VSS accepts no status)
 * @param restored       whether every file of it was written and no writer reported a failure
 * @param reason         why it was not restored, or null
 * @param writerFailure  the writer's failure at PreRestore or PostRestore, or null
 */
public record RestoreOutcome(ComponentRef component, FileRestoreStatus status, boolean restored, String reason,
        WriterFailure writerFailure) {
}
