package org.vss4j.sim.vss;

import java.util.List;
import java.util.UUID;
import org.vss4j.BackupType;
import org.vss4j.RestoreType;
import org.vss4j.sim.Volume;

/**
 * What a writer may ask VSS about the backup or restore in progress ({@code IVssWriterImpl}'s queries, vswriter.h),
 * answered from the requester's state, and the components of the writer it is asked for.
 */
public interface WriterSessionContext {

    /**
     * SetBackupState's backup type.
     *
     * @return the backup type, e.g. {@link BackupType#FULL}
     */
    BackupType backupType();

    /**
     * SetRestoreState's restore type.
     *
     * @return the restore type
     */
    RestoreType restoreType();

    /**
     * The {@code LONG} context of SetContext.
     *
     * @return the {@code VSS_CTX_*} value
     */
    int context();

    /**
     * SetBackupState's {@code bSelectComponents}.
     *
     * @return true if the requester selects components
     */
    boolean componentsSelected();

    /**
     * SetBackupState's {@code bBackupBootableSystemState}.
     *
     * @return true if the backup includes the bootable system state
     */
    boolean bootableSystemState();

    /**
     * SetBackupState's {@code bPartialFileSupport}.
     *
     * @return true if the requester supports partial files
     */
    boolean partialFileSupport();

    /**
     * The snapshot set in creation or created, or GUID_NULL.
     *
     * @return the snapshot set's id
     */
    UUID snapshotSetId();

    /**
     * The session's id, what {@code CVssWriterEx2::GetSessionId} reports.
     *
     * @return the id
     */
    UUID sessionId();

    /**
     * The volumes of the snapshot set, in the order they were added.
     *
     * @return the volumes, in the order added
     */
    List<Volume> volumes();

    /**
     * The device of the shadow copy of {@code volume} (any of its names), or null if it has none (yet).
     *
     * @param volume any name of a volume of the set
     * @return the device, or null
     */
    String snapshotDeviceName(String volume);

    /**
     * The components of writer instance {@code instanceId} in the Backup Components Document (live view).
     *
     * @param instanceId the writer instance's id
     * @param writer the writer asking
     * @return the writer's part of the document, changes to which the requester sees
     */
    DocumentComponents.WriterPart componentsOf(UUID instanceId, WriterParticipant writer);

    /**
     * The components of writer instance {@code instanceId} in the Backup Components Document, as the writer reads them
     * through {@code IVssComponent} at that moment (a copy: selection for restore, restore options, targets).
     *
     * @param instanceId the writer instance's id
     * @param writer the writer asking
     * @return the components, in document order
     */
    default List<org.vss4j.ComponentState> componentStatesOf(UUID instanceId, WriterParticipant writer) {
        return List.copyOf(componentsOf(instanceId, writer).components());
    }
}
