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
 * @param backupComponentsDocument the Backup Components Document ({@code SaveAsXML}, after DoSnapshotSet completed)
 * @param writerMetadataDocuments  every writer's Writer Metadata Document
 * @param state                    the backup state given to {@code SetBackupState}
 * @param snapshotSetId            the shadow copy set
 * @param snapshotTime             when the shadow copies were taken (the session clock's time after DoSnapshotSet)
 * @param files                    every file of the backup: writer, component, original path, saved or why not
 * @param components               every component added to the document, with its result and backup stamp
 * @param writerFailures           writers that reported a failure at BackupComplete (the data was already saved)
 * @param excluded                 the files on the selected paths left out on purpose, each with its reason (writer
 *                                 exclusions, unchanged differenced files); not failures
 */
public record BackupResult(String backupComponentsDocument, List<WriterDocument> writerMetadataDocuments,
        BackupState state, UUID snapshotSetId, Instant snapshotTime, List<FileRecord> files,
        List<ComponentOutcome> components, List<WriterFailure> writerFailures, List<ExcludedFile> excluded) {

    public BackupResult {
        writerMetadataDocuments = List.copyOf(writerMetadataDocuments);
        files = List.copyOf(files);
        components = List.copyOf(components);
        writerFailures = List.copyOf(writerFailures);
        excluded = List.copyOf(excluded);
    }

    /** A result with no excluded files. */
    public BackupResult(String backupComponentsDocument, List<WriterDocument> writerMetadataDocuments,
            BackupState state, UUID snapshotSetId, Instant snapshotTime, List<FileRecord> files,
            List<ComponentOutcome> components, List<WriterFailure> writerFailures) {
        this(backupComponentsDocument, writerMetadataDocuments, state, snapshotSetId, snapshotTime, files, components,
                writerFailures, List.of());
    }

    /** Whether every file was saved and no writer failed. */
    public boolean succeeded() {
        return files.stream().allMatch(FileRecord::saved) && writerFailures.isEmpty();
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
