package org.vss4j.writer;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.AlternateWriterState;
import org.vss4j.ApplicationLevel;
import org.vss4j.BackupType;
import org.vss4j.RestoreType;
import org.vss4j.SourceType;
import org.vss4j.SubscribeMask;
import org.vss4j.UsageType;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.CVssWriterEx;
import org.vss4j.abi.vtable.IVssWriterImpl;
import org.vss4j.com.CallGuard;
import org.vss4j.com.ComApartment;
import org.vss4j.com.CppBool;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;

/**
 * A VSS writer in Java: the counterpart of the SDK's {@code CVssWriter} (vswriter.h). Subclass it, override
 * the handlers, then {@link #initialize}, {@link #subscribe()}, and {@link #close()} when done. VSS calls the handlers
 * on its own threads during backups and restores; each returns {@code true} to go on or {@code false} to fail (veto)
 * the event. A handler that calls {@link #setWriterFailure} and returns {@code true} reports a non-fatal error: the
 * operation goes on and the requester sees the failure only in the writer's status (Microsoft docs,
 * "CVssWriter::OnPrepareBackup": "If a nonfatal error occurs, the method should still call SetWriterFailure but
 * return true"; each event handler's page says the same). Defaults are the SDK's: {@code onPrepareSnapshot},
 * {@code onFreeze}, {@code onThaw} and {@code onAbort} are abstract (pure virtual in the SDK), every other handler
 * returns {@code true}. A writer that needs the queries the SDK offers only on {@code CVssWriterEx}/
 * {@code CVssWriterEx2} (an application message with its failure, the session id, {@code IsWriterShuttingDown}, its
 * own metadata, files excluded from the snapshot) extends {@link VssWriterEx} instead, which VSS creates and calls as
 * those classes.
 *
 * <p><b>Exceptions never reach VSS.</b> A handler that throws returns {@code false} and reports a writer failure
 * through {@code SetWriterFailure}: a {@link VssWriterException} chooses the {@code VSS_E_WRITERERROR_*} code; anything
 * else is {@code VSS_E_WRITERERROR_NONRETRYABLE} ({@link VssWriterEx} also reports the application HRESULT and
 * message, through {@code SetWriterFailureEx}). {@code onIdentify} is the exception: a throwing {@code onIdentify} only
 * returns {@code false}, since "Writers should never call the CVssWriter::SetWriterFailure method from the OnIdentify
 * or CVssWriterEx::OnIdentifyEx method" (Microsoft docs, "CVssWriter::OnIdentify"): any requester may raise Identify
 * at any time, also in the middle of another requester's backup ({@code vssadmin list writers} does). Every throw is
 * passed to {@link #handlerThrew} (an error in the log by default).
 *
 * <p><b>Freeze timeout.</b> A writer that holds writes longer than its freeze timeout (from the start of
 * {@code onFreeze} to the start of {@code onThaw}) is failed by VSS with {@code VSS_E_WRITERERROR_TIMEOUT}; this class
 * reports it through {@link #freezeTimeoutExceeded} (a warning naming the writer and the event, by default).
 *
 * <p>Native side, as a writer built with the current Windows SDK (its inline {@code CVssWriter} in vswriter.h): a
 * 16-byte {@code CVssWriter} object whose vtable holds JNA callbacks, {@code CreateWriter(this, &m_pWriterImpl)} and
 * the {@code IVssWriterImpl} it returns, which the lifecycle methods and queries call. The queries are valid once
 * initialized; VSS answers the session-dependent ones (backup type, volumes, ...) meaningfully inside handlers. The
 * native object and its vtable are never freed: a VSS thread may have read the vtable before Unsubscribe and reach a
 * slot after close, so after close each slot answers {@code false} without calling Java (a few kilobytes per writer
 * ever initialized stay allocated). Until {@link #close()} that object holds the writer, so a writer the program
 * dropped without closing is never collected while VSS can still call it (it stays subscribed: close it).
 *
 * <p><b>Closing under load.</b> VSS calls the handlers on its own threads, so {@link #close()} can meet an event in
 * flight. It never frees the native object under a running handler: it refuses every event from its first line on
 * (a handler that has not started yet is not called: the callback returns {@code false} to VSS, the answer of a
 * writer that cannot take part), calls {@code Unsubscribe} so that VSS dispatches nothing new, waits for the handlers
 * already running, runs {@link #onAbort()} if the writer is inside a backup that has not ended for it (so an
 * application frozen in {@link #onFreeze()} resumes), and only then does what {@code ~CVssWriter} does. The queries ({@code getBackupType} ...) go
 * through the same guard: from the handlers still running they keep working while close waits; from any other thread
 * they throw {@link IllegalStateException} once close has begun. A handler that has not returned after
 * {@link #closeTimeout()} makes close give up: the native object, its vtable and the implementation are left alive
 * for the rest of the process (a leak, logged as an error), since freeing them would crash the process when that
 * handler returns into them or calls VSS. See docs/reliability.md.
 *
 * <p>The lifecycle methods take a private lock only to change the writer's state, never across a native call or a
 * handler: a subclass may synchronize its handlers on itself.
 */
public abstract class VssWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VssWriter.class);

    /** SDK default subscription: {@code VSS_SM_BACKUP_EVENTS_FLAG | VSS_SM_RESTORE_EVENTS_FLAG} (vswriter.h). */
    public static final Set<SubscribeMask> DEFAULT_EVENTS = Set.of(SubscribeMask.BACKUP_EVENTS_FLAG,
            SubscribeMask.RESTORE_EVENTS_FLAG);

    /** How long {@link #close()} waits for running handlers unless {@link #closeTimeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final FreezeWindow freezeWindow;
    /** Whether a backup is open for this writer, so close() owes it an OnAbort. */
    private final AbortOwed abortOwed = new AbortOwed();
    /** Guards the lifecycle fields below; never held across a native call or a handler. */
    private final Object lock = new Object();
    /** The first close's outcome, which later close() calls wait for. */
    private final CompletableFuture<Boolean> closeOutcome = new CompletableFuture<>();
    /** The handler running on each VSS thread (Microsoft ties several calls to "the same thread" as the handler). */
    private final ThreadLocal<CVssWriter> running = new ThreadLocal<>();
    /** Events being handled and queries from other threads; shut by close() before anything is released. */
    private final CallGuard guard = new CallGuard();
    private volatile WriterObject nativeObject;
    private volatile WriterImpl impl;
    private volatile String name = "(uninitialized)";
    private volatile Duration freezeTimeout = Duration.ofSeconds(60);
    private volatile Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    private boolean initializing;
    private boolean subscribed;
    private boolean closed;

    /** A writer timed by the system clock. */
    protected VssWriter() {
        this(InstantSource.system());
    }

    /** A writer whose freeze window is timed by {@code clock} (tests use a clock they advance). */
    protected VssWriter(InstantSource clock) {
        this.freezeWindow = new FreezeWindow(clock);
    }

    // ---- handlers (vswriter.h, in vtable order) -------------------------------------------------------------------

    /**
     * {@code OnIdentify}: declare the Writer Metadata Document through {@code metadata} (valid only here). Any
     * requester may raise Identify at any time, so it must not start a backup or change the writer's state (Microsoft
     * docs, "CVssWriter::OnIdentify").
     */
    protected boolean onIdentify(CreateWriterMetadata metadata) {
        return true;
    }

    /** {@code OnPrepareBackup}: read the selected components and their backup options; record backup metadata. */
    protected boolean onPrepareBackup(BorrowedWriterComponents components) {
        return true;
    }

    /** {@code OnPrepareSnapshot}: get ready to freeze. */
    protected abstract boolean onPrepareSnapshot();

    /** {@code OnFreeze}: flush and hold writes until {@link #onThaw()}, within the freeze timeout. */
    protected abstract boolean onFreeze();

    /** {@code OnThaw}: resume writes. */
    protected abstract boolean onThaw();

    /** {@code OnAbort}: the backup ended early; release anything held since PrepareBackup. */
    protected abstract boolean onAbort();

    /** {@code OnBackupComplete}: the requester finished; read backup-succeeded flags. */
    protected boolean onBackupComplete(BorrowedWriterComponents components) {
        return true;
    }

    /** {@code OnBackupShutdown}: the requester released the backup of snapshot set {@code snapshotSetId}. */
    protected boolean onBackupShutdown(UUID snapshotSetId) {
        return true;
    }

    /** {@code OnPreRestore}: prepare for the files of the selected components to be restored. */
    protected boolean onPreRestore(BorrowedWriterComponents components) {
        return true;
    }

    /** {@code OnPostRestore}: the files are restored. */
    protected boolean onPostRestore(BorrowedWriterComponents components) {
        return true;
    }

    /** {@code OnPostSnapshot}: the shadow copies exist; record what applies to them (backup stamps...). */
    protected boolean onPostSnapshot(BorrowedWriterComponents components) {
        return true;
    }

    /** {@code OnBackOffIOOnVolume}: throttle I/O on {@code volume}. */
    protected boolean onBackOffIOOnVolume(String volume, UUID snapshotId, UUID providerId) {
        return true;
    }

    /** {@code OnContinueIOOnVolume}: resume normal I/O on {@code volume}. */
    protected boolean onContinueIOOnVolume(String volume, UUID snapshotId, UUID providerId) {
        return true;
    }

    /** {@code OnVSSShutdown}: the VSS service is shutting down. */
    protected boolean onVSSShutdown() {
        return true;
    }

    /** {@code OnVSSApplicationStartup}. */
    protected boolean onVSSApplicationStartup() {
        return true;
    }

    /**
     * The writer held writes longer than its freeze timeout: VSS fails it with {@code VSS_E_WRITERERROR_TIMEOUT}.
     * Called once per freeze, at the return of {@code onFreeze} or the start of {@code onThaw}/{@code onAbort},
     * whichever first sees the overrun. Logs a warning by default.
     *
     * @param event where the overrun was seen ({@link CVssWriter#OnFreeze}, {@code OnThaw} or {@code OnAbort})
     * @param held  the time since {@code onFreeze} began
     */
    protected void freezeTimeoutExceeded(CVssWriter event, Duration held) {
        LOG.warn("VSS writer '{}' held writes for {} ms (from OnFreeze to {}), longer than its freeze timeout of {} ms:"
                + " VSS fails it with VSS_E_WRITERERROR_TIMEOUT", name, held.toMillis(), event.name(),
                freezeTimeout.toMillis());
    }

    /**
     * A handler threw {@code thrown}; it returns {@code false} to VSS, and for every event but Identify the failure was
     * reported to VSS before this is called. Logs an error naming the writer and the event by default. Runs on VSS's
     * thread; whatever it throws is logged and dropped.
     *
     * @param event the handler ({@code OnIdentify} also for {@link VssWriterEx#onIdentifyEx})
     */
    protected void handlerThrew(CVssWriter event, Throwable thrown) {
        if (event == CVssWriter.OnIdentify) {
            LOG.error("VSS writer '{}': OnIdentify threw; it returns false, and sets no writer failure (a writer never"
                    + " calls SetWriterFailure from OnIdentify: Microsoft docs, \"CVssWriter::OnIdentify\")", name,
                    thrown);
        } else {
            LOG.error("VSS writer '{}': {} threw; it returns false to VSS with {}", name, event.name(),
                    VssHresult.describe(HandlerFailure.of(thrown).writerError()), thrown);
        }
    }

    // ---- lifecycle --------------------------------------------------------------------------------------------

    /**
     * {@code CVssWriter::Initialize} as the SDK's inline class does it (vswriter.h):
     * {@code CreateWriter(this, &m_pWriterImpl)} ({@code CreateWriterEx} for a {@link VssWriterEx}), then
     * {@code IVssWriterImpl::Initialize(writerId, name, instanceName, 0, 0, usage, source, level, freezeTimeout,
     * VSS_AWS_NO_ALTERNATE_WRITER, false)}.
     */
    public final void initialize(UUID writerId, String name, String instanceName, UsageType usage, SourceType source,
            ApplicationLevel level, Duration freezeTimeout) {
        initialize(writerId, name, instanceName, usage, source, level, freezeTimeout,
                AlternateWriterState.NO_ALTERNATE_WRITER, false);
    }

    /** {@link #initialize(UUID, String, String, UsageType, SourceType, ApplicationLevel, Duration)} in full. */
    public final void initialize(UUID writerId, String name, String instanceName, UsageType usage,
            SourceType source, ApplicationLevel level, Duration freezeTimeout, AlternateWriterState alternateWriter,
            boolean ioThrottlingOnly) {
        long millis = freezeTimeout.toMillis();
        if (millis <= 0 || millis > 0xFFFFFFFEL) {
            throw new IllegalArgumentException("freeze timeout must be 1 ms .. 49 days: " + freezeTimeout);
        }
        synchronized (lock) {
            if (closed || impl != null || initializing) {
                throw new IllegalStateException("writer '" + this.name + "' is "
                        + (closed ? "closed" : "already initialized"));
            }
            initializing = true;
        }
        // Inside the guard: a close() that begins meanwhile waits for this to end, then releases what it made.
        if (!guard.enter()) {
            throw new IllegalStateException("writer '" + this.name + "' is closed");
        }
        try {
            this.freezeTimeout = freezeTimeout;
            createAndInitialize(writerId, name, instanceName, usage, source, level, (int) millis, alternateWriter,
                    ioThrottlingOnly);
        } finally {
            guard.exit();
            synchronized (lock) {
                initializing = false;
            }
        }
    }

    private void createAndInitialize(UUID writerId, String name, String instanceName, UsageType usage,
            SourceType source, ApplicationLevel level, int millis, AlternateWriterState alternateWriter,
            boolean ioThrottlingOnly) {
        this.name = name;
        ComApartment.ensureMta();
        WriterForm form = form();
        nativeObject = new WriterObject(name, form.slots(), new Dispatch());
        PointerByReference out = new PointerByReference();
        int hr = form.create(nativeObject.pointer(), out);
        if (hr < 0 || out.getValue() == null) {
            retireNative();
            throw new VssException(hr < 0 ? hr : VssHresult.E_UNEXPECTED.code(), form.export(), name);
        }
        nativeObject.writerImplSlot().setPointer(0, out.getValue());
        WriterImpl created = new WriterImpl(out.getValue());
        hr = created.hresult(IVssWriterImpl.Initialize, Guids.byValue(writerId), Utf16.toNative(name),
                Utf16.toNative(instanceName), 0, 0, usage.value(), source.value(), level.value(), millis,
                alternateWriter.value(), CppBool.of(ioThrottlingOnly));
        if (hr < 0) {
            created.release();
            retireNative();
            throw new VssException(hr, IVssWriterImpl.Initialize.qualifiedName(), name);
        }
        impl = created;
    }

    /** {@code Subscribe()} with the SDK default events ({@link #DEFAULT_EVENTS}). */
    public final void subscribe() {
        subscribe(DEFAULT_EVENTS);
    }

    /** {@code IVssWriterImpl::Subscribe(0, dwEventFlags)} (vswriter.h): the writer takes part from now. */
    public final void subscribe(Set<SubscribeMask> events) {
        onImpl(i -> {
            i.check(name, IVssWriterImpl.Subscribe, 0, SubscribeMask.toMask(events));
            // Still inside the guard: a close() that began meanwhile waits for this, then sees the flag.
            synchronized (lock) {
                subscribed = true;
            }
            return null;
        });
    }

    /** {@code IVssWriterImpl::Unsubscribe()}: the writer no longer takes part. */
    public final void unsubscribe() {
        onImpl(i -> {
            i.check(name, IVssWriterImpl.Unsubscribe);
            synchronized (lock) {
                subscribed = false;
            }
            return null;
        });
    }

    /** {@link #close(Duration)} with {@link #closeTimeout()}. */
    @Override
    public final void close() {
        close(closeTimeout);
    }

    /**
     * Closes the writer without ever freeing its native object under a running handler:
     * <ol>
     * <li>refuses every later event (its callback returns {@code false} without calling Java) and every query from a
     * thread that is not running one of this writer's handlers ({@link IllegalStateException});</li>
     * <li>{@code Unsubscribe()} if subscribed: VSS dispatches no new event to the writer;</li>
     * <li>waits, at most {@code wait}, for the handlers already running (and queries in flight) to return;</li>
     * <li>if a backup is open for the writer (from {@code OnPrepareBackup} on, until {@code OnAbort} or
     * {@code OnPostSnapshot} began), runs {@link #onAbort()} on the closing thread: VSS sends no further event to a
     * writer that unsubscribed, so without it an application frozen in {@link #onFreeze()} would stay frozen;</li>
     * <li>does what {@code ~CVssWriter} does (vswriter.h): {@code Uninitialize()} and {@code Release()} of the
     * implementation; then frees the native object and its vtable.</li>
     * </ol>
     * If a handler is still running after {@code wait}, step 4 is skipped for good: the writer, its native object and
     * its implementation stay alive until the process ends (an error in the log names the writer), because freeing
     * them would crash the process when the handler returns (and {@code onAbort} is not run). Idempotent: a later call,
     * also one made while the first is still waiting, waits for the first one's outcome and returns it.
     *
     * @return true if the implementation was released, false if it was left alive (now or by an earlier close)
     * @throws IllegalStateException from inside one of this writer's own handlers, which close would wait for
     */
    public final boolean close(Duration wait) {
        CVssWriter inHandler = running.get();
        if (inHandler != null) {
            throw new IllegalStateException("writer '" + name + "': close() called from its own " + inHandler.name()
                    + " handler, which close() would wait for; return from the handler and close from another thread");
        }
        boolean first;
        synchronized (lock) {
            first = !closed;
            closed = true;
            guard.shut();
        }
        if (!first) {
            // Bounded by the first close's own wait; never under the lock.
            return closeOutcome.join();
        }
        boolean released = false;
        try {
            released = closeOnce(wait);
            return released;
        } finally {
            closeOutcome.complete(released);
        }
    }

    private boolean closeOnce(Duration wait) {
        unsubscribeWhileClosing();
        if (!guard.awaitIdle(wait)) {
            LOG.error("VSS writer '{}': {} handler call(s) still running {} ms after close() began; its "
                    + "IVssWriterImpl is left alive (leaked) for the rest of the process rather than released under a"
                    + " running handler", name, guard.inFlight(), wait.toMillis());
            return false;
        }
        // A Subscribe in flight when close began has ended now: unsubscribe what it subscribed.
        unsubscribeWhileClosing();
        abortOpenBackup();
        releaseImpl();
        retireNative();
        return true;
    }

    private void unsubscribeWhileClosing() {
        WriterImpl i = impl;
        boolean wasSubscribed;
        synchronized (lock) {
            wasSubscribed = subscribed;
            subscribed = false;
        }
        if (i != null && wasSubscribed) {
            int hr = i.hresult(IVssWriterImpl.Unsubscribe);
            if (hr < 0) {
                LOG.warn("VSS writer '{}': {} failed with {} while closing; closing goes on", name,
                        IVssWriterImpl.Unsubscribe.qualifiedName(), VssHresult.describe(hr));
            }
        }
    }

    /**
     * Closing inside a backup: VSS sends nothing more to a writer that unsubscribed, so this writer would never get
     * its OnThaw or OnAbort. OnAbort is the event for "a shadow copy operation has terminated prematurely", in which
     * the writer frees what it holds for the operation (Microsoft docs, "CVssWriter::OnAbort"); it runs here like a
     * handler, so the writer's queries keep working inside it.
     */
    private void abortOpenBackup() {
        CVssWriter since = abortOwed.since();
        if (since == null || impl == null) {
            return;
        }
        LOG.warn("VSS writer '{}': closed inside a backup (from {} on, no OnAbort or OnPostSnapshot yet); running "
                + "onAbort so the application resumes", name, since.name());
        abortOwed.begins(CVssWriter.OnAbort);
        try (HandlerScope scope = new HandlerScope(CVssWriter.OnAbort.name())) {
            run(CVssWriter.OnAbort, this::onAbort);
        } catch (Throwable t) {
            LOG.error("VSS writer '{}': onAbort at close failed", name, t);
        }
    }

    /** How long {@link #close()} waits for handlers still running; {@link #DEFAULT_CLOSE_TIMEOUT} by default. */
    public final Duration closeTimeout() {
        return closeTimeout;
    }

    /** Sets {@link #closeTimeout()}: how long {@link #close()} waits for running handlers before it gives up. */
    public final void closeTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("close timeout must not be negative: " + timeout);
        }
        this.closeTimeout = timeout;
    }

    private void releaseImpl() {
        WriterImpl i;
        synchronized (lock) {
            i = impl;
            impl = null;
        }
        if (i != null) {
            try {
                i.uninitialize();
            } finally {
                i.release();
            }
        }
    }

    /** Cuts the native object off from this writer; its memory stays (see {@link WriterObject}). */
    private void retireNative() {
        WriterObject o = nativeObject;
        if (o != null) {
            o.retire();
        }
    }

    /** The name given to {@link #initialize}. */
    public final String name() {
        return name;
    }

    /** The freeze timeout given to {@link #initialize}. */
    public final Duration freezeTimeout() {
        return freezeTimeout;
    }

    /** The native {@code CVssWriter *} (for diagnostics and ABI tests); valid until {@link #close()}. */
    public final Pointer nativeObject() {
        return onImpl(i -> nativeObject.pointer());
    }

    /** The SDK class this writer's native object is; {@link VssWriterEx} is the Ex form. */
    WriterForm form() {
        return WriterForm.PLAIN;
    }

    /** The handler running on the calling thread, or null outside a handler (or on another thread). */
    final CVssWriter runningHandler() {
        return running.get();
    }

    /** Refuses {@code call} inside OnIdentify, where Microsoft forbids it ("CVssWriter::SetWriterFailure"). */
    final void refuseInIdentify(String call) {
        if (runningHandler() == CVssWriter.OnIdentify) {
            throw new IllegalStateException(call + " cannot be called from OnIdentify or OnIdentifyEx (Microsoft docs, "
                    + "\"CVssWriter::SetWriterFailure\"); writer '" + name + "' should return false instead");
        }
    }

    private WriterImpl writerImpl() {
        WriterImpl i = impl;
        if (i == null) {
            throw new IllegalStateException("writer '" + name + "' is " + (closed ? "closed" : "not initialized"));
        }
        return i;
    }

    /**
     * Runs {@code call} on the implementation while close() cannot release it: inside one of this writer's handlers
     * (its delivery already holds the guard), or by entering the guard, which is refused once close() began.
     */
    final <T> T onImpl(Function<WriterImpl, T> call) {
        if (running.get() != null) {
            return call.apply(writerImpl());
        }
        if (!guard.enter()) {
            throw new IllegalStateException("writer '" + name + "' is closed");
        }
        try {
            return call.apply(writerImpl());
        } finally {
            guard.exit();
        }
    }

    // ---- queries (IVssWriterImpl, vswriter.h) ---------------------------------------------------------------------

    /** {@code GetBackupType()}. */
    public final BackupType getBackupType() {
        return BackupType.fromValue(onImpl(i -> i.int32(IVssWriterImpl.GetBackupType)));
    }

    /** {@code GetRestoreType()}. */
    public final RestoreType getRestoreType() {
        return RestoreType.fromValue(onImpl(i -> i.int32(IVssWriterImpl.GetRestoreType)));
    }

    /** {@code GetContext()}: the {@code LONG} snapshot context ({@code VSS_CTX_*}, possibly with attribute bits). */
    public final int getContext() {
        return onImpl(i -> i.int32(IVssWriterImpl.GetContext));
    }

    /** {@code IsBootableSystemStateBackedUp()}. */
    public final boolean isBootableSystemStateBackedUp() {
        return onImpl(i -> i.cppBool(IVssWriterImpl.IsBootableSystemStateBackedUp));
    }

    /** {@code AreComponentsSelected()}: whether the requester backs up selected components (component mode). */
    public final boolean areComponentsSelected() {
        return onImpl(i -> i.cppBool(IVssWriterImpl.AreComponentsSelected));
    }

    /** {@code IsPartialFileSupportEnabled()}. */
    public final boolean isPartialFileSupportEnabled() {
        return onImpl(i -> i.cppBool(IVssWriterImpl.IsPartialFileSupportEnabled));
    }

    /** {@code IsPathAffected(wszPath)}: whether {@code path} is on a volume of the shadow copy set. */
    public final boolean isPathAffected(String path) {
        return onImpl(i -> i.cppBool(IVssWriterImpl.IsPathAffected, Utf16.toNative(path)));
    }

    /**
     * {@code GetCurrentVolumeArray()} and {@code GetCurrentVolumeCount()}: the volumes of the shadow copy set. The
     * array and its strings belong to VSS and are only read here.
     */
    public final List<String> getCurrentVolumes() {
        return onImpl(i -> {
            int count = i.int32(IVssWriterImpl.GetCurrentVolumeCount);
            Pointer array = i.pointer(IVssWriterImpl.GetCurrentVolumeArray);
            if (count <= 0 || array == null) {
                return List.of();
            }
            List<String> volumes = new ArrayList<>(count);
            for (int n = 0; n < count; n++) {
                volumes.add(Utf16.read(array.getPointer((long) n * Native.POINTER_SIZE)));
            }
            return Collections.unmodifiableList(volumes);
        });
    }

    /**
     * {@code GetSnapshotDeviceName(wszOriginalVolume, &wszSnapshotDevice)}: the device of the shadow copy of
     * {@code volume}; the string belongs to VSS (not freed).
     */
    public final String getSnapshotDeviceName(String volume) {
        PointerByReference device = new PointerByReference();
        onImpl(i -> i.check(volume, IVssWriterImpl.GetSnapshotDeviceName, Utf16.toNative(volume), device));
        return Utf16.read(device.getValue());
    }

    /**
     * {@code GetCurrentSnapshotSetId()}: returns a {@code VSS_ID} by value from a member function, so on x64 the
     * caller passes a hidden result buffer right after {@code this} (MSVC's rule for member functions; Microsoft docs,
     * "x64 calling convention", return values).
     */
    public final UUID getCurrentSnapshotSetId() {
        Memory result = new Memory(16);
        result.clear();
        onImpl(i -> i.pointer(IVssWriterImpl.GetCurrentSnapshotSetId, result));
        return Guids.read(result);
    }

    /** {@code GetCurrentLevel()}. */
    public final ApplicationLevel getCurrentLevel() {
        return ApplicationLevel.fromValue(onImpl(i -> i.int32(IVssWriterImpl.GetCurrentLevel)));
    }

    /** {@code SetWriterFailure(hr)}: the writer's failure for the current event (a {@code VSS_E_WRITERERROR_*}). */
    public final void setWriterFailure(VssHresult hr) {
        setWriterFailure(hr.code());
    }

    /**
     * {@code SetWriterFailure(hr)} with a raw HRESULT, from a handler on its own thread (Microsoft docs,
     * "CVssWriter::SetWriterFailure"); never from {@code onIdentify} (an {@link IllegalStateException}).
     */
    public final void setWriterFailure(int hr) {
        refuseInIdentify("SetWriterFailure");
        onImpl(i -> i.check(VssHresult.describe(hr), IVssWriterImpl.SetWriterFailure, hr));
    }

    /**
     * {@code InstallAlternateWriter(idWriter, clsid)}: both ids by value (Microsoft docs, "x64 calling convention").
     */
    public final void installAlternateWriter(UUID writerId, UUID persistentWriterClassId) {
        onImpl(i -> i.check(null, IVssWriterImpl.InstallAlternateWriter, Guids.byValue(writerId),
                Guids.byValue(persistentWriterClassId)));
    }

    // ---- dispatch of the native callbacks -------------------------------------------------------------------------

    /**
     * Runs one handler: never lets a {@link Throwable} out (it would unwind through VSS's native frames), reports a
     * thrown failure (except from Identify), and watches the freeze window.
     */
    private boolean run(CVssWriter event, BooleanSupplier handler) {
        CVssWriter outer = running.get();
        running.set(event);
        try {
            return runOnThisThread(event, handler);
        } finally {
            if (outer == null) {
                running.remove();
            } else {
                running.set(outer);
            }
        }
    }

    private boolean runOnThisThread(CVssWriter event, BooleanSupplier handler) {
        if (event == CVssWriter.OnThaw || event == CVssWriter.OnAbort) {
            reportOverrun(event);
            freezeWindow.close();
        } else if (event == CVssWriter.OnFreeze) {
            freezeWindow.open();
        }
        abortOwed.begins(event);
        boolean ok;
        try {
            ok = handler.getAsBoolean();
        } catch (Throwable t) {
            ok = false;
            if (event != CVssWriter.OnIdentify) {
                reportFailure(HandlerFailure.of(t));
            }
            try {
                handlerThrew(event, t);
            } catch (Throwable secondary) {
                LOG.error("VSS writer '{}': handlerThrew failed after {} threw", name, event.name(), secondary);
            }
        }
        if (event == CVssWriter.OnFreeze) {
            reportOverrun(event);
        }
        return ok;
    }

    private void reportOverrun(CVssWriter event) {
        freezeWindow.overrun(freezeTimeout).ifPresent(held -> {
            try {
                freezeTimeoutExceeded(event, held);
            } catch (RuntimeException e) {
                LOG.error("VSS writer '{}': freezeTimeoutExceeded threw", name, e);
            }
        });
    }

    /** Reports a thrown failure to VSS: {@code SetWriterFailure} here, {@code SetWriterFailureEx} for the Ex form. */
    void reportFailure(HandlerFailure f) {
        try {
            setWriterFailure(f.writerError());
        } catch (Throwable e) {
            LOG.error("VSS writer '{}': SetWriterFailure({}) failed", name, VssHresult.describe(f.writerError()), e);
        }
    }

    /** {@code OnIdentifyEx}: only the Ex form's vtable has the slot ({@link VssWriterEx}). */
    boolean identifyEx(Pointer borrowed, HandlerScope scope) {
        throw new IllegalStateException("OnIdentifyEx called on a CVssWriter, whose vtable has no such slot");
    }

    /**
     * Delivers one event through the guard: once close() began, the event is refused (false, VSS's answer of a writer
     * that cannot take part: the operation fails at this writer rather than going on without it having acted).
     */
    private boolean admit(String event, BooleanSupplier delivery) {
        if (!guard.enter()) {
            LOG.warn("VSS writer '{}': {} arrived after close() began; refused (returns false to VSS)", name, event);
            return false;
        }
        try {
            return delivery.getAsBoolean();
        } finally {
            guard.exit();
        }
    }

    /** The callbacks' entry into this writer: every one through {@link #admit}. */
    private final class Dispatch implements WriterObject.Handlers {

        @Override
        public boolean handle(CVssWriter event, Pointer borrowed) {
            return admit(event.name(), () -> handleAdmitted(event, borrowed));
        }

        private boolean handleAdmitted(CVssWriter event, Pointer borrowed) {
            boolean result = false;
            try (HandlerScope scope = new HandlerScope(event.name())) {
                result = run(event, () -> switch (event) {
                    case OnIdentify -> onIdentify(borrowed == null ? null : new CreateWriterMetadata(borrowed, scope));
                    case OnPrepareBackup -> onPrepareBackup(components(borrowed, scope));
                    case OnPrepareSnapshot -> onPrepareSnapshot();
                    case OnFreeze -> onFreeze();
                    case OnThaw -> onThaw();
                    case OnAbort -> onAbort();
                    case OnBackupComplete -> onBackupComplete(components(borrowed, scope));
                    case OnPreRestore -> onPreRestore(components(borrowed, scope));
                    case OnPostRestore -> onPostRestore(components(borrowed, scope));
                    case OnPostSnapshot -> onPostSnapshot(components(borrowed, scope));
                    case OnVSSShutdown -> onVSSShutdown();
                    case OnVSSApplicationStartup -> onVSSApplicationStartup();
                    default -> throw new IllegalArgumentException(event + " has other arguments");
                });
            } catch (Throwable t) {
                // run() catches the handler's throwables; this is closing the scope, i.e. releasing a component the
                // handler left open. It must not reach native code either; the handler's result stands.
                LOG.error("VSS writer '{}': releasing what {} left open failed", name, event.name(), t);
            }
            return result;
        }

        @Override
        public boolean identifyEx(Pointer borrowed) {
            return admit(CVssWriterEx.OnIdentifyEx.name(), () -> identifyExAdmitted(borrowed));
        }

        private boolean identifyExAdmitted(Pointer borrowed) {
            boolean result = false;
            try (HandlerScope scope = new HandlerScope(CVssWriterEx.OnIdentifyEx.name())) {
                result = run(CVssWriter.OnIdentify, () -> VssWriter.this.identifyEx(borrowed, scope));
            } catch (Throwable t) {
                LOG.error("VSS writer '{}': releasing what OnIdentifyEx left open failed", name, t);
            }
            return result;
        }

        private BorrowedWriterComponents components(Pointer borrowed, HandlerScope scope) {
            return borrowed == null ? null : new BorrowedWriterComponents(borrowed, scope);
        }

        @Override
        public boolean backupShutdown(UUID snapshotSetId) {
            return admit(CVssWriter.OnBackupShutdown.name(),
                    () -> run(CVssWriter.OnBackupShutdown, () -> onBackupShutdown(snapshotSetId)));
        }

        @Override
        public boolean volumeEvent(CVssWriter event, String volume, UUID snapshotId, UUID providerId) {
            return admit(event.name(), () -> run(event, () -> event == CVssWriter.OnBackOffIOOnVolume
                    ? onBackOffIOOnVolume(volume, snapshotId, providerId)
                    : onContinueIOOnVolume(volume, snapshotId, providerId)));
        }

        /**
         * The scalar deleting destructor, if native code deletes the object: does what {@code ~CVssWriter} does
         * (Uninitialize and Release the implementation). The memory is Java's; it is freed by {@link #close()}, so
         * bit 0 of {@code flags} ("free after destruction") leaves nothing more to do here.
         */
        @Override
        public void destroy(int flags) {
            admit(CVssWriter.ScalarDeletingDestructor.name(), () -> {
                try {
                    synchronized (lock) {
                        subscribed = false;
                    }
                    releaseImpl();
                } catch (Throwable t) {
                    LOG.error("VSS writer '{}': destructor failed", name, t);
                }
                return true;
            });
        }
    }
}
