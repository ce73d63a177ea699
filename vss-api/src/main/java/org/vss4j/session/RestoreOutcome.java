package org.vss4j.session;

import org.vss4j.FileRestoreStatus;

/**
 * What happened to one component of the Backup Components Document: one selected for restore, or one the session
 * did not select (not backed up successfully, or not selectable for restore), which has no status.
 *
 * @param component      the component
 * @param status         the {@code SetFileRestoreStatus} the session reported; null if the component was not
 *                       selected for restore (see {@link #selected()})
 * @param restored       whether every file of it was written and its writer reported no failure: neither a writer
 *                       failure nor a PostRestore failure message for it
 *                       ({@code IVssComponent::GetPostRestoreFailureMsg}, read after PostRestore; then the status
 *                       stays the {@code VSS_RS_ALL} sent)
 * @param reason         why it was not restored (the first cause: a file set not copied or not written, then the
 *                       writer's PostRestore failure message, then its writer failure), or null
 * @param writerFailure  the writer's failure at PreRestore or PostRestore, or null
 * @param rebootRequired whether the machine must be restarted before the restored files are in use: files of the
 *                       component were written and its writer declared that a reboot is required after the restore
 *                       ({@code bRebootRequired}, Microsoft docs, "IVssCreateWriterMetadata::SetRestoreMethod"), or
 *                       files were scheduled for replacement at the next reboot
 */
public record RestoreOutcome(ComponentRef component, FileRestoreStatus status, boolean restored, String reason,
        WriterFailure writerFailure, boolean rebootRequired) {

    /** An outcome that needs no reboot. */
    public RestoreOutcome(ComponentRef component, FileRestoreStatus status, boolean restored, String reason,
            WriterFailure writerFailure) {
        this(component, status, restored, reason, writerFailure, false);
    }

    /** This outcome, with a reboot required. */
    RestoreOutcome withRebootRequired() {
        return new RestoreOutcome(component, status, restored, reason, writerFailure, true);
    }

    /** A component of the document the session did not select, with why. */
    static RestoreOutcome notSelected(ComponentRef component, String reason) {
        return new RestoreOutcome(component, null, false, reason, null);
    }

    /** Whether the component was selected for restore; one that was not has no status and is never restored. */
    public boolean selected() {
        return status != null;
    }
}
