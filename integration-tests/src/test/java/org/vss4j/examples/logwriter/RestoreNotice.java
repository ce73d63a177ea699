package org.vss4j.examples.logwriter;

import org.vss4j.FileRestoreStatus;

/**
 * What the log writer read of one of its components when a restore event arrived.
 *
 * @param event              PreRestore or PostRestore
 * @param component          the component's name
 * @param selectedForRestore {@code IVssComponent::IsSelectedForRestore}
 * @param status             {@code IVssComponent::GetFileRestoreStatus} at PostRestore; null at PreRestore (the
 *                           requester sets it after PreRestore)
 * @param log                the log file on disk then
 */
public record RestoreNotice(Event event, String component, boolean selectedForRestore, FileRestoreStatus status,
        LogCheck log) {

    /** The writer event. */
    public enum Event {
        PRE_RESTORE,
        POST_RESTORE
    }
}
