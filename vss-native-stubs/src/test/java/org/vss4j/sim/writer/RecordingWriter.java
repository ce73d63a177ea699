package org.vss4j.sim.writer;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.vss4j.ApplicationLevel;
import org.vss4j.SourceType;
import org.vss4j.UsageType;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.writer.CreateWriterMetadata;
import org.vss4j.writer.VssWriter;
import org.vss4j.writer.WriterComponents;

/**
 * A test writer: records every handler call with its arguments, in order, and runs what a test scripts for an event
 * (declare metadata, touch components, query, throw, return false).
 */
class RecordingWriter extends VssWriter {

    static final UUID WRITER_ID = UUID.fromString("4a5b6c7d-1111-2222-3333-444455556666");

    /** One handler call: the event and its arguments (null where it has none). */
    record Call(CVssWriter event, Object argument) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final Map<CVssWriter, Predicate<Object>> scripts = new EnumMap<>(CVssWriter.class);
    private final List<Duration> overruns = new ArrayList<>();
    private Consumer<CreateWriterMetadata> identify = m -> { };

    RecordingWriter() {
        super();
    }

    RecordingWriter(InstantSource clock) {
        super(clock);
    }

    /** Initialized as "Java Test Writer", front end, with {@code freezeTimeout}. */
    RecordingWriter start(Duration freezeTimeout) {
        initialize(WRITER_ID, "Java Test Writer", "instance-1", UsageType.USERDATA, SourceType.TRANSACTEDDB,
                ApplicationLevel.FRONT_END, freezeTimeout);
        subscribe();
        return this;
    }

    RecordingWriter declaring(Consumer<CreateWriterMetadata> declare) {
        this.identify = declare;
        return this;
    }

    /** At {@code event}, runs {@code script} with the handler's argument; its result is the handler's. */
    synchronized RecordingWriter at(CVssWriter event, Predicate<Object> script) {
        scripts.put(event, script);
        return this;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<CVssWriter> events() {
        return calls.stream().map(Call::event).toList();
    }

    synchronized List<Duration> overruns() {
        return List.copyOf(overruns);
    }

    private boolean handle(CVssWriter event, Object argument) {
        Predicate<Object> script;
        synchronized (this) {
            calls.add(new Call(event, argument));
            script = scripts.get(event);
        }
        return script == null || script.test(argument);
    }

    @Override
    protected boolean onIdentify(CreateWriterMetadata metadata) {
        identify.accept(metadata);
        return handle(CVssWriter.OnIdentify, metadata);
    }

    @Override
    protected boolean onPrepareBackup(WriterComponents components) {
        return handle(CVssWriter.OnPrepareBackup, components);
    }

    @Override
    protected boolean onPrepareSnapshot() {
        return handle(CVssWriter.OnPrepareSnapshot, null);
    }

    @Override
    protected boolean onFreeze() {
        return handle(CVssWriter.OnFreeze, null);
    }

    @Override
    protected boolean onThaw() {
        return handle(CVssWriter.OnThaw, null);
    }

    @Override
    protected boolean onAbort() {
        return handle(CVssWriter.OnAbort, null);
    }

    @Override
    protected boolean onBackupComplete(WriterComponents components) {
        return handle(CVssWriter.OnBackupComplete, components);
    }

    @Override
    protected boolean onBackupShutdown(UUID snapshotSetId) {
        return handle(CVssWriter.OnBackupShutdown, snapshotSetId);
    }

    @Override
    protected boolean onPreRestore(WriterComponents components) {
        return handle(CVssWriter.OnPreRestore, components);
    }

    @Override
    protected boolean onPostRestore(WriterComponents components) {
        return handle(CVssWriter.OnPostRestore, components);
    }

    @Override
    protected boolean onPostSnapshot(WriterComponents components) {
        return handle(CVssWriter.OnPostSnapshot, components);
    }

    @Override
    protected boolean onBackOffIOOnVolume(String volume, UUID snapshotId, UUID providerId) {
        return handle(CVssWriter.OnBackOffIOOnVolume, List.of(volume, snapshotId, providerId));
    }

    @Override
    protected boolean onContinueIOOnVolume(String volume, UUID snapshotId, UUID providerId) {
        return handle(CVssWriter.OnContinueIOOnVolume, List.of(volume, snapshotId, providerId));
    }

    @Override
    protected boolean onVSSShutdown() {
        return handle(CVssWriter.OnVSSShutdown, null);
    }

    @Override
    protected boolean onVSSApplicationStartup() {
        return handle(CVssWriter.OnVSSApplicationStartup, null);
    }

    @Override
    protected synchronized void freezeTimeoutExceeded(CVssWriter event, Duration held) {
        calls.add(new Call(event, "freeze timeout exceeded"));
        overruns.add(held);
    }
}
