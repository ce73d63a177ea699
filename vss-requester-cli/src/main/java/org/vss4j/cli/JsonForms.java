package org.vss4j.cli;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vss4j.ComponentDependency;
import org.vss4j.FileSet;
import org.vss4j.NativeEnum;
import org.vss4j.ProviderProperties;
import org.vss4j.SnapshotProperties;
import org.vss4j.VssHresult;
import org.vss4j.WriterComponentInfo;
import org.vss4j.WriterBackupSchema;
import org.vss4j.WriterIdentity;
import org.vss4j.WriterRestoreMethod;
import org.vss4j.WriterStatus;

/**
 * What {@code --json} prints, built field by field from the binding's records so that nothing else leaks into it. Values
 * have the names the text output shows (the Windows headers' names: {@code VSS_UT_USERDATA}, {@code VSS_WS_STABLE});
 * a number that stands for something has its name next to it: an HRESULT its name ({@code failureHresultName}), a
 * mask its bits ({@code attributes} next to {@code attributeMask}). GUIDs are written without braces; every command
 * takes them with or without ({@link GuidArgument}).
 */
final class JsonForms {

    private JsonForms() {
    }

    /**
     * A shadow copy, in the same form in {@code snapshot create} and {@code snapshot list}: {@code volumeName} is the
     * name the volume was given by ({@code create}) or its drive letter ({@code list}; null when it has none),
     * {@code rootEntries} what {@code create --list} listed (else null), {@code hostPath} on the simulator the host
     * directory an exposed shadow copy is read through (null on Windows, where the exposed name itself is that path).
     * {@code exposedName}/{@code exposedPath} are VSS's (VSS_SNAPSHOT_PROP's m_pwszExposedName, m_pwszExposedPath).
     */
    record Snapshot(UUID snapshotId, UUID snapshotSetId, int snapshotsCount, String volumeName,
            String originalVolumeName, String deviceObject, String exposedName, String exposedPath, String hostPath,
            String originatingMachine, String serviceMachine, UUID providerId, Instant creationTime, String state,
            List<String> attributes, int attributeMask, boolean persistent, List<String> rootEntries) {

        /** {@code p} as {@code snapshot list} shows it, {@code volumeName} its drive letter or null. */
        static Snapshot of(SnapshotProperties p, String volumeName, String hostPath) {
            return of(p, volumeName, null, hostPath);
        }

        /** {@code p} as {@code snapshot create} made it of the volume named {@code volumeName}. */
        static Snapshot of(SnapshotProperties p, String volumeName, List<String> rootEntries, String hostPath) {
            return new Snapshot(p.snapshotId(), p.snapshotSetId(), p.snapshotsCount(), volumeName,
                    p.originalVolumeName(), p.deviceObject(), p.exposedName(), p.exposedPath(), hostPath,
                    p.originatingMachine(), p.serviceMachine(), p.providerId(), p.creationTime(),
                    p.state().nativeName(), names(p.attributes()), p.attributeMask(), p.isPersistent(), rootEntries);
        }
    }

    /** The shadow copies {@code snapshot list} found: an object, as {@code snapshot create}'s set is. */
    record SnapshotList(List<Snapshot> snapshots) {
    }

    /** The shadow copy set {@code snapshot create} made. */
    record SnapshotSet(UUID snapshotSetId, String context, String backupType, boolean persistent, boolean released,
            List<Snapshot> snapshots) {
    }

    /** A shadow copy provider. */
    record Provider(UUID providerId, String name, String type, String version, UUID versionId, UUID classId) {

        static Provider of(ProviderProperties p) {
            return new Provider(p.providerId(), p.name(), p.type().nativeName(), p.version(), p.versionId(),
                    p.classId());
        }
    }

    /**
     * A writer: identity, status (null when it reported none), how its data is restored ({@code GetRestoreMethod};
     * null fields when its document has no restore method), the backup and restore features it supports
     * ({@code GetBackupSchema}: flag names and the mask) and components.
     */
    record Writer(String writerName, UUID writerId, UUID instanceId, String usage, String source, Status status,
            String restoreMethod, String service, String writerRestore, Boolean rebootRequired,
            List<String> backupSchema, int backupSchemaMask, List<Component> components) {

        static Writer of(WriterIdentity id, WriterStatus status, WriterRestoreMethod restore,
                WriterBackupSchema schema, List<WriterComponentInfo> components) {
            return new Writer(id.writerName(), id.writerId(), id.instanceId(), id.usage().nativeName(),
                    id.source().nativeName(), status == null ? null : Status.of(status),
                    restore == null || restore.method() == null ? null : restore.method().nativeName(),
                    restore == null ? null : restore.service(),
                    restore == null || restore.writerRestore() == null ? null : restore.writerRestore().nativeName(),
                    restore == null ? null : restore.rebootRequired(),
                    schema == null ? List.of() : names(schema.schemas()), schema == null ? 0 : schema.mask(),
                    components.stream().map(Component::of).toList());
        }
    }

    /** A writer's state and last error, the HRESULT with its name ({@code S_OK} when none). */
    record Status(String state, int failureHresult, String failureHresultName, boolean failed) {

        static Status of(WriterStatus s) {
            return new Status(s.state().nativeName(), s.failureHresult(), hresultName(s.failureHresult()),
                    s.isFailed());
        }
    }

    /** A component of a Writer Metadata Document; its icon as its size in bytes. */
    record Component(String type, String logicalPath, String name, String caption, int iconBytes,
            boolean restoreMetadata, boolean notifyOnBackupComplete, boolean selectable, boolean selectableForRestore,
            List<String> componentFlags, int componentFlagsMask, List<Files> files, List<Files> databaseFiles,
            List<Files> logFiles, List<Dependency> dependencies) {

        static Component of(WriterComponentInfo c) {
            return new Component(c.type().nativeName(), c.logicalPath(), c.name(), c.caption(), c.icon().size(),
                    c.restoreMetadata(), c.notifyOnBackupComplete(), c.selectable(), c.selectableForRestore(),
                    names(c.componentFlags()), c.componentFlagsMask(), Files.of(c.files()), Files.of(c.databaseFiles()),
                    Files.of(c.logFiles()), c.dependencies().stream().map(Dependency::of).toList());
        }
    }

    /** A file set; {@code backupTypes} are the bits of {@code backupTypeMask}. */
    record Files(String path, String filespec, boolean recursive, String alternateLocation, List<String> backupTypes,
            int backupTypeMask) {

        static List<Files> of(List<FileSet> sets) {
            return sets.stream().map(f -> new Files(f.path(), f.filespec(), f.recursive(), f.alternateLocation(),
                    names(f.backupTypes()), f.backupTypeMask())).toList();
        }
    }

    /** A component of another writer that a component depends on. */
    record Dependency(UUID writerId, String logicalPath, String componentName) {

        static Dependency of(ComponentDependency d) {
            return new Dependency(d.writerId(), d.logicalPath(), d.componentName());
        }
    }

    /** The name of {@code hresult} ({@code VSS_E_...}), or its hex form when vss4j does not know it. */
    static String hresultName(int hresult) {
        return VssHresult.of(hresult).map(Enum::name).orElse(VssHresult.hex(hresult));
    }

    private static List<String> names(java.util.Collection<? extends NativeEnum> values) {
        return values.stream().map(NativeEnum::nativeName).toList();
    }
}
