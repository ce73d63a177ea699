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

    BackupType backupType();

    RestoreType restoreType();

    /** The {@code LONG} context of SetContext. */
    int context();

    /** SetBackupState's {@code bSelectComponents}. */
    boolean componentsSelected();

    boolean bootableSystemState();

    boolean partialFileSupport();

    /** The snapshot set in creation or created, or GUID_NULL. */
    UUID snapshotSetId();

    UUID sessionId();

    /** The volumes of the snapshot set, in the order they were added. */
    List<Volume> volumes();

    /** The device of the shadow copy of {@code volume} (any of its names), or null if it has none (yet). */
    String snapshotDeviceName(String volume);

    /** The components of writer instance {@code instanceId} in the Backup Components Document (live view). */
    DocumentComponents.WriterPart componentsOf(UUID instanceId, WriterParticipant writer);
}
