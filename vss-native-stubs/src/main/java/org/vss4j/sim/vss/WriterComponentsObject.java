package org.vss4j.sim.vss;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.vss4j.VssHresult;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.vtable.IUnknown;
import org.vss4j.abi.vtable.IVssWriterComponentsExt;
import org.vss4j.com.Guids;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.ComRegistry;
import org.vss4j.sim.abi.ComThreads;
import org.vss4j.sim.abi.Declarations;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.sim.abi.NativeComObject;
import org.vss4j.sim.abi.SlotTable;
import org.vss4j.sim.abi.VtableSpec;

/**
 * The native {@code IVssWriterComponentsExt} from {@code IVssBackupComponents::GetWriterComponents}, laid out as MSVC
 * lays out {@code class IVssWriterComponentsExt : public IVssWriterComponents, public IUnknown} (vsbackup.h): a 16-byte
 * object whose pointer at +0 leads to the three {@code IVssWriterComponents} methods (no IUnknown) and whose pointer at
 * +8 leads to an IUnknown table called with {@code this = object + 8}.
 *
 * <p>{@link VtableSpec} models one-vptr objects whose slots 0-2 are IUnknown, so both tables are built here from
 * {@link NativeCallback}s. Reference counting, retirement and the leak report still come from {@link NativeComObject}:
 * this class is one (its own 8-byte object, never handed out, only carries the count). The IUnknown table checks that
 * it is called with {@code this = object + 8} and the component table with {@code this = object}; a call with the
 * other pointer (a release through the wrong vtable pointer) is recorded as an error. Releases through the +8 IUnknown
 * are counted for tests ({@link #releasesThroughUnknown()}).
 */
public final class WriterComponentsObject extends NativeComObject {

    /** The lifetime part: a plain IUnknown object that is never handed to callers. */
    private static final VtableSpec<WriterComponentsObject> LIFETIME = VtableSpec.of("IUnknown", IUnknown.IID,
            WriterComponentsObject.class);

    /** Object start address to live object. */
    private static final Map<Long, WriterComponentsObject> BY_ADDRESS = new ConcurrentHashMap<>();

    /** x64: vtable pointers and slots are 8 bytes; the IUnknown vptr is the second one (vsbackup.h, MSVC layout). */
    private static final int POINTER_SIZE = 8;
    private static final int OFFSET = IVssWriterComponentsExt.IUNKNOWN_VPTR_OFFSET;

    /** The Java implementation of one method of the component table: returns the HRESULT. */
    @FunctionalInterface
    interface Method {
        int call(WriterComponentsObject self, CallArgs args);
    }

    /** Laid out by the simulator's own slot table (vptr #1 of the vsbackup.h class), by name. */
    private static final Memory COMPONENT_TABLE = SlotTable.of("IVssWriterComponentsExt")
            .table(WriterComponentsObject::componentSlot);

    private static final Memory UNKNOWN_TABLE = SlotTable.of("IUnknown").table(WriterComponentsObject::unknownSlot);

    private final Memory object = new Memory(2L * POINTER_SIZE);
    private final DocumentComponents.WriterPart part;
    private final AtomicInteger releasesThroughUnknown = new AtomicInteger();

    WriterComponentsObject(DocumentComponents.WriterPart part, String origin) {
        super(LIFETIME, origin);
        this.part = part;
        object.setPointer(0, COMPONENT_TABLE);
        object.setPointer(OFFSET, UNKNOWN_TABLE);
        BY_ADDRESS.put(Pointer.nativeValue(object), this);
    }

    /** The {@code IVssWriterComponentsExt*} handed to callers: the address of the first vtable pointer. */
    Pointer interfacePointer() {
        return object;
    }

    /** The object leaves the address map; its 16 bytes stay reserved among {@link ComRegistry}'s tombstones. */
    @Override
    protected void onFinalRelease() {
        BY_ADDRESS.remove(Pointer.nativeValue(object));
        ComRegistry.bury(object, describe(), ledger());
    }

    /**
     * The live simulated object whose {@code IVssWriterComponentsExt*} is {@code p}, or null.
     *
     * @param p an interface pointer
     * @return the object, or null if {@code p} is no live {@code IVssWriterComponents} the simulator lent
     */
    public static WriterComponentsObject at(Pointer p) {
        return BY_ADDRESS.get(Pointer.nativeValue(p));
    }

    /**
     * How many {@code Release} calls came through the IUnknown at +8 with the right {@code this}.
     *
     * @return the number of such releases
     */
    public int releasesThroughUnknown() {
        return releasesThroughUnknown.get();
    }

    @Override
    public String describe() {
        return super.describe().replaceFirst("^IUnknown at 0x[0-9a-f]+",
                "IVssWriterComponentsExt at 0x" + Long.toHexString(Pointer.nativeValue(object)));
    }

    // ---- the two tables -------------------------------------------------------------------------------------------

    /**
     * The function of slot {@code s} of the component table, chosen by its name; its classes are checked against the
     * binding's declaration of the same {@code Interface::Method} when the table is built ({@link #slot}).
     */
    static NativeCallback componentSlot(SlotTable.Slot s) {
        ComMethod m = Declarations.of(s);
        return switch (s.name()) {
            case "GetComponentCount" -> slot(m, WriterComponentsObject::getComponentCount, Pointer.class);
            case "GetWriterInfo" -> slot(m, WriterComponentsObject::getWriterInfo, Pointer.class, Pointer.class);
            case "GetComponent" -> slot(m, WriterComponentsObject::getComponent, int.class, Pointer.class);
            default -> throw new IllegalStateException("no simulation of " + s.qualifiedName());
        };
    }

    /** The function of slot {@code s} of the IUnknown table at +8, checked against IUnknown's declarations. */
    static NativeCallback unknownSlot(SlotTable.Slot s) {
        IUnknown m = IUnknown.valueOf(Declarations.of(s).name());
        return switch (m) {
            case QueryInterface -> unknownSlot(m, Pointer.class, Pointer.class);
            case AddRef, Release -> unknownSlot(m);
        };
    }

    /**
     * {@code this}, then {@code parameters}: the classes of a callback of {@code m} returning an {@code int}, once
     * they are the ones its declaration gives ({@link VtableSpec#requireDeclared(ComMethod, Class, Class[])}).
     *
     * @throws IllegalStateException naming {@code Interface::Method} and the parameter if they are not
     */
    /**
     * A component-table slot of {@code m}; {@code parameters} are the C types after {@code this}, checked against
     * its declaration. At the call, {@code this} must be the object start.
     *
     * @throws IllegalStateException naming {@code Interface::Method} and the parameter that disagrees
     */
    static NativeCallback slot(ComMethod m, Method body, Class<?>... parameters) {
        return NativeCallback.of(m.qualifiedName(), int.class, VtableSpec.declaredWithThis(m, parameters), args -> {
            CallArgs a = new CallArgs(args);
            long self = Pointer.nativeValue(a.pointer(0));
            WriterComponentsObject o = BY_ADDRESS.get(self);
            if (o == null) {
                if (!reportReleased(m.qualifiedName(), self)) {
                    report(BY_ADDRESS.get(self - OFFSET), m, self, "the IUnknown pointer (object + " + OFFSET
                            + ") instead of the object; the IVssWriterComponents table is at +0"
                            + " (MSVC layout of the vsbackup.h class)");
                }
                return VssHresult.E_UNEXPECTED.code();
            }
            if (!ComThreads.isInitialized()) {
                return VssHresult.CO_E_NOTINITIALIZED.code();
            }
            Integer injected = SimulatedMachine.current().faults().onCall(m);
            return injected != null ? injected : body.call(o, a);
        });
    }

    /** An IUnknown slot of the table at +8: {@code this} must be the object + 8. */
    private static NativeCallback unknownSlot(IUnknown m, Class<?>... parameters) {
        String name = "IVssWriterComponentsExt(IUnknown at +" + OFFSET + ")::" + m.name();
        return NativeCallback.of(name, int.class, VtableSpec.declaredWithThis(m, parameters), args -> {
            CallArgs a = new CallArgs(args);
            long self = Pointer.nativeValue(a.pointer(0));
            WriterComponentsObject o = BY_ADDRESS.get(self - OFFSET);
            if (o == null) {
                if (!reportReleased(name, self - OFFSET)) {
                    report(BY_ADDRESS.get(self), m, self, "the object start instead of its IUnknown at +" + OFFSET
                            + " (MSVC layout of the vsbackup.h class: this = object + " + OFFSET + ")");
                }
                return m == IUnknown.QueryInterface ? VssHresult.E_UNEXPECTED.code() : 0;
            }
            return switch (m) {
                case AddRef -> o.addRef();
                case Release -> {
                    o.releasesThroughUnknown.incrementAndGet();
                    yield o.release();
                }
                case QueryInterface -> o.queryInterface(a);
            };
        });
    }

    /** Records a call on the released object that started at {@code start}, if it is one. */
    private static boolean reportReleased(String method, long start) {
        return ComRegistry.released(start).map(t -> {
            t.lateCall(method + " called on a released " + t.description());
            return true;
        }).orElse(false);
    }

    private static void report(WriterComponentsObject misaddressed, ComMethod m, long self, String what) {
        if (misaddressed != null) {
            misaddressed.ledger().error(m.qualifiedName() + " on IVssWriterComponentsExt called with this = " + what);
        } else {
            SimulatedMachine.current().ledger().error(m.qualifiedName() + " called on an unknown object at 0x"
                    + Long.toHexString(self));
        }
    }

    /** Only IID_IUnknown: the SDK declares no IID for IVssWriterComponentsExt (vsbackup.h). */
    private int queryInterface(CallArgs a) {
        if (a.pointer(1) == null || a.pointer(2) == null) {
            return VssHresult.E_POINTER.code();
        }
        if (!Guids.read(a.pointer(1)).equals(IUnknown.IID)) {
            a.pointer(2).setPointer(0, null);
            return VssHresult.E_NOINTERFACE.code();
        }
        addRef();
        a.pointer(2).setPointer(0, object.share(OFFSET));
        return VssHresult.S_OK.code();
    }

    // ---- IVssWriterComponents --------------------------------------------------------------------------------------

    private int getComponentCount(CallArgs a) {
        if (a.pointer(1) == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        a.pointer(1).setInt(0, part.components().size());
        return VssHresult.S_OK.code();
    }

    private int getWriterInfo(CallArgs a) {
        if (a.pointer(1) == null || a.pointer(2) == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        Guids.write(a.pointer(1), part.instanceId());
        Guids.write(a.pointer(2), part.writerId());
        return VssHresult.S_OK.code();
    }

    private int getComponent(CallArgs a) {
        int index = a.int32(1);
        if (a.pointer(2) == null || index < 0 || index >= part.components().size()) {
            return VssHresult.E_INVALIDARG.code();
        }
        a.pointer(2).setPointer(0, new ComponentObject(part.components().get(index),
                IVssWriterComponentsExt.GetComponent.qualifiedName()).pointer());
        return VssHresult.S_OK.code();
    }
}
