package org.vss4j.writer;

import com.sun.jna.CallbackProxy;
import com.sun.jna.CallbackReference;
import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.CVssWriterEx;

/**
 * The native {@code CVssWriter} (or {@code CVssWriterEx}) object of one {@link VssWriter}, as a writer built with the
 * Windows SDK has it (vswriter.h, MSVC layout): 16 bytes, the vtable pointer at 0 and
 * {@code IVssWriterImpl *m_pWriterImpl} at 8, which {@code CreateWriter}/{@code CreateWriterEx} fills. The vtable
 * (virtual methods in vswriter.h declaration order, {@link WriterForm#slots()}) holds JNA callbacks: slot 0 the scalar
 * deleting destructor, slots 1-15 the {@code On*} handlers, and for the Ex form slot 16 {@code OnIdentifyEx}; each
 * handler returns a C++ {@code bool} (a byte in AL). The Ex form's slot 1 {@code OnIdentify} answers {@code false}
 * without calling Java, as the SDK's {@code CVssWriterEx::OnIdentify} does: such a writer identifies itself in
 * {@code OnIdentifyEx} ("A writer can override OnIdentify or OnIdentifyEx, but not both", Microsoft docs,
 * "CVssWriterEx::OnIdentifyEx").
 *
 * <p>Each slot's callback is built from the slot's declared signature ({@link DeclaredCallback}: the JNA classes
 * from {@code signature().lowered()}, one per kind), and the Java side of each slot ({@link SlotHandler}) reads the
 * arguments by their declared kinds; a handler whose Java arguments do not fit the declaration stops the object from
 * being built. On x64 each {@code VSS_ID} argument arrives as a pointer to a caller-made copy (Microsoft docs,
 * "x64 calling convention"); its declared class {@code GUID.ByValue} makes libffi apply the platform's own rule, which
 * is that one on Windows and the one the simulator uses elsewhere.
 *
 * <p>Lifetime: the object memory, the table and the callbacks (their trampolines) are never freed. A VSS thread may
 * have read the object's vtable before the writer unsubscribed and reach a slot only after close: nothing the writer
 * can wait for sees that thread, so the memory it jumps through must stay valid for the rest of the process. Every
 * object stays in a static set; {@link #retire()} only cuts it off from the writer, so a late call answers
 * {@code false} without calling Java, and the closed writer itself can be collected. What stays is the 16-byte
 * object, the table and one JNA trampoline per slot: a few kilobytes per writer ever created. Callbacks arrive on
 * VSS's threads, which JNA attaches as daemon threads and leaves attached, so a thread's MTA state persists between
 * events.
 */
final class WriterObject {

    private static final Logger LOG = LoggerFactory.getLogger(WriterObject.class);

    /** What the callbacks call: the writer's dispatch. */
    interface Handlers {
        boolean handle(CVssWriter event, Pointer borrowed);

        /** {@code OnIdentifyEx(IVssCreateWriterMetadataEx *)}: only in the Ex form's vtable. */
        boolean identifyEx(Pointer borrowed);

        boolean backupShutdown(UUID snapshotSetId);

        boolean volumeEvent(CVssWriter event, String volume, UUID snapshotId, UUID providerId);

        void destroy(int flags);
    }

    /** Every writer object ever made: none is freed (see the class comment). */
    private static final Set<WriterObject> NEVER_FREED = ConcurrentHashMap.newKeySet();

    private final Memory object = new Memory(CVssWriter.OBJECT_SIZE);
    private final long address = Pointer.nativeValue(object);
    private final Memory table;
    private final Map<ComMethod, DeclaredCallback> callbacks = new LinkedHashMap<>();
    private final String writerName;
    /** The writer's dispatch until {@link #retire()}; null after. */
    private volatile Handlers handlers;

    /**
     * @param slots the vtable's slots in order ({@link WriterForm#slots()}): each one's callback is built from its
     *              declared signature
     * @throws IllegalStateException naming {@code Interface::Method} if a handler's Java arguments or answer do not fit
     *                               the slot's declaration; no callback is made then
     */
    WriterObject(String writerName, List<ComMethod> slots, Handlers handlers) {
        this.writerName = writerName;
        this.handlers = handlers;
        // Every slot is checked against its declaration before any trampoline exists.
        for (ComMethod slot : slots) {
            callbacks.put(slot, new DeclaredCallback(slot, handlerFor(slot)));
        }
        this.table = new Memory((long) slots.size() * Native.POINTER_SIZE);
        for (DeclaredCallback cb : callbacks.values()) {
            Native.setCallbackThreadInitializer(cb,
                    new CallbackThreadInitializer(true, false, "vss-writer-" + writerName));
            table.setPointer((long) cb.slot().slot() * Native.POINTER_SIZE, CallbackReference.getFunctionPointer(cb));
        }
        object.clear();
        object.setPointer(0, table);
        NEVER_FREED.add(this);
    }

    /** The {@code CVssWriter *} ({@code CVssWriterEx *} for the Ex form). */
    Pointer pointer() {
        return object;
    }

    /** {@code &m_pWriterImpl}: where {@code CreateWriter} stores the implementation (vswriter.h). */
    Pointer writerImplSlot() {
        return object.share(CVssWriter.WRITER_IMPL_OFFSET);
    }

    /**
     * The writer is closed: from now on every slot answers {@code false} (the destructor does nothing) without calling
     * Java. The memory stays valid for a VSS thread already on its way into a slot.
     */
    void retire() {
        handlers = null;
    }

    /** Whether {@link #retire()} was called. */
    boolean isRetired() {
        return handlers == null;
    }

    /** The writer's dispatch for a call on {@code self}, or null (logged) if it is not this object or retired. */
    private Handlers handlersFor(Pointer self, ComMethod slot) {
        if (self == null || Pointer.nativeValue(self) != address) {
            LOG.error("writer '{}': {} was called with this = {} instead of its {} object 0x{}; returning false",
                    writerName, slot.name(), self, slot.interfaceName(), Long.toHexString(address));
            return null;
        }
        Handlers h = handlers;
        if (h == null) {
            LOG.warn("writer '{}': {} arrived after the writer was closed; returning false", writerName, slot.name());
        }
        return h;
    }

    /** The callback of {@code slot}, as JNA calls it (its classes are the declaration's). */
    CallbackProxy callback(ComMethod slot) {
        return callbacks.get(slot);
    }

    /**
     * The Java side of {@code slot}, chosen by the slot's name (and, for {@code OnIdentify}, its interface): what it
     * reads its arguments as and answers is checked against the slot's declaration by {@link DeclaredCallback}.
     */
    private SlotHandler handlerFor(ComMethod slot) {
        boolean exForm = slot.interfaceName().equals(CVssWriterEx.class.getSimpleName());
        if (exForm && slot.name().equals(CVssWriterEx.OnIdentifyEx.name())) {
            return SlotHandler.answering(Boolean.class, (self, a) -> {
                Handlers h = handlersFor(self, slot);
                return h != null && h.identifyEx((Pointer) a[0]);
            }, Pointer.class);
        }
        if (exForm && slot.name().equals(CVssWriterEx.OnIdentify.name())) {
            // CVssWriterEx::OnIdentify's body (vswriter.h): false; the Ex form identifies in OnIdentifyEx.
            return SlotHandler.answering(Boolean.class, (self, a) -> false, Pointer.class);
        }
        CVssWriter event = CVssWriter.valueOf(slot.name());
        return switch (event) {
            case ScalarDeletingDestructor -> SlotHandler.answering(Pointer.class, (self, a) -> {
                Handlers h = handlersFor(self, slot);
                if (h != null) {
                    h.destroy((Integer) a[0]);
                }
                return self;
            }, Integer.class);
            case OnIdentify, OnPrepareBackup, OnBackupComplete, OnPreRestore, OnPostRestore, OnPostSnapshot ->
                    SlotHandler.answering(Boolean.class, (self, a) -> {
                        Handlers h = handlersFor(self, slot);
                        return h != null && h.handle(event, (Pointer) a[0]);
                    }, Pointer.class);
            case OnBackupShutdown -> SlotHandler.answering(Boolean.class, (self, a) -> {
                Handlers h = handlersFor(self, slot);
                return h != null && h.backupShutdown((UUID) a[0]);
            }, UUID.class);
            case OnBackOffIOOnVolume, OnContinueIOOnVolume -> SlotHandler.answering(Boolean.class, (self, a) -> {
                Handlers h = handlersFor(self, slot);
                return h != null && h.volumeEvent(event, (String) a[0], (UUID) a[1], (UUID) a[2]);
            }, String.class, UUID.class, UUID.class);
            case OnPrepareSnapshot, OnFreeze, OnThaw, OnAbort, OnVSSShutdown, OnVSSApplicationStartup ->
                    SlotHandler.answering(Boolean.class, (self, a) -> {
                        Handlers h = handlersFor(self, slot);
                        return h != null && h.handle(event, null);
                    });
        };
    }
}
