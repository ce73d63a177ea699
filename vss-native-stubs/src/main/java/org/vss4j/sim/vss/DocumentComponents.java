package org.vss4j.sim.vss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vss4j.ComponentState;
import org.vss4j.FileSet;
import org.vss4j.RestoreSubcomponent;
import org.vss4j.RestoreTarget;
import org.vss4j.RollForward;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.WriterComponentData;

/**
 * The Backup Components Document grouped by writer, as {@code GetWriterComponentsCount}/{@code GetWriterComponents}
 * present it: one {@link WriterPart} per writer instance with components in the document, in the order the requester
 * added them. Each component joins what the requester set ({@code AddComponent}, {@code SetBackupSucceeded},
 * {@code SetBackupOptions}, {@code SetPreviousBackupStamp}) with what the writer recorded during the backup
 * ({@link WriterParticipant#recorded}).
 */
final class DocumentComponents {

    /** One writer's components. */
    record WriterPart(UUID instanceId, UUID writerId, List<ComponentState> components) {
    }

    /**
     * Restore fields before any restore: Microsoft IVssComponent docs give {@code VSS_RT_ORIGINAL} as the restore
     * target when none was set.
     */
    private static final RestoreTarget DEFAULT_RESTORE_TARGET = RestoreTarget.ORIGINAL;

    private DocumentComponents() {
    }

    /**
     * One writer instance's components, in document order (empty if it has none): those it backed up, and in a
     * restore those the requester gave it with {@code SetSelectedForRestoreEx} (Microsoft docs,
     * "IVssBackupComponentsEx::SetSelectedForRestoreEx": the component is restored by that instance), less those
     * given so to another instance.
     */
    static WriterPart partOf(BackupDocument document, UUID instanceId, WriterParticipant writer) {
        List<ComponentState> states = new ArrayList<>();
        UUID writerId = writer.metadata().writerClassId();
        for (BackupDocument.Component c : document.components) {
            UUID owner = c.restoreInstanceId != null ? c.restoreInstanceId : c.instanceId;
            if (owner.equals(instanceId)) {
                states.add(state(c, recorded(document, c, writer)));
                writerId = c.writerId;
            }
        }
        return new WriterPart(instanceId, writerId, states);
    }

    static List<WriterPart> of(BackupDocument document, List<? extends WriterParticipant> writers) {
        Map<UUID, List<BackupDocument.Component>> byInstance = new LinkedHashMap<>();
        for (BackupDocument.Component c : document.components) {
            // A component given to another instance with SetSelectedForRestoreEx is that instance's, for the
            // requester as for the writers (partOf): what that instance records at PreRestore is what it reads back.
            UUID owner = c.restoreInstanceId != null ? c.restoreInstanceId : c.instanceId;
            byInstance.computeIfAbsent(owner, k -> new ArrayList<>()).add(c);
        }
        List<WriterPart> parts = new ArrayList<>();
        for (Map.Entry<UUID, List<BackupDocument.Component>> e : byInstance.entrySet()) {
            WriterParticipant writer = writers.stream()
                    .filter(w -> w.metadata().instanceId().equals(e.getKey())).findFirst().orElse(null);
            List<ComponentState> states = new ArrayList<>();
            for (BackupDocument.Component c : e.getValue()) {
                states.add(state(c, recorded(document, c, writer)));
            }
            parts.add(new WriterPart(e.getKey(), e.getValue().get(0).writerId, states));
        }
        return parts;
    }

    /**
     * What the writer recorded for {@code c}: live while the backup runs; for a stored document read back, the backup
     * stamp and metadata it was saved with (the writer's live record belongs to whatever backup it took part in last).
     */
    private static WriterComponentData recorded(BackupDocument document, BackupDocument.Component c,
            WriterParticipant writer) {
        WriterComponentData live = writer == null ? WriterComponentData.NONE : writer.recorded(c.logicalPath, c.name);
        if (!document.loaded) {
            return live;
        }
        return live.withBackupStamp(c.savedBackupStamp).withBackupMetadata(c.savedBackupMetadata);
    }

    /**
     * A component without a logical path reads as a NULL BSTR, as it was passed to AddComponent. The restore fields
     * are those the requester set in a restore (SetSelectedForRestore, SetRestoreOptions, ...) and those the writer
     * set (restore target, directed targets, restore failure messages). Authoritative restore, roll-forward and restore
     * name are the requester's IVssBackupComponentsEx2 settings, read by the writer through IVssComponentEx.
     */
    private static ComponentState state(BackupDocument.Component c, WriterComponentData w) {
        return new ComponentState(c.logicalPath.isEmpty() ? null : c.logicalPath, c.type, c.name, c.backupSucceeded,
                fileSets(c.alternativeLocationMappings), w.backupMetadata(), w.partialFiles(), c.selectedForRestore,
                c.additionalRestores, fileSets(c.newTargets), w.directedTargets(), w.restoreMetadata(),
                w.restoreTarget() == null ? DEFAULT_RESTORE_TARGET : w.restoreTarget(), w.preRestoreFailureMsg(),
                w.postRestoreFailureMsg(), w.backupStamp(), c.previousBackupStamp, c.backupOptions, c.restoreOptions,
                c.restoreSubcomponents.stream()
                        .map(r -> new RestoreSubcomponent(r.logicalPath(), r.name(), r.repair())).toList(),
                c.fileRestoreStatus, w.differencedFiles(), w.prepareForBackupFailureMsg(), w.postSnapshotFailureMsg(),
                c.authoritativeRestore, new RollForward(c.rollForwardType, c.rollForwardPoint), c.restoreName,
                w.failure());
    }

    /**
     * Alternative location mappings and new targets as the file descriptors IVssComponent hands out: the destination
     * is the alternate location; the backup-type mask is the SDK default of file sets ({@link FileSpec#DEFAULT_MASK}).
     */
    private static List<FileSet> fileSets(List<BackupDocument.FileMapping> mappings) {
        return mappings.stream().map(m -> new FileSet(m.path(), m.filespec(), m.recursive(), m.destination(),
                FileSpec.DEFAULT_MASK)).toList();
    }
}
