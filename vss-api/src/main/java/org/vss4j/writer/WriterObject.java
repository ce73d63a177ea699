package org.vss4j.writer;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.CVssWriterEx;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;
import org.vss4j.com.CppBool;

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
 * <p>On x64 each {@code VSS_ID} argument arrives as a pointer to a caller-made copy (Microsoft docs,
 * "x64 calling convention"); declaring it {@code GUID.ByValue} makes libffi apply the platform's own rule, which is
 * that one on Windows and the one the simulator uses elsewhere.
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

    /** Slot 0: {@code void *(CVssWriter *this, unsigned int flags)}. */
    interface Destructor extends Callback {
        Pointer callback(Pointer self, int flags);
    }

    /** {@code bool On*()}. */
    interface NoArgument extends Callback {
        byte callback(Pointer self);
    }

    /** {@code bool On*(IVssCreateWriterMetadata *)} / {@code (IVssWriterComponents *)}. */
    interface InterfaceArgument extends Callback {
        byte callback(Pointer self, Pointer borrowed);
    }

    /** {@code bool OnBackupShutdown(VSS_ID SnapshotSetId)}. */
    interface GuidArgument extends Callback {
        byte callback(Pointer self, GUID.ByValue id);
    }

    /** {@code bool On*IOOnVolume(VSS_PWSZ wszVolumeName, VSS_ID snapshotId, VSS_ID providerId)}. */
    interface VolumeArguments extends Callback {
        byte callback(Pointer self, Pointer volume, GUID.ByValue snapshotId, GUID.ByValue providerId);
    }

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
    private final Map<ComMethod, Callback> callbacks = new HashMap<>();
    private final String writerName;
    /** The writer's dispatch until {@link #retire()}; null after. */
    private volatile Handlers handlers;

    WriterObject(String writerName, WriterForm form, Handlers handlers) {
        this.writerName = writerName;
        this.handlers = handlers;
        this.table = new Memory((long) form.slots().size() * Native.POINTER_SIZE);
        for (ComMethod slot : form.slots()) {
            Callback cb = callbackFor(slot);
            Native.setCallbackThreadInitializer(cb,
                    new CallbackThreadInitializer(true, false, "vss-writer-" + writerName));
            callbacks.put(slot, cb);
            table.setPointer((long) slot.slot() * Native.POINTER_SIZE,
                    CallbackReference.getFunctionPointer(cb));
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

    private Callback callbackFor(ComMethod slot) {
        if (slot == CVssWriterEx.OnIdentifyEx) {
            return (InterfaceArgument) (self, borrowed) -> {
                Handlers h = handlersFor(self, slot);
                return CppBool.of(h != null && h.identifyEx(borrowed));
            };
        }
        if (slot == CVssWriterEx.OnIdentify) {
            // CVssWriterEx::OnIdentify's body (vswriter.h): false; the Ex form identifies in OnIdentifyEx.
            return (InterfaceArgument) (self, borrowed) -> CppBool.of(false);
        }
        return callbackFor(CVssWriter.valueOf(slot.name()));
    }

    private Callback callbackFor(CVssWriter slot) {
        return switch (slot) {
            case ScalarDeletingDestructor -> (Destructor) (self, flags) -> {
                Handlers h = handlersFor(self, slot);
                if (h != null) {
                    h.destroy(flags);
                }
                return self;
            };
            case OnIdentify, OnPrepareBackup, OnBackupComplete, OnPreRestore, OnPostRestore, OnPostSnapshot ->
                    (InterfaceArgument) (self, borrowed) -> {
                        Handlers h = handlersFor(self, slot);
                        return CppBool.of(h != null && h.handle(slot, borrowed));
                    };
            case OnBackupShutdown -> (GuidArgument) (self, id) -> {
                Handlers h = handlersFor(self, slot);
                return CppBool.of(h != null && h.backupShutdown(Guids.toUuid(id)));
            };
            case OnBackOffIOOnVolume, OnContinueIOOnVolume -> (VolumeArguments) (self, volume, snapshot, provider) -> {
                Handlers h = handlersFor(self, slot);
                return CppBool.of(h != null && h.volumeEvent(slot, Utf16.read(volume), Guids.toUuid(snapshot),
                        Guids.toUuid(provider)));
            };
            case OnPrepareSnapshot, OnFreeze, OnThaw, OnAbort, OnVSSShutdown, OnVSSApplicationStartup ->
                    (NoArgument) self -> {
                        Handlers h = handlersFor(self, slot);
                        return CppBool.of(h != null && h.handle(slot, null));
                    };
        };
    }
}
