package org.vss4j;

import java.util.List;

/**
 * A writer's whole Writer Metadata Document, as {@link ExamineWriterMetadata#read()} reads it in one call.
 *
 * @param identity                  ids, name, usage and source type ({@code GetIdentity})
 * @param instanceName              the writer instance name ({@code IVssExamineWriterMetadataEx::GetIdentityEx})
 * @param includeFiles              {@code GetIncludeFile}: empty on current Windows ({@code AddIncludeFiles} is
 *                                  reserved)
 * @param excludeFiles              {@code GetExcludeFile}: files the writer excludes from backup
 * @param components                {@code GetComponent}: every component, read whole
 * @param restoreMethod             {@code GetRestoreMethod}
 * @param alternateLocationMappings {@code GetAlternateLocationMapping}
 * @param backupSchema              {@code GetBackupSchema}
 * @param version                   {@code IVssExamineWriterMetadataEx2::GetVersion}
 * @param excludeFromSnapshot       {@code IVssExamineWriterMetadataEx2::GetExcludeFromSnapshotFile}: files to leave out
 *                                  of the shadow copy itself
 */
public record WriterMetadata(WriterIdentity identity, String instanceName, List<FileSet> includeFiles,
        List<FileSet> excludeFiles, List<WriterComponentInfo> components, WriterRestoreMethod restoreMethod,
        List<FileSet> alternateLocationMappings, WriterBackupSchema backupSchema, WriterVersion version,
        List<FileSet> excludeFromSnapshot) {

    public WriterMetadata {
        includeFiles = List.copyOf(includeFiles);
        excludeFiles = List.copyOf(excludeFiles);
        components = List.copyOf(components);
        alternateLocationMappings = List.copyOf(alternateLocationMappings);
        excludeFromSnapshot = List.copyOf(excludeFromSnapshot);
    }
}
