package org.vss4j.sim.writer;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.writer.BorrowedWriterComponents;
import org.vss4j.writer.CreateWriterMetadataEx;
import org.vss4j.writer.VssWriterEx;

/**
 * A test writer made as the SDK's {@code CVssWriterEx2} ({@link VssWriterEx}: {@code CreateWriterEx}, the
 * {@code CVssWriterEx} vtable): records every handler call as {@link RecordingWriter} does; it identifies in
 * {@code onIdentifyEx}.
 */
class RecordingWriterEx extends VssWriterEx {

    static final UUID WRITER_ID = Recorder.WRITER_ID;

    private final Recorder recorder = new Recorder();
    private Consumer<CreateWriterMetadataEx> identify = m -> { };

    RecordingWriterEx() {
        super();
    }

    RecordingWriterEx(InstantSource clock) {
        super(clock);
    }

    /** Initialized as "Java Test Writer", front end, with {@code freezeTimeout}, and subscribed. */
    RecordingWriterEx start(Duration freezeTimeout) {
        Recorder.start(this, freezeTimeout);
        return this;
    }

    RecordingWriterEx declaring(Consumer<CreateWriterMetadataEx> declare) {
        this.identify = declare;
        return this;
    }

    /** At {@code event}, runs {@code script} with the handler's argument; its result is the handler's. */
    RecordingWriterEx at(CVssWriter event, Predicate<Object> script) {
        recorder.at(event, script);
        return this;
    }

    List<Recorder.Call> calls() {
        return recorder.calls();
    }

    List<CVssWriter> events() {
        return recorder.events();
    }

    List<Duration> overruns() {
        return recorder.overruns();
    }

    /** What {@code handlerThrew} received. */
    List<Recorder.Call> thrown() {
        return recorder.thrown();
    }

    @Override
    protected boolean onIdentifyEx(CreateWriterMetadataEx metadata) {
        identify.accept(metadata);
        return recorder.handle(CVssWriter.OnIdentify, metadata);
    }

    @Override
    protected boolean onPrepareBackup(BorrowedWriterComponents components) {
        return recorder.handle(CVssWriter.OnPrepareBackup, components);
    }

    @Override
    protected boolean onPrepareSnapshot() {
        return recorder.handle(CVssWriter.OnPrepareSnapshot, null);
    }

    @Override
    protected boolean onFreeze() {
        return recorder.handle(CVssWriter.OnFreeze, null);
    }

    @Override
    protected boolean onThaw() {
        return recorder.handle(CVssWriter.OnThaw, null);
    }

    @Override
    protected boolean onAbort() {
        return recorder.handle(CVssWriter.OnAbort, null);
    }

    @Override
    protected boolean onBackupComplete(BorrowedWriterComponents components) {
        return recorder.handle(CVssWriter.OnBackupComplete, components);
    }

    @Override
    protected boolean onBackupShutdown(UUID snapshotSetId) {
        return recorder.handle(CVssWriter.OnBackupShutdown, snapshotSetId);
    }

    @Override
    protected boolean onPreRestore(BorrowedWriterComponents components) {
        return recorder.handle(CVssWriter.OnPreRestore, components);
    }

    @Override
    protected boolean onPostRestore(BorrowedWriterComponents components) {
        return recorder.handle(CVssWriter.OnPostRestore, components);
    }

    @Override
    protected boolean onPostSnapshot(BorrowedWriterComponents components) {
        return recorder.handle(CVssWriter.OnPostSnapshot, components);
    }

    @Override
    protected boolean onBackOffIOOnVolume(String volume, UUID snapshotId, UUID providerId) {
        return recorder.handle(CVssWriter.OnBackOffIOOnVolume, List.of(volume, snapshotId, providerId));
    }

    @Override
    protected boolean onContinueIOOnVolume(String volume, UUID snapshotId, UUID providerId) {
        return recorder.handle(CVssWriter.OnContinueIOOnVolume, List.of(volume, snapshotId, providerId));
    }

    @Override
    protected boolean onVSSShutdown() {
        return recorder.handle(CVssWriter.OnVSSShutdown, null);
    }

    @Override
    protected boolean onVSSApplicationStartup() {
        return recorder.handle(CVssWriter.OnVSSApplicationStartup, null);
    }

    @Override
    protected void freezeTimeoutExceeded(CVssWriter event, Duration held) {
        recorder.overrun(event, held);
    }

    @Override
    protected void handlerThrew(CVssWriter event, Throwable thrown) {
        super.handlerThrew(event, thrown);
        recorder.threw(event, thrown);
    }
}
