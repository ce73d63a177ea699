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

    public WriterComponentData {
        partialFiles = List.copyOf(partialFiles);
        differencedFiles = List.copyOf(differencedFiles);
        failure = failure == null ? ComponentFailure.NONE : failure;
        directedTargets = List.copyOf(directedTargets);
    }

    public WriterComponentData withBackupStamp(String stamp) {
        return new WriterComponentData(stamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, directedTargets, restoreTarget,
                preRestoreFailureMsg, postRestoreFailureMsg);
    }

    public WriterComponentData withBackupMetadata(String metadata) {
        return new WriterComponentData(backupStamp, metadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, directedTargets, restoreTarget,
                preRestoreFailureMsg, postRestoreFailureMsg);
    }

    public WriterComponentData withRestoreMetadata(String metadata) {
        return new WriterComponentData(backupStamp, backupMetadata, metadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, directedTargets, restoreTarget,
                preRestoreFailureMsg, postRestoreFailureMsg);
    }

    public WriterComponentData withPartialFile(PartialFile f) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, plus(partialFiles, f),
                differencedFiles, prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, directedTargets,
                restoreTarget, preRestoreFailureMsg, postRestoreFailureMsg);
    }

    public WriterComponentData withDifferencedFile(DifferencedFile f) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles,
                plus(differencedFiles, f), prepareForBackupFailureMsg, postSnapshotFailureMsg, failure,
                directedTargets, restoreTarget, preRestoreFailureMsg, postRestoreFailureMsg);
    }

    public WriterComponentData withPrepareForBackupFailureMsg(String msg) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                msg, postSnapshotFailureMsg, failure, directedTargets, restoreTarget, preRestoreFailureMsg,
                postRestoreFailureMsg);
    }

    public WriterComponentData withPostSnapshotFailureMsg(String msg) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, msg, failure, directedTargets, restoreTarget, preRestoreFailureMsg,
                postRestoreFailureMsg);
    }

    public WriterComponentData withFailure(ComponentFailure f) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, f, directedTargets, restoreTarget,
                preRestoreFailureMsg, postRestoreFailureMsg);
    }

    public WriterComponentData withDirectedTarget(DirectedTarget t) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, plus(directedTargets, t), restoreTarget,
                preRestoreFailureMsg, postRestoreFailureMsg);
    }

    public WriterComponentData withRestoreTarget(RestoreTarget t) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, directedTargets, t,
                preRestoreFailureMsg, postRestoreFailureMsg);
    }

    public WriterComponentData withPreRestoreFailureMsg(String msg) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, directedTargets, restoreTarget, msg,
                postRestoreFailureMsg);
    }

    public WriterComponentData withPostRestoreFailureMsg(String msg) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure, directedTargets, restoreTarget,
                preRestoreFailureMsg, msg);
    }

    private static <T> List<T> plus(List<T> l, T t) {
        List<T> out = new ArrayList<>(l);
        out.add(t);
        return out;
    }
}
