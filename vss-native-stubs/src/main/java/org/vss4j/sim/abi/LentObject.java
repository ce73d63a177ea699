package org.vss4j.sim.abi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.vss4j.VssHresult;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.vtable.IUnknown;
import org.vss4j.com.Guids;
import org.vss4j.sim.SimulatedMachine;

/**
 * A simulated object that VSS lends a writer's handler: an interface with <b>no IUnknown</b> (vswriter.h:
 * {@code IVssCreateWriterMetadata}, {@code IVssWriterComponents}), so slot 0 of its table is its first own method and
 * the writer can neither AddRef nor Release it. VSS owns it and destroys it when the handler returns
 * ({@link #retire()}); any call on it after that is recorded in the ledger as a misuse (the leak check then fails), and
 * returns {@code E_UNEXPECTED}. A retired object leaves a {@link Tombstones tombstone} among {@link ComRegistry}'s
 * (its memory reserved, one line saying what it was) so such a call is recognised, without the object being kept for
 * the life of the process.
 *
 * <p>A lent interface the SDK declares with IUnknown as a second base class ({@code IVssCreateWriterMetadataEx :
 * public IVssCreateWriterMetadata, public IUnknown}, vswriter.h) has a second vtable pointer at +8 (MSVC layout),
 * leading to QueryInterface/AddRef/Release called with {@code this = object + 8} ({@link #unknownTable}). The writer
 * may AddRef and Release it in pairs; a Release it did not AddRef drops VSS's own reference and is recorded as a
 * misuse.
 */
public abstract class LentObject {

    /** The Java implementation of one method of a lent interface: returns the HRESULT. */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Runs the method on the lent object it was called on.
         *
         * @param self the lent object, found by the call's {@code this}
         * @param args the call's arguments, {@code this} at index 0
         * @return the HRESULT the native call returns
         */
        int call(T self, CallArgs args);
    }

    private static final Map<Long, LentObject> BY_ADDRESS = new ConcurrentHashMap<>();
    private static final String DESTROYED = " after the handler returned: VSS owns it and destroyed it then"
            + " (Microsoft docs, \"CVssWriter class\")";

    /** x64: the IUnknown vtable pointer of a two-vptr object (MSVC layout of the SDK class). */
    private static final int UNKNOWN_OFFSET = Native64.POINTER_SIZE;

    private final Memory object;
    private final String interfaceName;
    private final String lentTo;
    private final LeakLedger ledger;
    private final AtomicInteger writerReferences = new AtomicInteger();

    /**
     * @param table         the interface's table ({@link #table})
     * @param interfaceName e.g. {@code IVssWriterComponents}
     * @param lentTo        the handler it is passed to, e.g. {@code CVssWriter::OnPrepareBackup of writer 'x'}
     * @param ledger        the ledger that records the writer's misuse of the object
     */
    protected LentObject(Pointer table, String interfaceName, String lentTo, LeakLedger ledger) {
        this(table, null, interfaceName, lentTo, ledger);
    }

    /**
     * A two-vptr lent object: {@code table} at +0, {@code unknownTable} ({@link #unknownTable}) at +8; with a null
     * {@code unknownTable}, a one-vptr object as above.
     *
     * @param table the interface's table at +0
     * @param unknownTable the IUnknown table at +8, or null for a one-vptr object
     * @param interfaceName e.g. {@code IVssCreateWriterMetadata}
     * @param lentTo the handler it is passed to, e.g. {@code CVssWriter::OnIdentify of writer 'x'}
     * @param ledger the ledger that records the writer's misuse of the object
     */
    protected LentObject(Pointer table, Pointer unknownTable, String interfaceName, String lentTo,
            LeakLedger ledger) {
        this.interfaceName = interfaceName;
        this.lentTo = lentTo;
        this.ledger = ledger;
        this.object = new Memory(unknownTable == null ? Native64.POINTER_SIZE : 2L * Native64.POINTER_SIZE);
        object.setPointer(0, table);
        if (unknownTable != null) {
            object.setPointer(UNKNOWN_OFFSET, unknownTable);
        }
        BY_ADDRESS.put(Pointer.nativeValue(object), this);
    }

    /**
     * The interface pointer passed to the handler.
     *
     * @return the object's address, valid while the object is lent
     */
    public final Pointer pointer() {
        return object;
    }

    /** The handler returned: VSS destroys the object; later calls are misuses. */
    public final void retire() {
        if (BY_ADDRESS.remove(Pointer.nativeValue(object)) != null) {
            ComRegistry.bury(object, "the " + interfaceName + " lent to " + lentTo, ledger);
        }
    }

    /** Records {@code method} called on the retired object that started at {@code start}, if it is one. */
    private static boolean reportRetired(String method, long start) {
        return ComRegistry.released(start).map(t -> {
            t.lateCall(method + " called on " + t.description() + DESTROYED);
            return true;
        }).orElse(false);
    }

    /**
     * A table of {@code slots}, slot {@code n} at {@code n * 8} (x64 pointers are 8 bytes).
     *
     * @param slots the callbacks, in slot order
     * @return the table's native memory, which must stay reachable while the object is in use
     */
    public static Memory table(NativeCallback... slots) {
        Memory t = new Memory((long) slots.length * Native64.POINTER_SIZE);
        for (int i = 0; i < slots.length; i++) {
            t.setPointer((long) i * Native64.POINTER_SIZE, slots[i].pointer());
        }
        return t;
    }

    /**
     * The IUnknown table behind the second vtable pointer of a two-vptr lent interface named {@code interfaceName}
     * with IID {@code iid}: called with {@code this = object + 8}. QueryInterface answers IID_IUnknown with that
     * pointer and {@code iid} with the object start (both AddRef'd); AddRef/Release count the writer's own references.
     * Laid out by the simulator's IUnknown slot table; each slot checked against IUnknown's declaration.
     *
     * @param interfaceName the lent interface's name, for diagnostics
     * @param iid the lent interface's IID
     * @return the table's native memory
     */
    public static Memory unknownTable(String interfaceName, UUID iid) {
        return SlotTable.of("IUnknown").table(s -> unknownSlot(interfaceName, iid, s));
    }

    /** The function of slot {@code s} of {@link #unknownTable}'s table (package-private for the declaration test). */
    static NativeCallback unknownSlot(String interfaceName, UUID iid, SlotTable.Slot s) {
        String prefix = interfaceName + "(IUnknown at +" + UNKNOWN_OFFSET + ")::";
        ComMethod m = Declarations.of(s);
        return switch (s.name()) {
            case "QueryInterface" -> NativeCallback.of(prefix + "QueryInterface", int.class,
                    VtableSpec.declaredWithThis(m, Pointer.class, Pointer.class), args -> {
                        CallArgs a = new CallArgs(args);
                        LentObject o = unknownCallee(a.pointer(0), prefix + "QueryInterface");
                        if (o == null) {
                            return VssHresult.E_UNEXPECTED.code();
                        }
                        if (a.pointer(1) == null || a.pointer(2) == null) {
                            return VssHresult.E_POINTER.code();
                        }
                        UUID wanted = Guids.read(a.pointer(1));
                        if (!wanted.equals(IUnknown.IID) && !wanted.equals(iid)) {
                            a.pointer(2).setPointer(0, null);
                            return VssHresult.E_NOINTERFACE.code();
                        }
                        o.writerReferences.incrementAndGet();
                        a.pointer(2).setPointer(0, wanted.equals(iid) ? o.object : o.object.share(UNKNOWN_OFFSET));
                        return VssHresult.S_OK.code();
                    });
            case "AddRef" -> NativeCallback.of(prefix + "AddRef", int.class, VtableSpec.declaredWithThis(m), args -> {
                LentObject o = unknownCallee(new CallArgs(args).pointer(0), prefix + "AddRef");
                return o == null ? 0 : 1 + o.writerReferences.incrementAndGet();
            });
            case "Release" -> NativeCallback.of(prefix + "Release", int.class, VtableSpec.declaredWithThis(m), args -> {
                LentObject o = unknownCallee(new CallArgs(args).pointer(0), prefix + "Release");
                if (o == null) {
                    return 0;
                }
                if (o.writerReferences.getAndUpdate(n -> n > 0 ? n - 1 : 0) == 0) {
                    o.ledger.error(prefix + "Release on the " + o.interfaceName + " lent to " + o.lentTo
                            + " without an AddRef of the writer's own: that reference is VSS's, which owns the"
                            + " object (Microsoft docs, \"CVssWriter class\")");
                }
                return 1 + o.writerReferences.get();
            });
            default -> throw new IllegalStateException("no simulation of " + s.qualifiedName());
        };
    }

    /**
     * {@code this}, then {@code parameters}: the classes of a callback of {@code method} returning an {@code int},
     * once they are the ones its declaration gives.
     *
     * @throws IllegalStateException naming {@code Interface::Method} and the parameter if they are not
     */
    /** The live lent object whose IUnknown pointer is {@code self}; null (and a misuse recorded) otherwise. */
    private static LentObject unknownCallee(Pointer self, String method) {
        LentObject o = self == null ? null : BY_ADDRESS.get(Pointer.nativeValue(self) - UNKNOWN_OFFSET);
        if (o == null && (self == null || !reportRetired(method, Pointer.nativeValue(self) - UNKNOWN_OFFSET))) {
            SimulatedMachine.current().ledger().error(method + " called on an unknown object at " + self);
        }
        return o;
    }

    /**
     * A slot of a lent interface implemented by {@code body}; {@code parameters} are the C types after {@code this},
     * checked here against {@code method}'s declaration: the slot is made only if they are the ones it gives
     * ({@link VtableSpec#requireDeclared(ComMethod, Class, Class[])}), so a table with a wrong one is never built.
     *
     * @param <T> the lent object's class
     * @param type the lent object's class, checked at each call
     * @param method the method the slot implements
     * @param body its Java implementation
     * @param parameters the C types after {@code this}
     * @return the slot's callback; a call on an object that is not a {@code type} returns E_UNEXPECTED
     * @throws IllegalStateException naming {@code Interface::Method} and the parameter that disagrees
     */
    public static <T extends LentObject> NativeCallback slot(Class<T> type, ComMethod method, Body<T> body,
            Class<?>... parameters) {
        String qualifiedName = method.qualifiedName();
        return NativeCallback.of(qualifiedName, int.class, VtableSpec.declaredWithThis(method, parameters), args -> {
            CallArgs a = new CallArgs(args);
            LentObject o = BY_ADDRESS.get(Pointer.nativeValue(a.pointer(0)));
            if (o == null || !type.isInstance(o)) {
                if (o != null || !reportRetired(qualifiedName, Pointer.nativeValue(a.pointer(0)))) {
                    SimulatedMachine.current().ledger().error(qualifiedName
                            + " called on an unknown object at " + a.pointer(0));
                }
                return VssHresult.E_UNEXPECTED.code();
            }
            return body.call(type.cast(o), a);
        });
    }
}
