package org.vss4j.sim.vss;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.vss4j.ApplicationLevel;
import org.vss4j.BackupType;
import org.vss4j.NativeEnum;
import org.vss4j.RestoreType;
import org.vss4j.SourceType;
import org.vss4j.UsageType;
import org.vss4j.VssHresult;
import org.vss4j.abi.NativeExport;
import org.vss4j.abi.vtable.IUnknown;
import org.vss4j.abi.vtable.IVssWriterImpl;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriterMetadata;
import org.vss4j.sim.Volume;
import org.vss4j.sim.WriterEvent;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.ComRegistry;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.sim.abi.NativeComObject;
import org.vss4j.sim.abi.SlotTable;
import org.vss4j.sim.abi.Tombstones;
import org.vss4j.sim.abi.VtableSpec;

/**
 * The simulator's {@code IVssWriterImpl}, made by {@code CreateWriter(CVssWriter *pWriter, IVssWriterImpl **)} or
 * {@code CreateWriterEx(CVssWriterEx *pWriter, IVssWriterImpl **)} for the writer object {@code pWriter}
 * (vswriter.h): 25 slots, IUnknown first. Its methods are declared without {@code STDMETHODCALLTYPE} and many do not
 * return an HRESULT: C++ {@code bool} (one byte in AL), {@code UINT}, {@code LONG}, enums, pointers, {@code void};
 * {@code GetCurrentSnapshotSetId} returns a {@code VSS_ID} by value through the hidden result pointer that follows
 * {@code this} (MSVC's rule for member functions; Microsoft docs, "x64 calling convention"). {@link VtableSpec} models
 * HRESULT-only tables, so this table is built here from {@link NativeCallback}s; reference counting and the leak report
 * come from {@link NativeComObject} (an 8-byte IUnknown object never handed out carries the count, as in
 * {@link WriterComponentsObject}).
 *
 * <p>Made by {@code CreateWriter}, it is a {@code CVssWriter}'s implementation; made by {@code CreateWriterEx}, a
 * {@code CVssWriterEx}'s, which VSS calls through the longer vtable ({@code OnIdentifyEx}). The methods the SDK offers
 * only on {@code CVssWriterEx}/{@code CVssWriterEx2} ({@code GetIdentityInformation}, {@code SetWriterFailureEx},
 * {@code GetSessionId}, {@code IsWriterShuttingDown}) are refused on a {@code CreateWriter} implementation: recorded
 * as a misuse, answering E_NOTIMPL, false or NULL (Microsoft documents no answer; docs/writers.md).
 *
 * <p>{@code GetIdentityInformation} hands out an {@code IVssExamineWriterMetadata} whose reference this object holds,
 * as VSS does ("Writers must not set the returned pointer to NULL or call IUnknown::Release on it, because the VSS
 * service holds a reference to the object": Microsoft docs, "CVssWriterEx::GetIdentifyInformation"); a writer's
 * Release that drops that reference is recorded as a misuse when the simulator next looks at it (the next call, the
 * next Identify, the final release). It answers only in OnPrepareBackup, OnPrepareSnapshot and OnPostSnapshot, on
 * the handler's thread (same page); elsewhere NULL.
 *
 * <p>{@code Subscribe} makes the writer take part in the machine's backups ({@link HostedWriter});
 * {@code Unsubscribe}/{@code Uninitialize} end that. The queries answer from the session of the writer's last event.
 * Strings and arrays returned by pointer ({@code GetCurrentVolumeArray}, {@code GetSnapshotDeviceName}) belong to this
 * object and stay valid until the next such call or the final release.
 */
public final class WriterImplObject extends NativeComObject {

    private static final VtableSpec<WriterImplObject> LIFETIME = VtableSpec.of("IUnknown", IUnknown.IID,
            WriterImplObject.class);
    /** Live objects by the address of their {@code IVssWriterImpl *}. */
    private static final Map<Long, WriterImplObject> BY_ADDRESS = new ConcurrentHashMap<>();
    private static final int POINTER_SIZE = 8;
    private static final Class<?> P = Pointer.class;
    private static final Class<?> GUID_BY_VALUE = GUID.ByValue.class;

    @FunctionalInterface
    private interface Method {
        Object call(WriterImplObject self, CallArgs args);
    }

    private static final Memory TABLE = table();

    private final Memory object = new Memory(POINTER_SIZE);
    private final SimulatedMachine machine;
    private final Pointer writerObject;
    private final boolean ex;
    private SimulatedWriterMetadata identity;
    /** The IVssExamineWriterMetadata of GetIdentityInformation, and the document it shows; its reference is ours. */
    private ExamineWriterMetadataObject heldIdentity;
    private SimulatedWriterMetadata heldDocument;
    private ApplicationLevel level;
    private Duration freezeTimeout;
    private HostedWriter hosted;
    /** The writer as it was hosted until it unsubscribed: Uninitialize waits for its calls in flight. */
    private volatile HostedWriter unhosted;
    /** Pointer results kept alive for the caller (GetCurrentVolumeArray, GetSnapshotDeviceName). */
    private final List<Memory> returned = new ArrayList<>();

    /**
     * @param ex made by {@code CreateWriterEx} (a {@code CVssWriterEx} object), not {@code CreateWriter}
     * @param machine the machine the writer subscribes on
     * @param writerObject the writer's native {@code CVssWriter} object
     */
    public WriterImplObject(SimulatedMachine machine, Pointer writerObject, boolean ex) {
        super(LIFETIME, (ex ? NativeExport.CreateWriterEx : NativeExport.CreateWriter).name());
        this.machine = machine;
        this.writerObject = writerObject;
        this.ex = ex;
        object.setPointer(0, TABLE);
        BY_ADDRESS.put(Pointer.nativeValue(object), this);
    }

    /**
     * The {@code IVssWriterImpl *} handed to the writer.
     *
     * @return the interface pointer
     */
    public Pointer interfacePointer() {
        return object;
    }

    @Override
    public String describe() {
        return super.describe().replaceFirst("^IUnknown at 0x[0-9a-f]+",
                "IVssWriterImpl at 0x" + Long.toHexString(Pointer.nativeValue(object)));
    }

    @Override
    protected synchronized void onFinalRelease() {
        unsubscribe();
        returned.clear();
        dropHeldIdentity();
        BY_ADDRESS.remove(Pointer.nativeValue(object));
        // Its memory stays reserved among ComRegistry's tombstones, so that a late call is recognised.
        ComRegistry.bury(object, describe(), ledger());
    }

    // ---- the table --------------------------------------------------------------------------------------------

    private static Memory table() {
        Map<String, NativeCallback> t = new HashMap<>();
        on(t, IVssWriterImpl.QueryInterface, int.class, WriterImplObject::queryInterface, P, P);
        on(t, IVssWriterImpl.AddRef, int.class, (o, a) -> o.addRef());
        on(t, IVssWriterImpl.Release, int.class, (o, a) -> o.release());
        on(t, IVssWriterImpl.Initialize, int.class, WriterImplObject::initialize, GUID_BY_VALUE, P, P,
                int.class, int.class, int.class, int.class, int.class, int.class, int.class, byte.class);
        on(t, IVssWriterImpl.Subscribe, int.class, (o, a) -> o.subscribe(a.int32(2)), int.class, int.class);
        on(t, IVssWriterImpl.Unsubscribe, int.class, (o, a) -> o.unsubscribe());
        on(t, IVssWriterImpl.Uninitialize, void.class, (o, a) -> o.uninitialize());
        on(t, IVssWriterImpl.GetCurrentVolumeArray, Pointer.class, (o, a) -> o.volumeArray());
        on(t, IVssWriterImpl.GetCurrentVolumeCount, int.class, (o, a) -> o.volumes().size());
        on(t, IVssWriterImpl.GetSnapshotDeviceName, int.class, WriterImplObject::snapshotDeviceName, P, P);
        on(t, IVssWriterImpl.GetCurrentSnapshotSetId, Pointer.class, WriterImplObject::snapshotSetId, P);
        on(t, IVssWriterImpl.GetContext, int.class, (o, a) -> o.query(WriterSessionContext::context, 0));
        on(t, IVssWriterImpl.GetCurrentLevel, int.class, (o, a) -> o.level == null
                ? ApplicationLevel.AUTO.value() : o.level.value());
        on(t, IVssWriterImpl.IsPathAffected, byte.class, (o, a) -> cppBool(o.isPathAffected(a.wideString(1))),
                P);
        on(t, IVssWriterImpl.IsBootableSystemStateBackedUp, byte.class,
                (o, a) -> cppBool(o.query(WriterSessionContext::bootableSystemState, false)));
        on(t, IVssWriterImpl.AreComponentsSelected, byte.class,
                (o, a) -> cppBool(o.query(WriterSessionContext::componentsSelected, false)));
        on(t, IVssWriterImpl.GetBackupType, int.class,
                (o, a) -> o.query(WriterSessionContext::backupType, BackupType.UNDEFINED).value());
        on(t, IVssWriterImpl.GetRestoreType, int.class,
                (o, a) -> o.query(WriterSessionContext::restoreType, RestoreType.UNDEFINED).value());
        on(t, IVssWriterImpl.SetWriterFailure, int.class,
                (o, a) -> o.setFailure(IVssWriterImpl.SetWriterFailure, a.int32(1), VssHresult.S_OK.code(), null),
                int.class);
        on(t, IVssWriterImpl.IsPartialFileSupportEnabled, byte.class,
                (o, a) -> cppBool(o.query(WriterSessionContext::partialFileSupport, false)));
        on(t, IVssWriterImpl.InstallAlternateWriter, int.class, WriterImplObject::installAlternateWriter,
                GUID_BY_VALUE, GUID_BY_VALUE);
        on(t, IVssWriterImpl.GetIdentityInformation, Pointer.class,
                (o, a) -> o.exOnly(IVssWriterImpl.GetIdentityInformation) ? o.identityInformation() : null);
        on(t, IVssWriterImpl.SetWriterFailureEx, int.class,
                (o, a) -> o.exOnly(IVssWriterImpl.SetWriterFailureEx)
                        ? o.setFailure(IVssWriterImpl.SetWriterFailureEx, a.int32(1), a.int32(2), a.wideString(3))
                        : VssHresult.E_NOTIMPL.code(), int.class, int.class, P);
        on(t, IVssWriterImpl.GetSessionId, int.class,
                (o, a) -> o.exOnly(IVssWriterImpl.GetSessionId) ? o.sessionId(a) : VssHresult.E_NOTIMPL.code(), P);
        on(t, IVssWriterImpl.IsWriterShuttingDown, byte.class,
                (o, a) -> cppBool(o.exOnly(IVssWriterImpl.IsWriterShuttingDown) && o.machine.isShuttingDown()));
        // Laid out by the simulator's own slot table, by name, not by the order of the lines above.
        return SlotTable.of("IVssWriterImpl").table(t);
    }

    private static byte cppBool(boolean b) {
        return (byte) (b ? 1 : 0);
    }

    /** Adds {@code m}'s slot function to {@code t}, keyed by the method name. */
    private static void on(Map<String, NativeCallback> t, IVssWriterImpl m, Class<?> ret, Method body,
            Class<?>... parameters) {
        t.put(m.name(), slot(m, ret, body, parameters));
    }

    /** A slot returning {@code ret}; calls on a released object are recorded as misuse. */
    private static NativeCallback slot(IVssWriterImpl m, Class<?> ret, Method body, Class<?>... parameters) {
        // The callback is the one the declaration gives (vswriter.h IVssWriterImplVtbl), or the table is not built.
        VtableSpec.requireDeclared(m, ret, parameters);
        Class<?>[] all = new Class<?>[parameters.length + 1];
        all[0] = Pointer.class;
        System.arraycopy(parameters, 0, all, 1, parameters.length);
        return NativeCallback.of(m.qualifiedName(), ret, all, args -> {
            CallArgs a = new CallArgs(args);
            long self = Pointer.nativeValue(a.pointer(0));
            WriterImplObject o = BY_ADDRESS.get(self);
            if (o == null || o.references() == 0) {
                Optional<Tombstones.Tombstone> released = ComRegistry.released(self);
                if (o != null) {
                    o.ledger().error(m.qualifiedName() + " called on a released " + o.describe());
                } else if (released.isPresent()) {
                    released.get().lateCall(m.qualifiedName() + " called on a released "
                            + released.get().description());
                } else {
                    SimulatedMachine.current().ledger().error(m.qualifiedName() + " called on an unknown object");
                }
                return ret == int.class ? (Object) VssHresult.E_UNEXPECTED.code()
                        : ret == byte.class ? (Object) (byte) 0 : null;
            }
            Object result;
            synchronized (o) {
                result = body.call(o, a);
            }
            if (m == IVssWriterImpl.Uninitialize) {
                o.awaitCallsIntoWriter();
            }
            return result;
        });
    }

    /** How long Uninitialize waits for a handler still running before it returns anyway (a misuse then). */
    private static final Duration UNINITIALIZE_WAIT = Duration.ofSeconds(60);

    /**
     * Uninitialize returns once no call into the writer's vtable is in flight (outside this object's lock, which the
     * running handler's own calls need), so the writer may then free its object: the simulator's choice
     * (docs/reliability.md). A handler still running after {@link #UNINITIALIZE_WAIT} is recorded as a misuse: the
     * writer uninitialized under it.
     */
    private void awaitCallsIntoWriter() {
        HostedWriter h = unhosted;
        if (h != null && !h.awaitDispatchesEnded(UNINITIALIZE_WAIT)) {
            ledger().error(IVssWriterImpl.Uninitialize.qualifiedName() + " of writer '" + h.name() + "' returned "
                    + "after " + UNINITIALIZE_WAIT.toSeconds() + " s with a handler of the writer still running: the "
                    + "writer uninitialized itself under its own handler");
        }
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------------

    private int queryInterface(CallArgs a) {
        if (a.pointer(1) == null || a.pointer(2) == null) {
            return VssHresult.E_POINTER.code();
        }
        if (!Guids.read(a.pointer(1)).equals(IUnknown.IID)) {
            a.pointer(2).setPointer(0, null);
            return VssHresult.E_NOINTERFACE.code();
        }
        addRef();
        a.pointer(2).setPointer(0, object);
        return VssHresult.S_OK.code();
    }

    private static <E extends Enum<E> & NativeEnum> E decode(Class<E> type, int value) {
        for (E e : type.getEnumConstants()) {
            if (e.value() == value) {
                return e;
            }
        }
        return null;
    }

    /**
     * Initialize(writerId, wszWriterName, wszWriterInstanceName, dwMajorVersion, dwMinorVersion, ut, st, nLevel,
     * dwTimeout, aws, bIOThrottlingOnly): once (VSS_E_BAD_STATE after); each writer instance gets a new instance id.
     */
    private int initialize(CallArgs a) {
        if (identity != null) {
            return VssHresult.VSS_E_BAD_STATE.code();
        }
        String name = a.wideString(2);
        UsageType usage = decode(UsageType.class, a.int32(6));
        SourceType source = decode(SourceType.class, a.int32(7));
        ApplicationLevel lvl = decode(ApplicationLevel.class, a.int32(8));
        long timeout = Integer.toUnsignedLong(a.int32(9));
        if (name == null || name.isEmpty() || usage == null || source == null || lvl == null || timeout == 0) {
            return VssHresult.E_INVALIDARG.code();
        }
        String instanceName = a.wideString(3);
        identity = new SimulatedWriterMetadata(UUID.randomUUID(), a.guidByValue(1), name,
                instanceName == null ? "" : instanceName, usage, source, List.of(), List.of(), List.of(),
                SimulatedWriterMetadata.Restore.DEFAULT, 0, SimulatedWriterMetadata.DEFAULT_VERSION, List.of());
        level = lvl;
        freezeTimeout = Duration.ofMillis(timeout);
        return VssHresult.S_OK.code();
    }

    /** Subscribe(dwSubscribeTimeout, dwEventFlags): VSS_E_WRITER_ALREADY_SUBSCRIBED the second time (vsserror.h). */
    private int subscribe(int flags) {
        if (identity == null) {
            return VssHresult.VSS_E_BAD_STATE.code();
        }
        if (hosted != null) {
            return VssHresult.VSS_E_WRITER_ALREADY_SUBSCRIBED.code();
        }
        hosted = new HostedWriter(machine, writerObject, identity, level, freezeTimeout, flags, ex);
        machine.host(hosted);
        return VssHresult.S_OK.code();
    }

    private int unsubscribe() {
        if (hosted != null) {
            hosted.unsubscribed();
            machine.unhost(hosted);
            unhosted = hosted;
            hosted = null;
        }
        return VssHresult.S_OK.code();
    }

    private Object uninitialize() {
        unsubscribe();
        return null;
    }

    // ---- queries --------------------------------------------------------------------------------------------------

    private <T> T query(Function<WriterSessionContext, T> read, T none) {
        WriterSessionContext s = hosted == null ? null : hosted.session();
        return s == null ? none : read.apply(s);
    }

    private List<Volume> volumes() {
        return query(WriterSessionContext::volumes, List.of());
    }

    private Pointer volumeArray() {
        List<Volume> volumes = volumes();
        if (volumes.isEmpty()) {
            return null;
        }
        Memory array = new Memory((long) volumes.size() * POINTER_SIZE);
        for (int i = 0; i < volumes.size(); i++) {
            Memory name = Utf16.toNative(volumes.get(i).guidName());
            returned.add(name);
            array.setPointer((long) i * POINTER_SIZE, name);
        }
        returned.add(array);
        return array;
    }

    private int snapshotDeviceName(CallArgs a) {
        String volume = a.wideString(1);
        if (volume == null || a.pointer(2) == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        String device = query(s -> s.snapshotDeviceName(volume), null);
        if (device == null) {
            return VssHresult.VSS_E_OBJECT_NOT_FOUND.code();
        }
        Memory m = Utf16.toNative(device);
        returned.add(m);
        a.pointer(2).setPointer(0, m);
        return VssHresult.S_OK.code();
    }

    /** {@code VSS_ID GetCurrentSnapshotSetId() const}: written through the hidden result pointer, which is returned. */
    private Pointer snapshotSetId(CallArgs a) {
        Pointer result = a.pointer(1);
        Guids.write(result, query(WriterSessionContext::snapshotSetId, new UUID(0, 0)));
        return result;
    }

    /**
     * {@code bool IsPathAffected(LPCWSTR wszPath)} (Microsoft docs, "CVssWriter::IsPathAffected"): whether the file or
     * directory is on a volume of the shadow copy set. The path may contain environment variables, expanded in the
     * machine's environment; it must then be an absolute path "that starts with a valid local volume specification"
     * ({@code X:\...}, {@code \\?\Volume{GUID}\...}), placed on its volume as GetVolumePathNameW places it (the
     * deepest mounted folder wins). Anything else is not affected: a relative or host path, a UNC path (no shares
     * are modelled), wildcards (docs/simulator-call-rules.md).
     */
    private boolean isPathAffected(String path) {
        if (path == null) {
            return false;
        }
        String expanded = machine.environment().expand(path);
        if (expanded.indexOf('*') >= 0 || expanded.indexOf('?', expanded.startsWith("\\\\?\\") ? 4 : 0) >= 0) {
            return false;
        }
        return machine.volumeOfPath(expanded).map(v -> volumes().contains(v)).orElse(false);
    }

    private int setFailure(IVssWriterImpl call, int hr, int applicationHr, String message) {
        return hosted == null ? VssHresult.VSS_E_BAD_STATE.code()
                : hosted.setFailure(call.qualifiedName(), hr, applicationHr, message);
    }

    /** Whether {@code method} may be called: only on an implementation made by CreateWriterEx (a misuse otherwise). */
    private boolean exOnly(IVssWriterImpl method) {
        if (!ex) {
            ledger().error(method.qualifiedName() + " called on an IVssWriterImpl made by CreateWriter: the SDK offers "
                    + "it only on CVssWriterEx/CVssWriterEx2, whose implementation CreateWriterEx makes (vswriter.h)");
        }
        return ex;
    }

    private int installAlternateWriter(CallArgs a) {
        if (identity == null) {
            return VssHresult.VSS_E_BAD_STATE.code();
        }
        machine.installAlternateWriter(a.guidByValue(1), a.guidByValue(2));
        return VssHresult.S_OK.code();
    }

    /**
     * The metadata of the last Identify as an IVssExamineWriterMetadata whose reference this object keeps (the writer
     * must not release it), or NULL: outside OnPrepareBackup/OnPrepareSnapshot/OnPostSnapshot on the handler's
     * thread, or before any Identify.
     */
    private Pointer identityInformation() {
        WriterEvent event = hosted == null ? null : hosted.eventOnThisThread();
        if (event != WriterEvent.PREPARE_FOR_BACKUP && event != WriterEvent.PREPARE_FOR_SNAPSHOT
                && event != WriterEvent.POST_SNAPSHOT) {
            return null;
        }
        SimulatedWriterMetadata m = hosted.identified();
        if (m == null) {
            return null;
        }
        if (heldIdentity != null && (heldDocument != m || heldIdentity.references() == 0)) {
            dropHeldIdentity();
        }
        if (heldIdentity == null) {
            heldIdentity = new ExamineWriterMetadataObject(m, IVssWriterImpl.GetIdentityInformation.qualifiedName()
                    + " (its reference held by VSS)");
            heldDocument = m;
        }
        return heldIdentity.pointer();
    }

    /** Releases the reference VSS holds on the GetIdentityInformation object; a writer that released it is a misuse. */
    private void dropHeldIdentity() {
        if (heldIdentity == null) {
            return;
        }
        if (heldIdentity.references() == 0) {
            ledger().error("the writer released the IVssExamineWriterMetadata from "
                    + IVssWriterImpl.GetIdentityInformation.qualifiedName() + ", whose reference VSS holds: \"Writers"
                    + " must not set the returned pointer to NULL or call IUnknown::Release on it\" (Microsoft docs,"
                    + " \"CVssWriterEx::GetIdentifyInformation\")");
        } else {
            heldIdentity.release();
        }
        heldIdentity = null;
        heldDocument = null;
    }

    private int sessionId(CallArgs a) {
        if (a.pointer(1) == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        WriterSessionContext s = hosted == null ? null : hosted.session();
        if (s == null) {
            return VssHresult.VSS_E_BAD_STATE.code();
        }
        Guids.write(a.pointer(1), s.sessionId());
        return VssHresult.S_OK.code();
    }
}
