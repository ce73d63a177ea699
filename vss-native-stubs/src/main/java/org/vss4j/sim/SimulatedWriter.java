package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.vss4j.RestoreMethod;
import org.vss4j.SourceType;
import org.vss4j.UsageType;
import org.vss4j.VssHresult;
import org.vss4j.WriterRestore;
import org.vss4j.WriterVersion;
import org.vss4j.sim.vss.AsyncOperation;
import org.vss4j.sim.vss.EventResult;
import org.vss4j.sim.vss.WriterMetadataXml;
import org.vss4j.sim.vss.WriterParticipant;
import org.vss4j.sim.vss.WriterSessionContext;

/**
 * A writer living on a simulated machine: its metadata (what it would report in {@code OnIdentify}) and its behaviour
 * at each {@link WriterEvent} — succeed (default), fail with a writer-error HRESULT, veto, or hang at a {@link Gate}.
 * It records the events it received, in order, for tests to assert, and what it writes into the Backup Components
 * Document's components at PrepareForBackup, PostSnapshot, PreRestore and PostRestore ({@link #recordsAt}).
 */
public final class SimulatedWriter implements WriterParticipant {

    /**
     * What the writer does at one event: {@code failure} set (or null), then {@code continues}: the handler returns
     * true after SetWriterFailure (a non-fatal failure), or false (it vetoes the operation).
     */
    private record Behaviour(Integer failure, Gate hang, boolean continues) {
    }

    /** A change the writer makes to one component's data at one event. */
    private record ComponentChange(WriterEvent event, ComponentKey component, UnaryOperator<WriterComponentData> edit) {
    }

    /** A component by logical path ({@code ""} for none) and name, as the Backup Components Document keys it. */
    private record ComponentKey(String logicalPath, String name) {
        static ComponentKey of(String logicalPath, String name) {
            return new ComponentKey(logicalPath == null ? "" : logicalPath, name);
        }
    }

    private final SimulatedWriterMetadata metadata;
    private final Map<WriterEvent, Behaviour> behaviours = new EnumMap<>(WriterEvent.class);
    private final List<WriterEvent> events = new ArrayList<>();
    private final List<ComponentChange> changes = new ArrayList<>();
    private final Map<ComponentKey, WriterComponentData> recorded = new HashMap<>();
    /** The document's components as the writer read them at its last PreRestore and PostRestore. */
    private final Map<WriterEvent, List<org.vss4j.ComponentState>> seenAtRestore = new EnumMap<>(WriterEvent.class);
    private final Map<WriterEvent, org.vss4j.RestoreType> restoreTypeAt = new EnumMap<>(WriterEvent.class);

    private SimulatedWriter(SimulatedWriterMetadata metadata) {
        this.metadata = metadata;
    }

    /**
     * A writer named {@code name}; ids derive from the name unless set.
     *
     * @param name the writer's name
     * @return a builder of a user data writer with no components and the default restore method
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * A writer that reports {@code metadata} as it is (its ids included) and succeeds at every event.
     *
     * @param metadata what the writer reports
     * @return the writer
     */
    public static SimulatedWriter of(SimulatedWriterMetadata metadata) {
        return new SimulatedWriter(metadata);
    }

    /**
     * A writer that reports the Writer Metadata Document {@code xml} ({@code IVssExamineWriterMetadata::SaveAsXML}
     * captured on a real machine, or {@code vss writers --save}): its identity, components, files, exclusions and
     * restore method. It takes part in backups like any simulated writer; its behaviour can be scripted as usual.
     *
     * @param xml the document's text
     * @return the writer
     * @throws IllegalArgumentException if {@code xml} is not a Writer Metadata Document the simulator can read
     */
    public static SimulatedWriter fromWriterMetadataDocument(String xml) {
        SimulatedWriterMetadata m = WriterMetadataXml.read(xml);
        if (m == null) {
            throw new IllegalArgumentException("not a Writer Metadata Document (WRITER_METADATA with IDENTIFICATION)");
        }
        return new SimulatedWriter(m);
    }

    /**
     * As {@link #fromWriterMetadataDocument(String)}, reading the file {@code document}: UTF-8, or UTF-16 with a byte
     * order mark (how a BSTR written to a file by a Windows tool usually looks).
     *
     * @param document the document's file
     * @return the writer
     * @throws IllegalArgumentException naming the file if it holds no readable Writer Metadata Document
     * @throws UncheckedIOException     if it cannot be read
     */
    public static SimulatedWriter fromWriterMetadataDocument(Path document) {
        String xml;
        try {
            xml = decode(Files.readAllBytes(document));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Writer Metadata Document " + document, e);
        }
        try {
            return fromWriterMetadataDocument(xml);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(document + ": " + e.getMessage(), e);
        }
    }

    private static String decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public SimulatedWriterMetadata metadata() {
        return metadata;
    }

    @Override
    public String name() {
        return metadata.writerName();
    }

    /**
     * At {@code event} the writer calls {@code SetWriterFailure(hresult)} and vetoes: the operation fails with
     * {@code hresult} (e.g. {@code VSS_E_WRITERERROR_RETRYABLE}) and the writer's state becomes the event's failed
     * state.
     *
     * @param event the event at which the writer fails
     * @param hresult the failure the writer sets
     * @return this writer
     */
    public synchronized SimulatedWriter failAt(WriterEvent event, VssHresult hresult) {
        behaviours.put(event, new Behaviour(hresult.code(), null, false));
        return this;
    }

    /**
     * At {@code event} the writer calls {@code SetWriterFailure(hresult)} and returns true: a non-fatal error
     * (Microsoft docs, "CVssWriter::OnPreRestore": "If a nonfatal error occurs, the method should still call
     * SetWriterFailure but return true"). The asynchronous operation succeeds; {@code GatherWriterStatus} reports the event's failed state
     * (e.g. {@code VSS_WS_FAILED_AT_PRE_RESTORE}) with {@code hresult}. As after {@link #failAt}, the writer is sent no
     * further events of the backup except Abort.
     *
     * @param event the event at which the writer fails without vetoing
     * @param hresult the failure the writer sets
     * @return this writer
     */
    public synchronized SimulatedWriter failsButContinuesAt(WriterEvent event, VssHresult hresult) {
        behaviours.put(event, new Behaviour(hresult.code(), null, true));
        return this;
    }

    /**
     * At {@code event} the writer vetoes without setting a failure: VSS then reports
     * {@code VSS_E_WRITERERROR_NONRETRYABLE} for it (a simulator convention for "writer returned false").
     *
     * @param event the event at which the writer vetoes
     * @return this writer
     */
    public synchronized SimulatedWriter vetoAt(WriterEvent event) {
        behaviours.put(event, new Behaviour(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE.code(), null, false));
        return this;
    }

    /**
     * At {@code event} the writer blocks until the returned gate opens or the asynchronous operation is cancelled;
     * then it succeeds (unless the operation was cancelled).
     *
     * @param event the event at which the writer blocks
     * @return the closed gate the writer waits at
     */
    public synchronized Gate hangAt(WriterEvent event) {
        Gate g = Gate.closed();
        behaviours.put(event, new Behaviour(null, g, false));
        return g;
    }

    /**
     * At {@code event}, one of the events in which a writer holds the Backup Components Document's components
     * ({@link WriterEvent#PREPARE_FOR_BACKUP}, {@link WriterEvent#POST_SNAPSHOT}, {@link WriterEvent#PRE_RESTORE},
     * {@link WriterEvent#POST_RESTORE}), the writer applies {@code edit} to the data it records for the component
     * {@code logicalPath\componentName}: at backup the backup stamp, backup metadata, partial and differenced files and
     * backup failure messages; at restore the restore target, directed targets, restore metadata and restore failure
     * messages (Microsoft docs, "CVssWriter::OnPreRestore"), which the requester reads with GetWriterComponents after
     * PreRestore ("Overview of Preparing for Restore"). An edit that sets a field Windows refuses at {@code event}
     * ({@link ComponentDataEvents}) is refused when the event arrives: nothing of the event's edits is recorded and the
     * {@link IllegalArgumentException} naming the setter and its events fails the asynchronous operation
     * ({@code VSS_E_UNEXPECTED}, reported in the machine's leak report). A backup's PrepareForBackup clears everything
     * recorded before; a restore's PreRestore clears what the previous restore recorded (its restore fields) and keeps
     * the backup's data.
     *
     * @param event the event
     * @param logicalPath the component's logical path, {@code ""} if it has none
     * @param componentName the component's name
     * @param edit applied to what the writer recorded so far for the component
     * @return this writer
     * @throws IllegalArgumentException for an event in which a writer holds no components (the message names those
     *                                  it does)
     */
    public synchronized SimulatedWriter recordsAt(WriterEvent event, String logicalPath, String componentName,
            UnaryOperator<WriterComponentData> edit) {
        ComponentDataEvents.checkEvent(event);
        changes.add(new ComponentChange(event, ComponentKey.of(logicalPath, componentName), edit));
        return this;
    }

    /** What the writer has recorded for a component in the current backup ({@link WriterComponentData#NONE} if none). */
    @Override
    public synchronized WriterComponentData recorded(String logicalPath, String componentName) {
        return recorded.getOrDefault(ComponentKey.of(logicalPath, componentName), WriterComponentData.NONE);
    }

    /**
     * The writer's components in the Backup Components Document as it read them ({@code IVssComponent}) when
     * {@code event} last arrived: whether each is selected for restore, its restore options, targets and status.
     *
     * @param event {@link WriterEvent#PRE_RESTORE} or {@link WriterEvent#POST_RESTORE}
     * @return the components, in document order; empty if the event never arrived
     */
    public synchronized List<org.vss4j.ComponentState> seenAt(WriterEvent event) {
        return seenAtRestore.getOrDefault(event, List.of());
    }

    /**
     * The restore type the writer was told ({@code CVssWriter::GetRestoreType}, the requester's SetRestoreState) when
     * {@code event} last arrived.
     *
     * @param event {@link WriterEvent#PRE_RESTORE} or {@link WriterEvent#POST_RESTORE}
     * @return the restore type, or null if the event never arrived
     */
    public synchronized org.vss4j.RestoreType restoreTypeAt(WriterEvent event) {
        return restoreTypeAt.get(event);
    }

    /**
     * The events received so far, in order.
     *
     * @return a copy of the events received, in order
     */
    public synchronized List<WriterEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Used by the simulator: records {@code event} and returns the failure to report for it, or null.
     *
     * @param event the event received
     * @return the HRESULT the writer fails {@code event} with, or null if it succeeds
     * @throws IllegalArgumentException if a scripted edit sets a field Windows refuses at {@code event}
     */
    public synchronized Integer receive(WriterEvent event) {
        events.add(event);
        if (event == WriterEvent.PREPARE_FOR_BACKUP) {
            recorded.clear();
        } else if (event == WriterEvent.PRE_RESTORE) {
            recorded.replaceAll((k, d) -> d.withoutRestoreFields());
        }
        Map<ComponentKey, WriterComponentData> edited = new HashMap<>(recorded);
        for (ComponentChange c : changes) {
            if (c.event == event) {
                WriterComponentData before = edited.getOrDefault(c.component, WriterComponentData.NONE);
                WriterComponentData after = c.edit.apply(before);
                ComponentDataEvents.check(event, before, after);
                edited.put(c.component, after);
            }
        }
        recorded.putAll(edited);
        Behaviour b = behaviours.get(event);
        return b == null ? null : b.failure;
    }

    /** Records {@code event}, hangs at its gate if one is set (a cancel of {@code op} opens it), fails if scripted. */
    @Override
    public EventResult deliver(WriterEvent event, WriterSessionContext session, AsyncOperation op)
            throws InterruptedException {
        if ((event == WriterEvent.PRE_RESTORE || event == WriterEvent.POST_RESTORE) && session != null) {
            List<org.vss4j.ComponentState> seen = session.componentStatesOf(metadata.instanceId(), this);
            synchronized (this) {
                seenAtRestore.put(event, seen);
                restoreTypeAt.put(event, session.restoreType());
            }
        }
        Integer failed = receive(event);
        Gate hang = hangOf(event);
        if (hang != null && op != null) {
            op.block(hang);
        }
        return continuesAfter(event) ? EventResult.nonFatal(failed) : EventResult.of(failed);
    }

    private synchronized boolean continuesAfter(WriterEvent event) {
        Behaviour b = behaviours.get(event);
        return b != null && b.continues;
    }

    /**
     * The gate the writer hangs at for {@code event}, or null.
     *
     * @param event the event
     * @return the gate set by {@link #hangAt(WriterEvent)}, or null
     */
    public synchronized Gate hangOf(WriterEvent event) {
        Behaviour b = behaviours.get(event);
        return b == null ? null : b.hang;
    }

    /** Builds a writer's metadata. */
    public static final class Builder {
        private final String name;
        private UUID instanceId;
        private UUID classId;
        private String instanceName = "";
        private UsageType usage = UsageType.USERDATA;
        private SourceType source = SourceType.OTHER;
        private final List<WriterComponent> components = new ArrayList<>();
        private final List<FileSpec> excludes = new ArrayList<>();
        private final List<FileSpec> mappings = new ArrayList<>();
        private SimulatedWriterMetadata.Restore restore = SimulatedWriterMetadata.Restore.DEFAULT;
        private int backupSchema;
        private WriterVersion version = SimulatedWriterMetadata.DEFAULT_VERSION;
        private final List<FileSpec> excludeFromSnapshot = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * The writer instance's id; derived from the name and instance name unless set.
         *
         * @param id the instance id
         * @return this builder
         */
        public Builder instanceId(UUID id) {
            this.instanceId = id;
            return this;
        }

        /**
         * The writer's class id; derived from the name unless set.
         *
         * @param id the writer class id
         * @return this builder
         */
        public Builder classId(UUID id) {
            this.classId = id;
            return this;
        }

        /**
         * The writer instance's name ({@code ""} unless set).
         *
         * @param n the instance name
         * @return this builder
         */
        public Builder instanceName(String n) {
            this.instanceName = n;
            return this;
        }

        /**
         * The writer's usage type ({@link UsageType#USERDATA} unless set).
         *
         * @param u the usage type
         * @return this builder
         */
        public Builder usage(UsageType u) {
            this.usage = u;
            return this;
        }

        /**
         * The writer's data source type ({@link SourceType#OTHER} unless set).
         *
         * @param s the source type
         * @return this builder
         */
        public Builder source(SourceType s) {
            this.source = s;
            return this;
        }

        /**
         * Adds a component the writer reports, after those added before.
         *
         * @param c the component
         * @return this builder
         */
        public Builder component(WriterComponent c) {
            components.add(c);
            return this;
        }

        /**
         * Adds a file specification the writer excludes from backup ({@code AddExcludeFiles}).
         *
         * @param f the excluded files
         * @return this builder
         */
        public Builder exclude(FileSpec f) {
            excludes.add(f);
            return this;
        }

        /**
         * Adds an alternate location mapping ({@code AddAlternateLocationMapping}) the writer reports.
         *
         * @param f the mapped files, with their {@link FileSpec#alternateLocation()}
         * @return this builder
         */
        public Builder alternateLocationMapping(FileSpec f) {
            mappings.add(f);
            return this;
        }

        /**
         * The writer's restore method ({@code SetRestoreMethod}), reported by {@code GetRestoreMethod}.
         *
         * @param method the restore method
         * @param service the service to stop during the restore, or null
         * @param userProcedure the restore procedure for the user, or null
         * @param writerRestore when the writer takes part in the restore
         * @param rebootRequired whether the restore needs a reboot
         * @return this builder
         */
        public Builder restoreMethod(RestoreMethod method, String service, String userProcedure,
                WriterRestore writerRestore, boolean rebootRequired) {
            this.restore = new SimulatedWriterMetadata.Restore(method, service, userProcedure, writerRestore,
                    rebootRequired);
            return this;
        }

        /**
         * The writer declares no restore method: {@code GetRestoreMethod} answers {@code S_FALSE}.
         *
         * @return this builder
         */
        public Builder noRestoreMethod() {
            this.restore = null;
            return this;
        }

        /**
         * The {@code VSS_BACKUP_SCHEMA} mask (OR of {@link org.vss4j.BackupSchema} values).
         *
         * @param mask the backup schema
         * @return this builder
         */
        public Builder backupSchema(int mask) {
            this.backupSchema = mask;
            return this;
        }

        /**
         * {@code SetWriterVersion}: what {@code IVssExamineWriterMetadataEx2::GetVersion} reports.
         *
         * @param major the major version
         * @param minor the minor version
         * @return this builder
         */
        public Builder version(int major, int minor) {
            this.version = new WriterVersion(major, minor);
            return this;
        }

        /**
         * {@code AddExcludeFilesFromSnapshot}: files the shadow copy itself leaves out.
         *
         * @param f the files
         * @return this builder
         */
        public Builder excludeFromSnapshot(FileSpec f) {
            excludeFromSnapshot.add(f);
            return this;
        }

        /**
         * A writer reporting the metadata built so far, succeeding at every event until scripted otherwise.
         *
         * @return the new writer
         */
        public SimulatedWriter build() {
            UUID cls = classId != null ? classId : derived("class:" + name);
            UUID inst = instanceId != null ? instanceId : derived("instance:" + name + ":" + instanceName);
            return new SimulatedWriter(new SimulatedWriterMetadata(inst, cls, name, instanceName, usage, source,
                    components, excludes, mappings, restore, backupSchema, version, excludeFromSnapshot));
        }

        private static UUID derived(String s) {
            return UUID.nameUUIDFromBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
