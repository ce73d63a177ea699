package org.vss4j.sim;

import java.util.List;
import java.util.UUID;
import org.vss4j.RestoreMethod;
import org.vss4j.SourceType;
import org.vss4j.UsageType;
import org.vss4j.WriterRestore;
import org.vss4j.WriterVersion;

/**
 * What a Writer Metadata Document holds: identity, usage and source type, components, excluded files, alternate
 * location mappings, the restore method (null when the writer declares none, as Windows' Shadow Copy Optimization and
 * BITS writers do), the backup schema mask ({@link org.vss4j.BackupSchema}), the writer version and the files excluded
 * from the snapshot ({@code IVssExamineWriterMetadataEx2}).
 */
public record SimulatedWriterMetadata(UUID instanceId, UUID writerClassId, String writerName, String instanceName,
        UsageType usage, SourceType source, List<WriterComponent> components, List<FileSpec> excludes,
        List<FileSpec> alternateLocationMappings, Restore restore, int backupSchema, WriterVersion version,
        List<FileSpec> excludeFromSnapshot) {

    /** The version a writer reports when it sets none. */
    public static final WriterVersion DEFAULT_VERSION = new WriterVersion(1, 0);

    /** The restore method of {@code GetRestoreMethod}. */
    public record Restore(RestoreMethod method, String service, String userProcedure, WriterRestore writerRestore,
            boolean rebootRequired) {

        /** {@code VSS_RME_RESTORE_IF_CAN_REPLACE}, no service, no user procedure, never a writer restore, no reboot. */
        public static final Restore DEFAULT = new Restore(RestoreMethod.RESTORE_IF_CAN_REPLACE, null, null,
                WriterRestore.NEVER, false);
    }

    /**
     * A writer's metadata; the lists are copied and a null version is {@link #DEFAULT_VERSION}.
     *
     * @param instanceId the writer instance's id
     * @param writerClassId the writer's class id
     * @param writerName the writer's name
     * @param instanceName the writer instance's name, {@code ""} if it has none
     * @param usage the usage type
     * @param source the data source type
     * @param components the components, in the order the writer adds them
     * @param excludes the files excluded from backup ({@code AddExcludeFiles})
     * @param alternateLocationMappings the alternate location mappings
     * @param restore the restore method, or null if the writer declares none
     * @param backupSchema the {@code VSS_BACKUP_SCHEMA} mask
     * @param version the writer's version, or null for {@link #DEFAULT_VERSION}
     * @param excludeFromSnapshot the files the shadow copy leaves out ({@code AddExcludeFilesFromSnapshot})
     */
    public SimulatedWriterMetadata {
        components = List.copyOf(components);
        excludes = List.copyOf(excludes);
        alternateLocationMappings = List.copyOf(alternateLocationMappings);
        version = version == null ? DEFAULT_VERSION : version;
        excludeFromSnapshot = List.copyOf(excludeFromSnapshot);
    }

    /**
     * The other components under {@code root}'s logical path: with {@code root}, its component set.
     *
     * @param root a component of this writer
     * @return the components below it, in declaration order
     */
    public List<WriterComponent> subcomponentsOf(WriterComponent root) {
        return components.stream().filter(c -> c != root && root.contains(c)).toList();
    }

    /**
     * The component declared with {@code logicalPath} (null or empty for none) and {@code name}, or null.
     *
     * @param logicalPath the logical path, null or {@code ""} at the root
     * @param name the component's name
     * @return the component, or null if the writer declares none of that path and name
     */
    public WriterComponent component(String logicalPath, String name) {
        String path = logicalPath == null ? "" : logicalPath;
        return components.stream().filter(c -> c.logicalPath().equals(path) && c.name().equals(name)).findFirst()
                .orElse(null);
    }
}
