package org.vss4j.sim;

import java.util.ArrayList;
import java.util.List;
import org.vss4j.ComponentFailure;
import org.vss4j.DifferencedFile;
import org.vss4j.PartialFile;

/**
 * What a writer records in one component of the Backup Components Document during a backup, through the
 * {@code IVssComponent} it receives in {@code OnPrepareBackup}/{@code OnPostSnapshot}: {@code SetBackupStamp},
 * {@code SetBackupMetadata}, {@code SetRestoreMetadata}, {@code AddPartialFile},
 * {@code AddDifferencedFilesByLastModifyTime}/{@code ...LSN}, {@code SetPrepareForBackupFailureMsg},
 * {@code SetPostSnapshotFailureMsg} and {@code SetFailure}. The requester reads it back with
 * {@code GetWriterComponents}.
 */
public record WriterComponentData(String backupStamp, String backupMetadata, String restoreMetadata,
        List<PartialFile> partialFiles, List<DifferencedFile> differencedFiles, String prepareForBackupFailureMsg,
        String postSnapshotFailureMsg, ComponentFailure failure) {

    /** Nothing recorded. */
    public static final WriterComponentData NONE = new WriterComponentData(null, null, null, List.of(), List.of(),
            null, null, ComponentFailure.NONE);

    public WriterComponentData {
        partialFiles = List.copyOf(partialFiles);
        differencedFiles = List.copyOf(differencedFiles);
        failure = failure == null ? ComponentFailure.NONE : failure;
    }

    public WriterComponentData withBackupStamp(String stamp) {
        return new WriterComponentData(stamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure);
    }

    public WriterComponentData withBackupMetadata(String metadata) {
        return new WriterComponentData(backupStamp, metadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure);
    }

    public WriterComponentData withRestoreMetadata(String metadata) {
        return new WriterComponentData(backupStamp, backupMetadata, metadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, failure);
    }

    public WriterComponentData withPartialFile(PartialFile f) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, plus(partialFiles, f),
                differencedFiles, prepareForBackupFailureMsg, postSnapshotFailureMsg, failure);
    }

    public WriterComponentData withDifferencedFile(DifferencedFile f) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles,
                plus(differencedFiles, f), prepareForBackupFailureMsg, postSnapshotFailureMsg, failure);
    }

    public WriterComponentData withPrepareForBackupFailureMsg(String msg) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                msg, postSnapshotFailureMsg, failure);
    }

    public WriterComponentData withPostSnapshotFailureMsg(String msg) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, msg, failure);
    }

    public WriterComponentData withFailure(ComponentFailure f) {
        return new WriterComponentData(backupStamp, backupMetadata, restoreMetadata, partialFiles, differencedFiles,
                prepareForBackupFailureMsg, postSnapshotFailureMsg, f);
    }

    private static <T> List<T> plus(List<T> l, T t) {
        List<T> out = new ArrayList<>(l);
        out.add(t);
        return out;
    }
}
