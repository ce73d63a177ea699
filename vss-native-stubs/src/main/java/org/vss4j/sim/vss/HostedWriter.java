package org.vss4j.sim.vss;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.vss4j.ApplicationLevel;
import org.vss4j.SubscribeMask;
import org.vss4j.VssHresult;
import org.vss4j.abi.CallCheck;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.CVssWriterEx;
import org.vss4j.com.CallGuard;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriterMetadata;
import org.vss4j.sim.WriterComponentData;
import org.vss4j.sim.WriterEvent;
import org.vss4j.sim.abi.ComThreads;
import org.vss4j.sim.abi.SlotTable;

/**
 * A real writer hosted by the simulated machine: the {@code CVssWriter} object that {@code CreateWriter} received (or
 * the {@code CVssWriterEx} object of {@code CreateWriterEx}), taking part in backups and restores once subscribed.
 * Events are dispatched as VSS does, by calling the object's native vtable (vswriter.h, MSVC vftable order): read the
 * vtable pointer at the object, call slot {@code n} with {@code this} = the object; each handler returns a C++
 * {@code bool} (AL, read as a byte). The interfaces passed to the handlers are the simulator's own, lent for the call
 * ({@link CreateWriterMetadataObject}, {@link LentWriterComponentsObject}).
 *
 * <p>Outcome of an event: {@code false}, or a failure set with {@code SetWriterFailure(Ex)} during the handler, fails
 * the writer at that event. Only {@code false} is fatal, failing the asynchronous operation (a plain {@code false}
 * with no failure set counts as {@code VSS_E_WRITERERROR_NONRETRYABLE}, as for a vetoing
 * {@link org.vss4j.sim.SimulatedWriter}); {@code true} after a failure was set is a non-fatal error: the operation
 * goes on and only the writer's status shows the failure (Microsoft docs, "CVssWriter::OnPrepareBackup" and each
 * other handler's page). {@code OnFreeze} runs against the writer's freeze timeout: if it has not returned when the
 * timeout expires, the writer fails with {@code VSS_E_WRITERERROR_TIMEOUT} (vsserror.h, "Writer's timeout expired
 * between Freeze and Thaw") and the backup goes on without waiting for it.
 *
 * <p>Unsubscribe: from {@code IVssWriterImpl::Unsubscribe} (or {@code Uninitialize}, or the final Release) on, VSS
 * dispatches nothing new to the writer; a handler already called runs to its end on its thread, and
 * {@code Uninitialize} returns only when no call into the writer's vtable is in flight, so the writer may free its
 * object once Uninitialize returned (the SDK's {@code ~CVssWriter} calls Uninitialize, then Release, then its memory
 * goes). An event of a backup the writer was part of that comes after it unsubscribed is not sent: the writer fails at
 * that event with {@code VSS_E_WRITER_NOT_RESPONDING} ("the writer may either have terminated or it may be stuck",
 * vsserror.h). Microsoft documents neither what a requester sees for a writer that went away in the middle of a
 * backup nor whether Uninitialize waits for an event in flight; both are the simulator's choices (docs/reliability.md).
 */
public final class HostedWriter implements WriterParticipant {

    /** The failure a handler set with SetWriterFailure(Ex) during the current event. */
    private record Failure(int hresult, int applicationHresult, String applicationMessage) {
    }

    /** The writer object's vtable, from the simulator's own table (vswriter.h, MSVC vftable order). */
    private static final SlotTable WRITER_SLOTS = SlotTable.of("CVssWriterEx");

    /**
     * One event being handled on one thread: Microsoft ties SetWriterFailure to "the same thread that called the
     * event handler" ("CVssWriter::SetWriterFailure"), and events of different requesters may overlap (any requester
     * raises Identify at any time: "CVssWriter::OnIdentify"), so each handler call has its own.
     */
    private static final class EventCall {
        final WriterEvent event;
        volatile Failure failure;

        EventCall(WriterEvent event) {
            this.event = event;
        }
    }

    /** A component by logical path ({@code ""} for none) and name. */
    private record ComponentKey(String logicalPath, String name) {
        static ComponentKey of(String logicalPath, String name) {
            return new ComponentKey(logicalPath == null ? "" : logicalPath, name);
        }
    }

    private final SimulatedMachine machine;
    private final Pointer writerObject;
    private final SimulatedWriterMetadata identity;
    private final ApplicationLevel level;
    private final Duration freezeTimeout;
    private final int subscribedEvents;
    private final boolean ex;
    private final ThreadLocal<EventCall> onThread = new ThreadLocal<>();
    private final List<WriterEvent> events = new ArrayList<>();
    private final Map<ComponentKey, WriterComponentData> recorded = new HashMap<>();
    private volatile SimulatedWriterMetadata metadata;
    private volatile WriterSessionContext session;
    /** Calls into the writer's vtable in flight; shut when the writer unsubscribes. */
    private final CallGuard dispatching = new CallGuard();

    /** Thrown inside a delivery when the writer unsubscribed before its handler could be called. */
    private static final class Unsubscribed extends RuntimeException {
        Unsubscribed() {
            super(null, null, false, false);
        }
    }

    /** @param ex whether {@code CreateWriterEx} made its implementation: VSS then calls the CVssWriterEx vtable */
    HostedWriter(SimulatedMachine machine, Pointer writerObject, SimulatedWriterMetadata identity,
            ApplicationLevel level, Duration freezeTimeout, int subscribedEvents, boolean ex) {
        this.ex = ex;
        this.machine = machine;
        this.writerObject = writerObject;
        this.identity = identity;
        this.metadata = identity;
        this.level = level;
        this.freezeTimeout = freezeTimeout;
        this.subscribedEvents = subscribedEvents;
    }

    @Override
    public SimulatedWriterMetadata metadata() {
        return metadata;
    }

    /** The metadata the last successful Identify declared, or null if the writer was never identified. */
    SimulatedWriterMetadata identified() {
        SimulatedWriterMetadata m = metadata;
        return m == identity ? null : m;
    }

    ApplicationLevel level() {
        return level;
    }

    /** The session of the last event, or null before the first. */
    WriterSessionContext session() {
        return session;
    }

    /**
     * The events the writer received, in order.
     *
     * @return a copy of the events, in the order received
     */
    public synchronized List<WriterEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public synchronized WriterComponentData recorded(String logicalPath, String componentName) {
        return recorded.getOrDefault(ComponentKey.of(logicalPath, componentName), WriterComponentData.NONE);
    }

    /** An IVssComponent setter of the writer on component (logicalPath, name). */
    synchronized void record(String logicalPath, String name, UnaryOperator<WriterComponentData> edit) {
        ComponentKey key = ComponentKey.of(logicalPath, name);
        recorded.put(key, edit.apply(recorded.getOrDefault(key, WriterComponentData.NONE)));
    }

    /** Backup events need VSS_SM_BACKUP_EVENTS_FLAG, restore events VSS_SM_RESTORE_EVENTS_FLAG (vswriter.h). */
    @Override
    public boolean receives(WriterEvent event) {
        boolean restore = event == WriterEvent.PRE_RESTORE || event == WriterEvent.POST_RESTORE;
        int needed = restore ? SubscribeMask.RESTORE_EVENTS_FLAG.value() : SubscribeMask.BACKUP_EVENTS_FLAG.value();
        return event == WriterEvent.IDENTIFY || (subscribedEvents & needed) != 0;
    }

    /** The event whose handler runs on the calling thread, or null. */
    WriterEvent eventOnThisThread() {
        EventCall c = onThread.get();
        return c == null ? null : c.event;
    }

    /**
     * {@code SetWriterFailure(Ex)}: records the failure of the event whose handler runs on the calling thread;
     * VSS_E_BAD_STATE outside a handler or from another thread (Microsoft docs, "CVssWriter::SetWriterFailure": from
     * the handler's own thread). From Identify it is refused with VSS_E_BAD_STATE and recorded as a misuse: "This
     * method cannot be called from CVssWriter::OnIdentify or CVssWriterEx::OnIdentifyEx" (same page), since any
     * requester raises Identify at any time and a failure set there would land on another requester's backup.
     * Microsoft documents no code for either refusal; VSS_E_BAD_STATE is the simulator's choice (docs/writers.md).
     */
    int setFailure(String call, int hresult, int applicationHresult, String applicationMessage) {
        EventCall c = onThread.get();
        if (c == null) {
            return VssHresult.VSS_E_BAD_STATE.code();
        }
        if (c.event == WriterEvent.IDENTIFY) {
            machine.ledger().error(call + " called from " + (ex ? "OnIdentifyEx" : "OnIdentify") + " of writer '"
                    + identity.writerName() + "': writers never set a failure from Identify (Microsoft docs, "
                    + "\"CVssWriter::SetWriterFailure\"); refused with VSS_E_BAD_STATE");
            return VssHresult.VSS_E_BAD_STATE.code();
        }
        c.failure = new Failure(hresult, applicationHresult, applicationMessage);
        return VssHresult.S_OK.code();
    }

    /** The writer unsubscribed: nothing new is dispatched to it from now on. */
    void unsubscribed() {
        dispatching.shut();
    }

    /**
     * Whether the writer is still subscribed.
     *
     * @return true until the writer unsubscribes
     */
    public boolean isSubscribed() {
        return !dispatching.isShut();
    }

    /**
     * After {@link #unsubscribed()}: waits until no call into the writer's vtable is in flight, at most
     * {@code timeout}. A handler that does not return within it is left running; false then.
     */
    boolean awaitDispatchesEnded(Duration timeout) {
        return dispatching.awaitIdle(timeout);
    }

    @Override
    public EventResult deliver(WriterEvent event, WriterSessionContext context, AsyncOperation op)
            throws InterruptedException {
        try {
            return deliverSubscribed(event, context, op);
        } catch (Unsubscribed e) {
            // Abort asks the writer to undo its part; a writer that went away has none left, and the failure it had
            // at the event it missed stays what the requester sees.
            return event == WriterEvent.ABORT ? EventResult.OK : notResponding(event);
        }
    }

    private EventResult notResponding(WriterEvent event) {
        return new EventResult(VssHresult.VSS_E_WRITER_NOT_RESPONDING.code(), VssHresult.S_OK.code(),
                "writer '" + identity.writerName() + "' unsubscribed before " + event + " could be sent to it");
    }

    private EventResult deliverSubscribed(WriterEvent event, WriterSessionContext context, AsyncOperation op)
            throws InterruptedException {
        if (!isSubscribed()) {
            throw new Unsubscribed();
        }
        synchronized (this) {
            events.add(event);
            if (event == WriterEvent.PREPARE_FOR_BACKUP) {
                recorded.clear();
            }
        }
        session = context;
        EventCall c = new EventCall(event);
        onThread.set(c);
        try {
            return switch (event) {
                case IDENTIFY -> identify(c);
                case PREPARE_FOR_BACKUP -> withComponents(c, CVssWriter.OnPrepareBackup, context);
                case PREPARE_FOR_SNAPSHOT -> outcome(c, call(CVssWriter.OnPrepareSnapshot));
                case FREEZE -> freeze(c);
                case THAW -> outcome(c, call(CVssWriter.OnThaw));
                case POST_SNAPSHOT -> withComponents(c, CVssWriter.OnPostSnapshot, context);
                case BACKUP_COMPLETE -> withComponents(c, CVssWriter.OnBackupComplete, context);
                case ABORT -> outcome(c, call(CVssWriter.OnAbort));
                case PRE_RESTORE -> withComponents(c, CVssWriter.OnPreRestore, context);
                case POST_RESTORE -> withComponents(c, CVssWriter.OnPostRestore, context);
            };
        } finally {
            onThread.remove();
        }
    }

    private String lentTo(ComMethod slot) {
        return slot.qualifiedName() + " of writer '" + identity.writerName() + "'";
    }

    /**
     * Identify: {@code OnIdentify} with an {@code IVssCreateWriterMetadata}, or for a writer made by
     * {@code CreateWriterEx}, {@code OnIdentifyEx} with an {@code IVssCreateWriterMetadataEx}. In which order, and
     * whether, vssapi calls the two for an Ex writer Microsoft does not document (the SDK's {@code CVssWriterEx}
     * answers false from both, and "A writer can override OnIdentify or OnIdentifyEx, but not both"); the simulator
     * calls OnIdentifyEx only (docs/writers.md).
     */
    private EventResult identify(EventCall c) {
        ComMethod slot = ex ? CVssWriterEx.OnIdentifyEx : CVssWriter.OnIdentify;
        CreateWriterMetadataObject m = ex ? CreateWriterMetadataObject.ex(identity, lentTo(slot), machine.ledger())
                : CreateWriterMetadataObject.plain(identity, lentTo(slot), machine.ledger());
        boolean ok;
        try {
            ok = call(slot, m.pointer());
        } finally {
            m.retire();
        }
        EventResult r = outcome(c, ok);
        if (!r.failed()) {
            metadata = m.build();
        }
        return r;
    }

    private EventResult withComponents(EventCall event, CVssWriter slot, WriterSessionContext context) {
        LentWriterComponentsObject c = new LentWriterComponentsObject(context, this, lentTo(slot), machine.ledger());
        try {
            return outcome(event, call(slot, c.pointer()));
        } finally {
            c.retire();
        }
    }

    /**
     * OnFreeze on its own thread, awaited for the freeze timeout: a writer still in OnFreeze when it expires has failed
     * with VSS_E_WRITERERROR_TIMEOUT. The thread joins COM, as VSS's event threads are COM threads.
     */
    private EventResult freeze(EventCall c) throws InterruptedException {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            ComThreads.initialize(0);
            onThread.set(c);
            try {
                done.complete(call(CVssWriter.OnFreeze));
            } catch (Throwable e) {
                done.completeExceptionally(e);
            } finally {
                onThread.remove();
                ComThreads.uninitialize();
            }
        }, "vss-simulator-freeze-" + identity.writerName());
        t.setDaemon(true);
        t.start();
        try {
            return outcome(c, done.get(freezeTimeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return new EventResult(VssHresult.VSS_E_WRITERERROR_TIMEOUT.code(), VssHresult.S_OK.code(),
                    "writer '" + identity.writerName() + "' did not return from OnFreeze within its freeze timeout of "
                            + freezeTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Unsubscribed u) {
                throw u;
            }
            throw new IllegalStateException("OnFreeze of writer '" + identity.writerName() + "' failed natively",
                    e.getCause());
        }
    }

    /**
     * What the handler's answer and the failure it set make of the event. Every event handler's page (Microsoft docs,
     * "CVssWriter::OnPrepareBackup", "...::OnPrepareSnapshot", "...::OnFreeze", "...::OnThaw", "...::OnPostSnapshot",
     * "...::OnAbort", "...::OnBackupComplete", "...::OnBackupShutdown", "...::OnPreRestore", "...::OnPostRestore")
     * says: on a fatal error the handler calls SetWriterFailure "before returning false"; "If a nonfatal error
     * occurs, the method should still call SetWriterFailure but return true". So {@code false} vetoes (fatal), and
     * {@code true} with a failure set leaves the writer failed at the event without failing the operation. Identify
     * never has a failure: SetWriterFailure is refused there ({@link #setFailure}).
     */
    private EventResult outcome(EventCall c, boolean returned) {
        Failure f = c.failure;
        if (f == null) {
            return returned ? EventResult.OK : EventResult.of(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE.code());
        }
        boolean fatal = !returned;
        return new EventResult(f.hresult, f.applicationHresult, f.applicationMessage, fatal);
    }

    /**
     * Calls {@code slot} of the writer's vtable with {@code this} = the CVssWriter object; the C++ bool result. Never
     * once the writer unsubscribed ({@link Unsubscribed}): its object may be gone.
     */
    private boolean call(ComMethod slot, Object... args) {
        if (!dispatching.enter()) {
            throw new Unsubscribed();
        }
        try {
            Pointer vtable = writerObject.getPointer(0);
            // The slot comes from the simulator's own CVssWriterEx table (CVssWriter's slots, then OnIdentifyEx), by
            // name.
            Function fn = Function.getFunction(vtable.getPointer((long) WRITER_SLOTS.slotOf(slot).index() * 8));
            requireHandlerCall(slot, args);
            Object[] full = new Object[args.length + 1];
            full[0] = writerObject;
            System.arraycopy(args, 0, full, 1, args.length);
            return ((Byte) fn.invoke(Byte.class, full)) != 0;
        } finally {
            dispatching.exit();
        }
    }

    /**
     * The same check as every binding call: the arguments (after {@code this}) against the handler's declared
     * prototype in {@link CVssWriter} or {@link CVssWriterEx} (vswriter.h; Microsoft docs, "CVssWriter class"), before
     * native code runs, and the result read as a C++ {@code bool} (one byte, AL).
     *
     * @throws IllegalArgumentException naming the handler and the parameter on a wrong count or kind
     */
    static void requireHandlerCall(ComMethod slot, Object[] args) {
        CallCheck.requireArguments(slot, args);
        CallCheck.requireReturn(slot, Byte.class);
    }

    /**
     * A fault for tests, the race that {@link #call}'s guard keeps out of normal dispatch: a VSS thread that reads the
     * function pointer of {@code slot} from the writer's vtable now and calls it only later, when the writer may have
     * unsubscribed and closed. Nothing a writer can wait for (not Unsubscribe, not Uninitialize) sees such a thread, so
     * a writer that freed its object or vtable at close would crash on it. Only for events without arguments.
     *
     * @param slot the event handler's slot
     * @return the slot's function pointer as read now, to be called later
     */
    public LateCall readSlotForLateCall(CVssWriter slot) {
        Pointer vtable = writerObject.getPointer(0);
        long offset = (long) WRITER_SLOTS.slotOf(slot).index() * 8;
        return new LateCall(slot, vtable, offset, vtable.getPointer(offset));
    }

    /** A vtable slot read by {@link #readSlotForLateCall}, to be called later. */
    public final class LateCall {
        private final CVssWriter slot;
        private final Pointer vtable;
        private final long offset;
        private final Pointer fn;

        private LateCall(CVssWriter slot, Pointer vtable, long offset, Pointer fn) {
            this.slot = slot;
            this.vtable = vtable;
            this.offset = offset;
            this.fn = fn;
        }

        /**
         * Whether the writer object still points at the vtable read, and that still holds the slot read.
         *
         * @return true if neither the object's vtable pointer nor the slot changed since it was read
         */
        public boolean objectUnchanged() {
            Pointer now = writerObject.getPointer(0);
            return now != null && Pointer.nativeValue(now) == Pointer.nativeValue(vtable)
                    && Pointer.nativeValue(vtable.getPointer(offset)) == Pointer.nativeValue(fn);
        }

        /**
         * Calls the slot read earlier with {@code this} = the writer object, on this thread; the C++ bool result.
         *
         * @return what the handler returned
         */
        public boolean call() {
            // Checked as every handler call is: an event with arguments cannot be sent without them.
            requireHandlerCall(slot, new Object[0]);
            ComThreads.initialize(0);
            try {
                return ((Byte) Function.getFunction(fn).invoke(Byte.class, new Object[] {writerObject})) != 0;
            } finally {
                ComThreads.uninitialize();
            }
        }
    }

    /**
     * Sends a standalone event (outside a backup) with no session: returns what the handler returned, or false
     * without calling anything once the writer unsubscribed (VSS sends nothing to it).
     */
    private synchronized boolean standalone(CVssWriter slot, Object... args) {
        ComThreads.initialize(0);
        try {
            return call(slot, args);
        } catch (Unsubscribed e) {
            return false;
        } finally {
            ComThreads.uninitialize();
        }
    }

    /** {@code OnBackupShutdown(snapshotSetId)}: the requester of the backup released its IVssBackupComponents. */
    void backupShutdown(UUID snapshotSetId) {
        standalone(CVssWriter.OnBackupShutdown, Guids.byValue(snapshotSetId));
    }

    /**
     * Sends {@code OnBackOffIOOnVolume(volume, snapshotId, providerId)} (for tests of I/O throttling writers).
     *
     * @param volume the volume name, with its trailing backslash
     * @param snapshotId the shadow copy's id
     * @param providerId the provider's id
     * @return what the handler returned; false without a call once the writer unsubscribed
     */
    public boolean sendBackOffIOOnVolume(String volume, UUID snapshotId, UUID providerId) {
        return standalone(CVssWriter.OnBackOffIOOnVolume, Utf16.toNative(volume), Guids.byValue(snapshotId),
                Guids.byValue(providerId));
    }

    /**
     * Sends {@code OnContinueIOOnVolume(volume, snapshotId, providerId)}.
     *
     * @param volume the volume name, with its trailing backslash
     * @param snapshotId the shadow copy's id
     * @param providerId the provider's id
     * @return what the handler returned; false without a call once the writer unsubscribed
     */
    public boolean sendContinueIOOnVolume(String volume, UUID snapshotId, UUID providerId) {
        return standalone(CVssWriter.OnContinueIOOnVolume, Utf16.toNative(volume), Guids.byValue(snapshotId),
                Guids.byValue(providerId));
    }

    /**
     * Sends {@code OnVSSShutdown()}: the VSS service stops.
     *
     * @return what the handler returned; false without a call once the writer unsubscribed
     */
    public boolean sendVssShutdown() {
        return standalone(CVssWriter.OnVSSShutdown);
    }

    /**
     * Sends {@code OnVSSApplicationStartup()}.
     *
     * @return what the handler returned; false without a call once the writer unsubscribed
     */
    public boolean sendVssApplicationStartup() {
        return standalone(CVssWriter.OnVSSApplicationStartup);
    }
}
