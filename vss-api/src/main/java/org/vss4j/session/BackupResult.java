package org.vss4j.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vss4j.BackupType;

/**
 * What a completed backup session returns for storage on the backup media (Microsoft docs,
 * "Overview of Actual Backup Of Files" and "VSS Backup State").
 *
 * @param backupComponentsDocument the Backup Components Document ({@code SaveAsXML}, after DoSnapshotSet completed), or
 *                                 null if {@code SaveAsXML} failed (then in {@code postCompleteFailures})
 * @param writerMetadataDocuments  every writer's Writer Metadata Document
 * @param state                    the backup state given to {@code SetBackupState}
 * @param snapshotSetId            the shadow copy set
 * @param snapshotTime             when the shadow copies were taken (the session clock's time after DoSnapshotSet)
 * @param files                    every file of the backup: writer, component, original path, saved or why not
 * @param components               every component added to the document, with its result and backup stamp
 * @param writerFailures           writers that reported a failure at BackupComplete (the data was already saved)
 * @param skippedWriters           writers left out: they failed Identify or their metadata could not be read; none
 *                                 of them was selected
 * @param postCompleteFailures     steps that failed after BackupComplete was called (no abort followed: the writers
 *                                 had been told the backup ended)
 * @param excluded                 the files on the selected paths left out on purpose, each with its reason (writer
 *                                 exclusions, unchanged differenced files); not failures
 */
public record BackupResult(String backupComponentsDocument, List<WriterDocument> writerMetadataDocuments,
        BackupState state, UUID snapshotSetId, Instant snapshotTime, List<FileRecord> files,
        List<ComponentOutcome> components, List<WriterFailure> writerFailures, List<SkippedWriter> skippedWriters,
        List<PostCompleteFailure> postCompleteFailures, List<ExcludedFile> excluded) {

    public BackupResult {
        writerMetadataDocuments = List.copyOf(writerMetadataDocuments);
        // The session's own list is read-only and makes each record when read: a copy would hold one per file.
        files = files instanceof FileRecordList ? files : List.copyOf(files);
        components = List.copyOf(components);
        writerFailures = List.copyOf(writerFailures);
        skippedWriters = List.copyOf(skippedWriters);
        postCompleteFailures = List.copyOf(postCompleteFailures);
        excluded = List.copyOf(excluded);
    }

    /**
     * Whether every file was saved, no writer failed and every step after BackupComplete succeeded (a skipped writer
     * that nobody selected does not count).
     */
    public boolean succeeded() {
        return files.stream().allMatch(FileRecord::saved) && writerFailures.isEmpty()
                && postCompleteFailures.isEmpty();
    }

    /** The files that were not saved, by the component added to the document that covers them (null key: none). */
    public Map<ComponentRef, List<FileRecord>> failedFilesByComponent() {
        Map<ComponentRef, List<FileRecord>> out = new LinkedHashMap<>();
        for (FileRecord f : files) {
            if (!f.saved()) {
                out.computeIfAbsent(f.addedComponent(), k -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }

    /**
     * This backup as the basis of a later incremental or differential one.
     *
     * @throws IllegalStateException for a copy or log backup, which do not start a backup history
     *                               (Microsoft docs, "VSS Backup State")
     */
    public PreviousBackup asPrevious() {
        if (state.type() != BackupType.FULL && state.type() != BackupType.INCREMENTAL
                && state.type() != BackupType.DIFFERENTIAL) {
            throw new IllegalStateException("a " + state.type().nativeName()
                    + " backup leaves the backup history alone and cannot be the basis of another backup");
        }
        List<ComponentStamp> stamps = components.stream().filter(c -> c.backupStamp() != null)
                .map(c -> new ComponentStamp(c.component().writer().writerId(), c.component().logicalPath(),
                        c.component().name(), c.backupStamp()))
                .toList();
        return new PreviousBackup(state.type(), snapshotTime, stamps);
    }
}
