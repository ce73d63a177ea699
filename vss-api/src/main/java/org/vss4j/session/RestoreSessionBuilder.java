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

/** Configures and starts a {@link RestoreSession}. Not thread-safe. */
public final class RestoreSessionBuilder {

    String document;
    /** Components asked for by the caller: writer class id and {@code logicalPath\name}. */
    final List<Requested> components = new ArrayList<>();
    /** {@code SetRestoreOptions} strings, by writer class id and lower-case component path. */
    final Map<Requested, String> restoreOptions = new LinkedHashMap<>();
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
     * default (every component the document records as backed up and selectable for restore). A component asked for
     * that cannot be matched to a running writer fails the session.
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
     * running instance of that name the component is unmatched.
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

    /** The restore type given to {@code SetRestoreState}; {@code VSS_RTYPE_BY_COPY} by default. */
    public RestoreSessionBuilder restoreType(RestoreType restoreType) {
        this.type = Objects.requireNonNull(restoreType, "restoreType");
        return this;
    }

    /** The private string the writer of the component reads ({@code SetRestoreOptions}). */
    public RestoreSessionBuilder restoreOptions(UUID writerClassId, String componentPath, String options) {
        restoreOptions.put(new Requested(writerClassId, componentPath), Objects.requireNonNull(options, "options"));
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
     * PostRestore, and on any failure or close) and {@code VSS_RME_RESTORE_STOP_START} (stopped and started in
     * {@code complete()} after the copy). Off by default: those components are not restored, and their items say so.
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
