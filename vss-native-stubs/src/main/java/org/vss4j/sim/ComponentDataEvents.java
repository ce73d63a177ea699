package org.vss4j.sim;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * At which events a writer may set each field of {@link WriterComponentData}: the {@code IVssComponent} setters
 * Windows accepts only in some handlers. A scripted edit ({@link SimulatedWriter#recordsAt}) that sets a field at
 * another event is refused when the event applies it, as the setter would fail there on Windows.
 *
 * <ul>
 * <li>Backup data ({@code SetBackupStamp}, {@code SetBackupMetadata}, {@code AddPartialFile},
 * {@code AddDifferencedFilesByLastModifyTime}/{@code ...LSN}, {@code SetPrepareForBackupFailureMsg},
 * {@code SetPostSnapshotFailureMsg}): the backup events in which a writer may write to the Backup Components Document,
 * PrepareForBackup and PostSnapshot (Microsoft docs, "Overview of Actual Backup Of Files").</li>
 * <li>{@code SetRestoreMetadata}: PreRestore only (Microsoft docs, "IVssComponent::SetRestoreMetadata": "only in the
 * context of implementing CVssWriter::OnPreRestore", VSS_E_BAD_STATE otherwise).</li>
 * <li>{@code SetRestoreTarget}, {@code AddDirectedTarget}: during a restore (Microsoft docs,
 * "IVssComponent::SetRestoreTarget": "only during a restore operation"; "IVssComponent::AddDirectedTarget"), so at
 * PreRestore or PostRestore; a requester reads them after PreRestore ("Overview of Preparing for Restore").</li>
 * <li>{@code SetPreRestoreFailureMsg}, {@code SetPostRestoreFailureMsg}: during a restore, so at PreRestore or
 * PostRestore, either of them (Microsoft docs, "IVssComponent::SetPreRestoreFailureMsg" and
 * "IVssComponent::SetPostRestoreFailureMsg": "Only a writer can call this method, and only during a restore
 * operation"; neither names the event).</li>
 * <li>{@code IVssComponentEx2::SetFailure}: at any of these events.</li>
 * </ul>
 */
final class ComponentDataEvents {

    private static final Set<WriterEvent> BACKUP = EnumSet.of(WriterEvent.PREPARE_FOR_BACKUP,
            WriterEvent.POST_SNAPSHOT);
    private static final Set<WriterEvent> RESTORE = EnumSet.of(WriterEvent.PRE_RESTORE, WriterEvent.POST_RESTORE);
    /** The events at which a writer holds the document's components and may record into them. */
    static final Set<WriterEvent> RECORDING = EnumSet.of(WriterEvent.PREPARE_FOR_BACKUP, WriterEvent.POST_SNAPSHOT,
            WriterEvent.PRE_RESTORE, WriterEvent.POST_RESTORE);

    /** One field: the setter that records it, how to read it, and where it may be set. */
    private record Field(String setter, Function<WriterComponentData, Object> value, Set<WriterEvent> allowed) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("SetBackupStamp", WriterComponentData::backupStamp, BACKUP),
            new Field("SetBackupMetadata", WriterComponentData::backupMetadata, BACKUP),
            new Field("AddPartialFile", WriterComponentData::partialFiles, BACKUP),
            new Field("AddDifferencedFilesByLastModifyTime/LSN", WriterComponentData::differencedFiles, BACKUP),
            new Field("SetPrepareForBackupFailureMsg", WriterComponentData::prepareForBackupFailureMsg, BACKUP),
            new Field("SetPostSnapshotFailureMsg", WriterComponentData::postSnapshotFailureMsg, BACKUP),
            new Field("SetRestoreMetadata", WriterComponentData::restoreMetadata,
                    EnumSet.of(WriterEvent.PRE_RESTORE)),
            new Field("SetRestoreTarget", WriterComponentData::restoreTarget, RESTORE),
            new Field("AddDirectedTarget", WriterComponentData::directedTargets, RESTORE),
            new Field("SetPreRestoreFailureMsg", WriterComponentData::preRestoreFailureMsg, RESTORE),
            new Field("SetPostRestoreFailureMsg", WriterComponentData::postRestoreFailureMsg, RESTORE),
            new Field("SetFailure", WriterComponentData::failure, RECORDING));

    private ComponentDataEvents() {
    }

    /**
     * Checks that a writer may record component data at {@code event} at all.
     *
     * @throws IllegalArgumentException for an event in which a writer holds no components, naming those it does
     */
    static void checkEvent(WriterEvent event) {
        if (!RECORDING.contains(event)) {
            throw new IllegalArgumentException("a writer records component data at " + RECORDING + ", not " + event);
        }
    }

    /**
     * Checks that going from {@code before} to {@code after} at {@code event} changes only fields a writer may set at
     * that event. Checked when the edit is applied, on the data it is applied to: an edit may depend on its input or
     * count its calls, so it is never run for the check alone.
     *
     * @throws IllegalArgumentException naming the first field set at the wrong event and where it may be set
     */
    static void check(WriterEvent event, WriterComponentData before, WriterComponentData after) {
        for (Field f : FIELDS) {
            if (!f.allowed().contains(event) && !Objects.equals(f.value().apply(after), f.value().apply(before))) {
                throw new IllegalArgumentException("IVssComponent " + f.setter() + " is refused at " + event
                        + " (VSS_E_BAD_STATE on Windows); record it at " + f.allowed());
            }
        }
    }
}
