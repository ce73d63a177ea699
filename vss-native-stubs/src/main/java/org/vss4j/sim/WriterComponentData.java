package org.vss4j.sim;

import java.util.ArrayList;
import java.util.List;
import org.vss4j.ComponentFailure;
import org.vss4j.DifferencedFile;
import org.vss4j.DirectedTarget;
import org.vss4j.PartialFile;
import org.vss4j.RestoreTarget;

/**
 * What a writer records in one component of the Backup Components Document, through the {@code IVssComponent} it
 * receives in its handlers: at backup {@code SetBackupStamp}, {@code SetBackupMetadata}, {@code AddPartialFile},
 * {@code AddDifferencedFilesByLastModifyTime}/{@code ...LSN}, {@code SetPrepareForBackupFailureMsg},
 * {@code SetPostSnapshotFailureMsg}, {@code SetFailure}; at restore {@code SetRestoreMetadata},
 * {@code AddDirectedTarget}, {@code SetRestoreTarget}, {@code SetPreRestoreFailureMsg},
 * {@code SetPostRestoreFailureMsg}. The requester reads it back with {@code GetWriterComponents}.
 *
 * @param restoreTarget null until the writer sets one (the requester then reads the default, {@code VSS_RT_ORIGINAL})
 */
public record WriterComponentData(String backupStamp, String backupMetadata, String restoreMetadata,
        List<PartialFile> partialFiles, List<DifferencedFile> differencedFiles, String prepareForBackupFailureMsg,
        String postSnapshotFailureMsg, ComponentFailure failure, List<DirectedTarget> directedTargets,
        RestoreTarget restoreTarget, String preRestoreFailureMsg, String postRestoreFailureMsg) {

    /** Nothing recorded. */
    public static final WriterComponentData NONE = new WriterComponentData(null, null, null, List.of(), List.of(),
            null, null, ComponentFailure.NONE, List.of(), null, null, null);

    /**
     * What a writer recorded; the lists are copied and a null failure is {@link ComponentFailure#NONE}.
     *
     * @param backupStamp {@code SetBackupStamp}'s stamp, or null
     * @param backupMetadata {@code SetBackupMetadata}'s data, or null
     * @param restoreMetadata {@code SetRestoreMetadata}'s data, or null
     * @param partialFiles the files added by {@code AddPartialFile}
     * @param differencedFiles the files added by {@code AddDifferencedFilesByLastModifyTime} or {@code ...LSN}
     * @param prepareForBackupFailureMsg {@code SetPrepareForBackupFailureMsg}'s message, or null
     * @param postSnapshotFailureMsg {@code SetPostSnapshotFailureMsg}'s message, or null
     * @param failure the failure {@code SetFailure} set, or null for none
     * @param directedTargets the targets added by {@code AddDirectedTarget}
     * @param restoreTarget null until the writer sets one (the requester then reads the default,
     *                      {@code VSS_RT_ORIGINAL})
     * @param preRestoreFailureMsg {@code SetPreRestoreFailureMsg}'s message, or null
     * @param postRestoreFailureMsg {@code SetPostRestoreFailureMsg}'s message, or null
     */
    public WriterComponentData {
        partialFiles = List.copyOf(partialFiles);
        differencedFiles = List.copyOf(differencedFiles);
        failure = failure == null ? ComponentFailure.NONE : failure;
        directedTargets = List.copyOf(directedTargets);
    }

    /**
     * What {@code SetBackupStamp(stamp)} records.
     *
     * @param stamp the backup stamp
     * @return a copy with the stamp
     */
    public WriterComponentData withBackupStamp(String stamp) {
        return new WriterComponentData(stamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, directedTargets, restoreTarget,
                preRestoreFailureMsg, postRestoreFailureMsg);
    }

    /**
     * What {@code SetBackupMetadata(metadata)} records.
     *
     * @param metadata the backup metadata
     * @return a copy with the metadata
     */
    public WriterComponentData withBackupMetadata(String metadata) {
        return new WriterComponentData(backupStamp, metadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, directedTargets, restoreTarget,
                preRestoreFailureMsg, postRestoreFailureMsg);
    }

    /**
     * What {@code SetRestoreMetadata(metadata)} records.
     *
     * @param metadata the restore metadata
     * @return a copy with the metadata
     */
    public WriterComponentData withRestoreMetadata(String metadata) {
        return new WriterComponentData(backupStamp, backupMetadata, metadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, directedTargets, restoreTarget,
                preRestoreFailureMsg, postRestoreFailureMsg);
    }

    /**
     * What {@code AddPartialFile} records.
     *
     * @param f the partial file
     * @return a copy with {@code f} after the partial files recorded before
     */
    public WriterComponentData withPartialFile(PartialFile f) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, plus(partialFiles, f),
                differencedFiles, prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, directedTargets,
                restoreTarget, preRestoreFailureMsg, postRestoreFailureMsg);
    }

    /**
     * What {@code AddDifferencedFilesByLastModifyTime} or {@code AddDifferencedFilesByLastModifyLSN} records.
     *
     * @param f the differenced files
     * @return a copy with {@code f} after the differenced files recorded before
     */
    public WriterComponentData withDifferencedFile(DifferencedFile f) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles,
                plus(differencedFiles, f), prepareForBackupFailureMsg, postSnapshotFailureMsg, failure,
                directedTargets, restoreTarget, preRestoreFailureMsg, postRestoreFailureMsg);
    }

    /**
     * What {@code SetPrepareForBackupFailureMsg(msg)} records.
     *
     * @param msg the message
     * @return a copy with the message
     */
    public WriterComponentData withPrepareForBackupFailureMsg(String msg) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                msg, postSnapshotFailureMsg, failure, directedTargets, restoreTarget, preRestoreFailureMsg,
                postRestoreFailureMsg);
    }

    /**
     * What {@code SetPostSnapshotFailureMsg(msg)} records.
     *
     * @param msg the message
     * @return a copy with the message
     */
    public WriterComponentData withPostSnapshotFailureMsg(String msg) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, msg, failure, directedTargets, restoreTarget, preRestoreFailureMsg,
                postRestoreFailureMsg);
    }

    /**
     * What {@code SetFailure} records.
     *
     * @param f the failure
     * @return a copy with the failure
     */
    public WriterComponentData withFailure(ComponentFailure f) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, f, directedTargets, restoreTarget,
                preRestoreFailureMsg, postRestoreFailureMsg);
    }

    /**
     * What {@code AddDirectedTarget} records.
     *
     * @param t the directed target
     * @return a copy with {@code t} after the directed targets recorded before
     */
    public WriterComponentData withDirectedTarget(DirectedTarget t) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, plus(directedTargets, t), restoreTarget,
                preRestoreFailureMsg, postRestoreFailureMsg);
    }

    /**
     * What {@code SetRestoreTarget} records.
     *
     * @param t the restore target
     * @return a copy with the restore target
     */
    public WriterComponentData withRestoreTarget(RestoreTarget t) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, directedTargets, t,
                preRestoreFailureMsg, postRestoreFailureMsg);
    }

    /**
     * What {@code SetPreRestoreFailureMsg(msg)} records.
     *
     * @param msg the message
     * @return a copy with the message
     */
    public WriterComponentData withPreRestoreFailureMsg(String msg) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, directedTargets, restoreTarget, msg,
                postRestoreFailureMsg);
    }

    /**
     * What {@code SetPostRestoreFailureMsg(msg)} records.
     *
     * @param msg the message
     * @return a copy with the message
     */
    public WriterComponentData withPostRestoreFailureMsg(String msg) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, directedTargets, restoreTarget,
                preRestoreFailureMsg, msg);
    }

    /**
     * This data less what a writer sets at restore (restore metadata, directed targets, restore target, restore failure
     * messages): what is left of a finished restore when the next one starts.
     *
     * @return a copy with the restore fields as in {@link #NONE}
     */
    public WriterComponentData withoutRestoreFields() {
        return new WriterComponentData(backupStamp, backupMetadata, null, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, List.of(), null, null, null);
    }

    private static <T> List<T> plus(List<T> l, T t) {
        List<T> out = new ArrayList<>(l);
        out.add(t);
        return out;
    }
}
