package org.vss4j.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.vss4j.RestoreType;
import org.vss4j.RollForwardType;

/** Configures and starts a {@link RestoreSession}. Not thread-safe. */
public final class RestoreSessionBuilder {

    String document;
    /** Components asked for by the caller: writer class id and {@code logicalPath\name}. */
    final List<Requested> components = new ArrayList<>();
    /** {@code SetRestoreOptions} strings, by writer class id and lower-case component path. */
    final Map<Requested, String> restoreOptions = new LinkedHashMap<>();
    /** {@code AddNewTarget} file sets, by writer class id and component path. */
    final Map<Requested, List<NewTargets.Explicit>> newTargets = new LinkedHashMap<>();
    /** The directory every file set to copy goes under ({@code AddNewTarget}), or null. */
    String newTargetRoot;
    /** {@code SetAdditionalRestores}, by writer class id and component path. */
    final Map<Requested, Boolean> additionalRestores = new LinkedHashMap<>();
    /** {@code SetAuthoritativeRestore}, {@code SetRollForward}, {@code SetRestoreName} asked for, by component. */
    final Map<Requested, RecoveryChoice> recovery = new LinkedHashMap<>();
    /** {@code AddRestoreSubcomponent}, by writer class id and component path of the component set. */
    final Map<Requested, List<RestoreSubcomponentChoice>> subcomponents = new LinkedHashMap<>();
    /** Writer Metadata Documents stored with the backup ({@code SaveAsXML} of each writer's metadata). */
    final List<String> writerMetadataDocuments = new ArrayList<>();
    RestoreType type = RestoreType.BY_COPY;
    Duration phaseTimeout = Duration.ofMinutes(10);
    Duration overallTimeout = Duration.ofHours(1);
    Duration pollInterval = Duration.ofMillis(200);
    Duration cancelGrace = Duration.ofSeconds(30);
    BackupListener listener = BackupListener.none();
    SessionClock clock = SessionClock.system();
    boolean stopServices;
    org.vss4j.procedures.ServiceControl serviceControl;
    Duration serviceTimeout = Duration.ofMinutes(2);
    boolean restoreAtReboot;
    org.vss4j.procedures.RebootReplace rebootReplace;

    /** A component by writer class and {@code logicalPath\name} (case-insensitive, as VSS compares them). */
    record Requested(UUID writerClassId, String componentPath) {

        Requested {
            Objects.requireNonNull(writerClassId, "writerClassId");
            componentPath = componentPath.toLowerCase(Locale.ROOT);
        }

        /** The key of {@code component}: its writer class and full path. */
        static Requested of(ComponentRef component) {
            return new Requested(component.writer().writerId(), component.fullPath());
        }
    }

    /** A subcomponent of a component set restored on its own ({@code AddRestoreSubcomponent}). */
    record RestoreSubcomponentChoice(String logicalPath, String name, boolean repair) {

        String fullPath() {
            return RestoreSession.fullPath(logicalPath, name);
        }
    }

    RestoreSessionBuilder() {
    }

    /** The Backup Components Document saved by the backup ({@code SaveAsXML}); required. */
    public RestoreSessionBuilder document(String backupComponentsDocument) {
        this.document = Objects.requireNonNull(backupComponentsDocument, "backupComponentsDocument");
        return this;
    }

    /**
     * Restores this component ({@code logicalPath\name}, or {@code name} without a logical path) instead of the
     * default (every component the document records as backed up successfully; its selectability for restore does
     * not matter, Microsoft docs, "Working with Selectability For Restore and Subcomponents"). A component asked for
     * that cannot be matched to a running writer, or was not backed up successfully, fails the session.
     */
    public RestoreSessionBuilder component(UUID writerClassId, String componentPath) {
        components.add(new Requested(writerClassId, componentPath));
        return this;
    }

    /**
     * A Writer Metadata Document stored with the backup. With it the session knows the instance name of the writer
     * instance that backed a component up, and gives the component to the running instance of the same class with
     * the same instance name when several instances of the class run and none is the one backed up (instance ids
     * change when a writer restarts; Microsoft docs, "IVssExamineWriterMetadataEx::GetIdentityEx"). Without a
     * running instance of that name the component is unmatched. The components of the instance it describes are
     * planned from it (restore method, file sets, alternate location mappings: what the writer declared at backup
     * time; docs/restore-session.md).
     */
    public RestoreSessionBuilder writerMetadataDocument(String writerMetadataDocument) {
        writerMetadataDocuments.add(Objects.requireNonNull(writerMetadataDocument, "writerMetadataDocument"));
        return this;
    }

    /** {@link #writerMetadataDocument(String)} for each document a backup session saved. */
    public RestoreSessionBuilder writerMetadataDocuments(Collection<WriterDocument> documents) {
        documents.forEach(d -> writerMetadataDocument(d.xml()));
        return this;
    }

    /**
     * The restore type given to {@code SetRestoreState}; {@code VSS_RTYPE_BY_COPY} by default. The type informs the
     * writers (they read it with {@code CVssWriter::GetRestoreType}); the session plans the items the same for every
     * type. With {@code VSS_RTYPE_IMPORT} no data is copied (Microsoft docs, "VSS_RESTORE_TYPE": a transportable
     * shadow copy is imported and used instead), yet the items still describe a copy: a caller importing copies none
     * of them, and what it reports decides the statuses as for any restore (nothing reported: {@code VSS_RS_NONE}).
     */
    public RestoreSessionBuilder restoreType(RestoreType restoreType) {
        this.type = Objects.requireNonNull(restoreType, "restoreType");
        return this;
    }

    /** The private string the writer of the component reads ({@code SetRestoreOptions}). */
    public RestoreSessionBuilder restoreOptions(UUID writerClassId, String componentPath, String options) {
        restoreOptions.put(new Requested(writerClassId, componentPath), Objects.requireNonNull(options, "options"));
        return this;
    }

    /**
     * Restores the file set ({@code path}, {@code filespec}, {@code recursive}, exactly as the writer declares it) of
     * this component to {@code alternatePath} instead ({@code IVssBackupComponents::AddNewTarget}, before
     * PreRestore). Its item's action becomes {@link RestoreItem.Action#COPY_TO_NEW_TARGET} with that target. Only
     * for a file set the caller copies (restore methods {@code VSS_RME_RESTORE_IF_NOT_THERE},
     * {@code VSS_RME_RESTORE_IF_CAN_REPLACE}, {@code VSS_RME_RESTORE_TO_ALTERNATE_LOCATION}, where it takes the place
     * of the writer's alternate location mapping) and a writer whose backup schema has
     * {@code VSS_BS_WRITER_SUPPORTS_NEW_TARGET}; otherwise {@link #start()} fails in {@code SET_RESTORE_OPTIONS}.
     */
    public RestoreSessionBuilder newTarget(UUID writerClassId, String componentPath, String path, String filespec,
            boolean recursive, String alternatePath) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(filespec, "filespec");
        if (alternatePath == null || alternatePath.isBlank()) {
            throw new IllegalArgumentException("E_INVALIDARG: the new target of " + path + "\\" + filespec
                    + " is empty: give the directory its files are to be written to");
        }
        newTargets.computeIfAbsent(new Requested(writerClassId, componentPath), k -> new ArrayList<>())
                .add(new NewTargets.Explicit(path, filespec, recursive, alternatePath));
        return this;
    }

    /**
     * Every file set the session lets the caller copy goes to {@code windowsDirectory} plus its own path: the drive
     * letter becomes a directory ({@code C:\logs} to {@code windowsDirectory\C\logs}), a UNC path goes under
     * {@code UNC} ({@code \\server\share\dir} to {@code windowsDirectory\UNC\server\share\dir}), a volume GUID
     * path under its {@code Volume{GUID}} name. Each is recorded with {@code AddNewTarget}; a {@link #newTarget} of
     * the same file set wins. Every writer with a file set to copy must declare
     * {@code VSS_BS_WRITER_SUPPORTS_NEW_TARGET}, else {@link #start()} fails in {@code SET_RESTORE_OPTIONS}.
     */
    public RestoreSessionBuilder newTargetRoot(String windowsDirectory) {
        if (windowsDirectory == null || windowsDirectory.isBlank()) {
            throw new IllegalArgumentException("E_INVALIDARG: newTargetRoot needs a Windows directory, e.g. D:\\restore");
        }
        this.newTargetRoot = windowsDirectory;
        return this;
    }

    /**
     * Whether more restores of this component (incremental or differential) follow this one
     * ({@code IVssBackupComponents::SetAdditionalRestores}, before PreRestore); the writer then does not recover
     * the component yet. A component not selected for restore fails {@link #start()} with
     * {@code VSS_E_OBJECT_NOT_FOUND}.
     */
    public RestoreSessionBuilder additionalRestores(UUID writerClassId, String componentPath, boolean additional) {
        additionalRestores.put(new Requested(writerClassId, componentPath), additional);
        return this;
    }

    /**
     * Marks the restore of this component authoritative: the writer of a replicated store makes the restored copy
     * win over its replicas ({@code IVssBackupComponentsEx2::SetAuthoritativeRestore}, before PreRestore). Only for a
     * writer whose backup schema has {@code VSS_BS_AUTHORITATIVE_RESTORE}; otherwise, or for a component not
     * selected for restore, {@link #start()} fails in {@code SET_RESTORE_OPTIONS}.
     */
    public RestoreSessionBuilder authoritativeRestore(UUID writerClassId, String componentPath, boolean authoritative) {
        recovery.merge(new Requested(writerClassId, componentPath),
                new RecoveryChoice(authoritative, null, null, null), RecoveryChoice::and);
        return this;
    }

    /**
     * How far the writer rolls the restored component forward through its logs
     * ({@code IVssBackupComponentsEx2::SetRollForward}, before PreRestore): {@link RollForwardType#ALL},
     * {@link RollForwardType#NONE}, or {@link RollForwardType#PARTIAL} up to {@code point}, a restore point in the
     * writer's own terms (a time stamp, a log sequence number). Only for a writer whose backup schema has
     * {@code VSS_BS_ROLLFORWARD_RESTORE}, else {@link #start()} fails in {@code SET_RESTORE_OPTIONS}.
     *
     * @throws IllegalArgumentException for {@link RollForwardType#UNDEFINED} (Microsoft docs,
     *                                  "VSS_ROLLFORWARD_TYPE": a requester error), a partial roll-forward without a
     *                                  point, or a point for another type
     */
    public RestoreSessionBuilder rollForward(UUID writerClassId, String componentPath, RollForwardType type,
            String point) {
        Objects.requireNonNull(type, "type");
        if (type == RollForwardType.UNDEFINED) {
            throw new IllegalArgumentException("E_INVALIDARG: VSS_RF_UNDEFINED is a requester error (Microsoft docs, "
                    + "\"VSS_ROLLFORWARD_TYPE\"): give VSS_RF_ALL, VSS_RF_NONE or VSS_RF_PARTIAL with a point");
        }
        if ((type == RollForwardType.PARTIAL) != (point != null && !point.isEmpty())) {
            throw new IllegalArgumentException("E_INVALIDARG: " + (type == RollForwardType.PARTIAL
                    ? "VSS_RF_PARTIAL needs the restore point to roll forward to"
                    : type.nativeName() + " takes no restore point; use VSS_RF_PARTIAL for one"));
        }
        recovery.merge(new Requested(writerClassId, componentPath),
                new RecoveryChoice(null, type, point, null), RecoveryChoice::and);
        return this;
    }

    /**
     * Restores this component under a new logical name the writer gives it, e.g. a database restored as a copy
     * beside the original ({@code IVssBackupComponentsEx2::SetRestoreName}, before PreRestore). Only for a writer
     * whose backup schema has {@code VSS_BS_RESTORE_RENAME}, else {@link #start()} fails in
     * {@code SET_RESTORE_OPTIONS}.
     */
    public RestoreSessionBuilder restoreName(UUID writerClassId, String componentPath, String restoreName) {
        if (restoreName == null || restoreName.isEmpty()) {
            throw new IllegalArgumentException("E_INVALIDARG: restoreName needs the new name of component "
                    + componentPath);
        }
        recovery.merge(new Requested(writerClassId, componentPath),
                new RecoveryChoice(null, null, null, restoreName), RecoveryChoice::and);
        return this;
    }

    /** What {@link #authoritativeRestore}, {@link #rollForward} and {@link #restoreName} asked for a component. */
    record RecoveryChoice(Boolean authoritative, RollForwardType rollForward, String rollForwardPoint,
            String restoreName) {

        /** {@code later}'s settings over this one's. */
        RecoveryChoice and(RecoveryChoice later) {
            return new RecoveryChoice(later.authoritative != null ? later.authoritative : authoritative,
                    later.rollForward != null ? later.rollForward : rollForward,
                    later.rollForward != null ? later.rollForwardPoint : rollForwardPoint,
                    later.restoreName != null ? later.restoreName : restoreName);
        }
    }

    /**
     * Restores only this subcomponent of the component set that {@code componentPath} defines
     * ({@code IVssBackupComponents::AddRestoreSubcomponent}, after the set is selected, before PreRestore); several
     * calls add several. The component's items are then the subcomponents' file sets as the running writer declares
     * them. The subcomponent must be declared by the running writer below the component, not selectable for backup
     * and selectable for restore (Microsoft docs, same page); {@code repair} is reserved and must be false. Otherwise
     * {@link #start()} fails in {@code SET_RESTORE_OPTIONS}.
     */
    public RestoreSessionBuilder subcomponent(UUID writerClassId, String componentPath, String subcomponentLogicalPath,
            String subcomponentName, boolean repair) {
        if (subcomponentLogicalPath == null || subcomponentLogicalPath.isEmpty() || subcomponentName == null
                || subcomponentName.isEmpty()) {
            throw new IllegalArgumentException("E_INVALIDARG: a subcomponent needs its logical path and name "
                    + "(Microsoft docs, \"IVssBackupComponents::AddRestoreSubcomponent\": neither may be NULL)");
        }
        if (repair) {
            throw new IllegalArgumentException("E_INVALIDARG: bRepair of AddRestoreSubcomponent is reserved and must "
                    + "be false (Microsoft docs, \"IVssBackupComponents::AddRestoreSubcomponent\")");
        }
        subcomponents.computeIfAbsent(new Requested(writerClassId, componentPath), k -> new ArrayList<>())
                .add(new RestoreSubcomponentChoice(subcomponentLogicalPath, subcomponentName, repair));
        return this;
    }

    /** Each asynchronous step's timeout (PreRestore, PostRestore, writer status). */
    public RestoreSessionBuilder phaseTimeout(Duration timeout) {
        this.phaseTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** The whole session's timeout. */
    public RestoreSessionBuilder overallTimeout(Duration timeout) {
        this.overallTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** The phase events, as for a backup session. */
    public RestoreSessionBuilder listener(BackupListener restoreListener) {
        this.listener = Objects.requireNonNull(restoreListener, "restoreListener");
        return this;
    }

    /** The clock the waits use (tests). */
    public RestoreSessionBuilder clock(SessionClock sessionClock) {
        this.clock = Objects.requireNonNull(sessionClock, "sessionClock");
        return this;
    }

    /**
     * Allows the session to stop and start the service a writer names for {@code VSS_RME_STOP_RESTORE_START} (stopped
     * after PreRestore, started again in {@link RestoreSession#complete()} before SetFileRestoreStatus and
     * PostRestore, and on any failure or close) and {@code VSS_RME_RESTORE_STOP_START} (stopped and started after
     * PostRestore, in {@code complete()} or after a failure or close once files were copied). Off by default: those components are not restored, and their items say so.
     * Needs administrator rights (docs/restore-procedures.md).
     */
    public RestoreSessionBuilder stopServices(boolean allowed) {
        this.stopServices = allowed;
        return this;
    }

    /** The service control manager used when {@link #stopServices(boolean)} is on; the local one by default. */
    public RestoreSessionBuilder serviceControl(org.vss4j.procedures.ServiceControl control) {
        this.serviceControl = Objects.requireNonNull(control, "control");
        return this;
    }

    /** How long a service stop or start may take; 2 minutes by default. */
    public RestoreSessionBuilder serviceTimeout(Duration timeout) {
        this.serviceTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Allows {@code VSS_RME_RESTORE_AT_REBOOT} and {@code VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE}: the caller
     * writes files to their staging paths and reports them with {@link RestoreSession#staged}, and
     * {@link RestoreSession#complete()} schedules each replacement at the next reboot (MoveFileExW
     * MOVEFILE_DELAY_UNTIL_REBOOT, administrator rights). Off by default: those components are not restored.
     */
    public RestoreSessionBuilder restoreAtReboot(boolean allowed) {
        this.restoreAtReboot = allowed;
        return this;
    }

    /** The reboot replacement used when {@link #restoreAtReboot(boolean)} is on; the local one by default. */
    public RestoreSessionBuilder rebootReplace(org.vss4j.procedures.RebootReplace replace) {
        this.rebootReplace = Objects.requireNonNull(replace, "replace");
        return this;
    }

    /** The procedures allowed, with their platform pieces. */
    RestoreProcedures.Allowed allowedProcedures() {
        return new RestoreProcedures.Allowed(
                stopServices ? (serviceControl != null ? serviceControl
                        : org.vss4j.procedures.ServiceControl.local()) : null,
                serviceTimeout,
                restoreAtReboot ? (rebootReplace != null ? rebootReplace
                        : org.vss4j.procedures.RebootReplace.local()) : null);
    }

    /**
     * Runs the restore up to the files: InitializeForRestore, SetRestoreState, GatherWriterMetadata, the selection,
     * the options, PreRestore and the writers' status.
     *
     * @throws BackupException naming the phase, the writer and the HRESULT of what failed
     */
    public RestoreSession start() {
        if (document == null) {
            throw new IllegalStateException("no Backup Components Document: call document(...)");
        }
        return RestoreSession.start(this);
    }
}
