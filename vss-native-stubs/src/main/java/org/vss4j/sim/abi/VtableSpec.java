package org.vss4j.sim.abi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vss4j.VssHresult;
import org.vss4j.abi.CallbackClasses;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;
import org.vss4j.abi.vtable.IUnknown;
import org.vss4j.com.Guids;
import org.vss4j.sim.Faults;
import org.vss4j.sim.SimulatedMachine;

/**
 * The vtable of one COM interface, laid out by the simulator's own {@link SlotTable} (the SDK header's declaration
 * order, one method name per line), never by the binding's vtable enums: a binding enum with two constants swapped
 * then calls the wrong simulated method, as it would on Windows, instead of agreeing with itself.
 *
 * <p>Each slot is a {@link NativeCallback} that finds the object by its {@code this} address and calls the Java
 * implementation bound to that method by name. The three IUnknown slots are implemented here; a method with no Java
 * implementation still has its slot and returns {@code E_NOTIMPL}. Every other call first checks that the calling
 * thread initialised COM ({@code CO_E_NOTINITIALIZED} otherwise) and consults the machine's fault plan.
 *
 * @param <T> the Java class implementing the interface
 */
public final class VtableSpec<T extends NativeComObject> {

    /** The Java implementation of one method: returns the HRESULT. */
    @FunctionalInterface
    public interface Handler<T> {
        /**
         * Runs the method on the object it was called on.
         *
         * @param self the object, found by the call's {@code this}
         * @param args the call's arguments, {@code this} at index 0
         * @return the HRESULT the native call returns
         */
        int call(T self, CallArgs args);
    }

    private record Binding<T>(Class<?>[] parameters, Handler<T> handler) {
    }

    private static final IUnknown[] IUNKNOWN = IUnknown.values();

    private final SlotTable slots;
    private final Set<UUID> iids;
    private final Class<T> type;
    private final Map<Integer, Binding<T>> bindings = new HashMap<>();
    private Memory table;

    private VtableSpec(SlotTable slots, Set<UUID> iids, Class<T> type) {
        List<SlotTable.Slot> all = slots.slots();
        if (all.size() < 3 || !all.get(0).name().equals("QueryInterface") || !all.get(1).name().equals("AddRef")
                || !all.get(2).name().equals("Release")) {
            throw new IllegalArgumentException(slots.interfaceName() + " does not start with IUnknown's slots");
        }
        this.slots = slots;
        this.iids = Set.copyOf(iids);
        this.type = type;
    }

    /**
     * The vtable of {@code interfaceName} ({@link SlotTable#of}). QueryInterface answers IID_IUnknown and every IID in
     * {@code iids} with the same pointer, as a COM object does whose most derived vtable starts with each base's slots
     * (vsbackup.h: {@code IVssBackupComponentsEx4 : public IVssBackupComponentsEx3}).
     *
     * @param <T> the Java class implementing the interface
     * @param interfaceName the interface's name in the slot table, e.g. {@code IVssBackupComponents}
     * @param iids the IIDs QueryInterface answers besides IID_IUnknown
     * @param type the implementing class
     * @return a spec with no method bound yet
     */
    public static <T extends NativeComObject> VtableSpec<T> of(String interfaceName, Set<UUID> iids, Class<T> type) {
        return new VtableSpec<>(SlotTable.of(interfaceName), iids, type);
    }

    /**
     * As {@link #of(String, Set, Class)} for an interface with one IID.
     *
     * @param <T> the Java class implementing the interface
     * @param interfaceName the interface's name in the slot table
     * @param iid the IID QueryInterface answers besides IID_IUnknown
     * @param type the implementing class
     * @return a spec with no method bound yet
     */
    public static <T extends NativeComObject> VtableSpec<T> of(String interfaceName, UUID iid, Class<T> type) {
        return of(interfaceName, Set.of(iid), type);
    }

    /**
     * Binds {@code method} (found in the slot table by its name, not its ordinal) to {@code handler}; the callback's
     * parameter classes after {@code this} come from the method's declared signature ({@link ComMethod#signature()},
     * lowered: a hidden result pointer counts), one JNA class per kind ({@link #callbackClass}), so the binding (whose
     * calls are checked against the same declaration by {@code CallCheck}) and the simulator cannot disagree.
     *
     * @param method the method bound
     * @param handler its Java implementation
     * @return this spec
     * @throws IllegalStateException if the method declares no signature or does not return an {@code INT32}
     *                               (the handler returns an HRESULT)
     */
    public VtableSpec<T> bind(ComMethod method, Handler<T> handler) {
        return bind(method, declaredParameters(method), handler);
    }

    /**
     * As {@link #bind(ComMethod, Handler)}, with the parameter classes after {@code this} spelled at the call site as
     * well ({@code Pointer} for pointers and by-reference out-parameters, {@code int} for 32-bit values, {@code byte}
     * for C++ {@code bool}, {@code GUID.ByValue} for a {@code VSS_ID} by value, {@code long} for {@code FILETIME} by
     * value). They are checked against the declaration here, when the spec is built.
     *
     * @param method the method bound
     * @param parameters the callback's parameter classes after {@code this}
     * @param handler its Java implementation
     * @return this spec
     * @throws IllegalStateException naming {@code Interface::Method} and the parameter if they disagree with it
     * @throws IllegalStateException also if the vtable is already built
     */
    public VtableSpec<T> bind(ComMethod method, Class<?>[] parameters, Handler<T> handler) {
        if (table != null) {
            throw new IllegalStateException(slots.interfaceName() + " vtable is already built");
        }
        requireDeclared(method, parameters);
        SlotTable.Slot slot = slots.slotOf(method);
        if (!slot.qualifiedName().equals(method.qualifiedName())) {
            throw new IllegalArgumentException(method.qualifiedName() + " is declared as " + slot.qualifiedName()
                    + " in the " + slots.interfaceName() + " slot table");
        }
        bindings.put(slot.index(), new Binding<>(parameters.clone(), handler));
        return this;
    }

    /**
     * The JNA callback class that receives a value of {@code kind}: the binding's one mapping,
     * {@link CallbackClasses#of} (INT32 {@code int}, INT64/STRUCT8 {@code long}, BOOL8 {@code byte}, POINTER
     * {@code Pointer}, GUID {@code GUID.ByValue}, read by {@link CallArgs#guidByValue}; VOID {@code void}).
     *
     * @param kind the value's kind in the lowered declaration
     * @return the JNA class, e.g. {@code int.class} for INT32
     */
    public static Class<?> callbackClass(NativeKind kind) {
        return CallbackClasses.of(kind);
    }

    /**
     * The callback parameter classes after {@code this} of {@code method}'s lowered declaration.
     *
     * @param method the method
     * @return the parameter classes, in declaration order
     */
    public static Class<?>[] declaredParameters(ComMethod method) {
        return CallbackClasses.parameters(signatureOf(method));
    }

    /**
     * The callback return class of {@code method}'s lowered declaration.
     *
     * @param method the method
     * @return the return class, e.g. {@code int.class} for an HRESULT
     */
    public static Class<?> declaredReturn(ComMethod method) {
        return CallbackClasses.returns(signatureOf(method));
    }

    /**
     * The full callback parameter classes of a hand-built HRESULT slot: {@code this}, then {@code parameters}, which
     * must be the ones {@code method} declares ({@link #requireDeclared(ComMethod, Class, Class[])}).
     *
     * @param method the method
     * @param parameters the parameter classes after {@code this}
     * @return {@code Pointer.class} (for {@code this}) followed by {@code parameters}
     * @throws IllegalStateException naming {@code Interface::Method} if {@code parameters} disagree with its
     *                               declaration
     */
    public static Class<?>[] declaredWithThis(ComMethod method, Class<?>... parameters) {
        requireDeclared(method, int.class, parameters);
        Class<?>[] all = new Class<?>[parameters.length + 1];
        all[0] = Pointer.class;
        System.arraycopy(parameters, 0, all, 1, parameters.length);
        return all;
    }

    private static NativeSignature signatureOf(ComMethod method) {
        try {
            return method.signature();
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException(method.qualifiedName() + " declares no native signature: the simulator "
                    + "builds its callback from the declaration", e);
        }
    }

    private static void requireDeclared(ComMethod method, Class<?>[] parameters) {
        if (declaredReturn(method) != int.class) {
            throw new IllegalStateException(method.qualifiedName() + " returns " + signatureOf(method).returns()
                    + ", but a bound handler returns an HRESULT (INT32)");
        }
        requireParameters(method, parameters);
    }

    /**
     * Requires a hand-built callback of {@code method} (return class, parameter classes after {@code this}) to be the
     * one its declaration gives ({@link #declaredReturn}, {@link #declaredParameters}), for the simulator's tables
     * that are not built by a {@code VtableSpec}.
     *
     * @param method the method
     * @param returns the callback's return class
     * @param parameters the callback's parameter classes after {@code this}
     * @throws IllegalStateException naming {@code Interface::Method} and what disagrees
     */
    public static void requireDeclared(ComMethod method, Class<?> returns, Class<?>[] parameters) {
        if (declaredReturn(method) != returns) {
            throw new IllegalStateException(method.qualifiedName() + ": declared to return "
                    + signatureOf(method).lowered().returns() + " (" + declaredReturn(method).getName()
                    + "), the simulator's callback returns " + returns.getName());
        }
        requireParameters(method, parameters);
    }

    private static void requireParameters(ComMethod method, Class<?>[] parameters) {
        Class<?>[] declared = declaredParameters(method);
        if (parameters.length != declared.length) {
            throw new IllegalStateException(method.qualifiedName() + ": declared " + signatureOf(method).lowered()
                    + " takes " + declared.length + " parameter(s) after this, the simulator's callback "
                    + parameters.length);
        }
        for (int i = 0; i < declared.length; i++) {
            if (parameters[i] != declared[i]) {
                throw new IllegalStateException(method.qualifiedName() + ": parameter " + (i + 1) + " is declared "
                        + signatureOf(method).lowered().parameters().get(i) + " (" + declared[i].getName()
                        + "), the simulator's callback gives " + parameters[i].getName());
            }
        }
    }

    /**
     * Shorthand for the parameter list of {@link #bind(ComMethod, Class[], Handler)}.
     *
     * @param types the parameter classes
     * @return {@code types}
     */
    public static Class<?>[] params(Class<?>... types) {
        return types;
    }

    /**
     * The name of the interface whose vtable this is, as the slot table spells it.
     *
     * @return the interface's name, e.g. {@code IVssBackupComponents}
     */
    public String interfaceName() {
        return slots.interfaceName();
    }

    /** The native table, built once: one function pointer per slot. */
    synchronized Pointer table() {
        if (table == null) {
            Memory t = new Memory((long) slots.size() * Native64.POINTER_SIZE);
            for (SlotTable.Slot s : slots.slots()) {
                t.setPointer((long) s.index() * Native64.POINTER_SIZE, slotFunction(s).pointer());
            }
            table = t;
        }
        return table;
    }

    private NativeCallback slotFunction(SlotTable.Slot s) {
        return NativeCallback.of(s.qualifiedName(), int.class, callbackParameters(s),
                args -> dispatch(s, new CallArgs(args)));
    }

    /** The parameter classes of the callback of the slot named {@code method}, {@code this} first (for tests). */
    Class<?>[] callbackParameters(String method) {
        return callbackParameters(slots.find(method).orElseThrow());
    }

    private Class<?>[] callbackParameters(SlotTable.Slot s) {
        Class<?>[] after;
        if (s.index() <= 2) {
            // IUnknown's slots, from IUnknown's declarations (unknwn.h).
            after = declaredParameters(IUNKNOWN[s.index()]);
        } else {
            // An unbound slot answers E_NOTIMPL without reading its arguments: it declares none.
            Binding<T> b = bindings.get(s.index());
            after = b == null ? params() : b.parameters;
        }
        Class<?>[] all = new Class<?>[after.length + 1];
        all[0] = Pointer.class;
        System.arraycopy(after, 0, all, 1, after.length);
        return all;
    }

    private int dispatch(SlotTable.Slot s, CallArgs args) {
        long self = Pointer.nativeValue(args.pointer(0));
        NativeComObject o = ComRegistry.live(self);
        if (o == null) {
            ComRegistry.callOnMissing(s.qualifiedName(), self);
            return s.index() <= 2 && s.index() > 0 ? 0 : VssHresult.E_UNEXPECTED.code();
        }
        // AddRef/Release return a ULONG count, not an HRESULT; COM does not check the apartment for them.
        if (s.index() == 1) {
            return o.addRef();
        }
        if (s.index() == 2) {
            return o.release();
        }
        if (!ComThreads.isInitialized()) {
            return VssHresult.CO_E_NOTINITIALIZED.code();
        }
        Faults faults = SimulatedMachine.current().faults();
        Integer injected = faults.onCall(s.qualifiedName());
        if (injected != null) {
            return injected;
        }
        try {
            faults.runDuringCall(s.qualifiedName());
            if (s.index() == 0) {
                return queryInterface(o, args.pointer(1), args.pointer(2));
            }
            Binding<T> b = bindings.get(s.index());
            if (b == null) {
                return VssHresult.E_NOTIMPL.code();
            }
            return b.handler.call(type.cast(o), args);
        } finally {
            // On Windows the object's memory is gone under the running method: a use after release as well.
            if (o.references() == 0) {
                o.ledger().error(s.qualifiedName() + " was running on " + o.describe()
                        + " when its last reference was released (a call on a released object)");
            }
        }
    }

    /** {@code QueryInterface}: IID_IUnknown and the object's own IIDs give an AddRef'd pointer; others E_NOINTERFACE. */
    private int queryInterface(NativeComObject o, Pointer riid, Pointer out) {
        if (riid == null || out == null) {
            return VssHresult.E_POINTER.code();
        }
        UUID wanted = Guids.read(riid);
        if (wanted.equals(IUnknown.IID) || iids.contains(wanted)) {
            o.addRef();
            out.setPointer(0, o.pointer());
            return VssHresult.S_OK.code();
        }
        out.setPointer(0, null);
        return VssHresult.E_NOINTERFACE.code();
    }

    /**
     * The Java class behind this vtable (for diagnostics).
     *
     * @return the implementing class
     */
    public Class<T> implementationType() {
        return type;
    }

    /**
     * Bound methods by qualified name (IUnknown's count as bound), for tests of the framework.
     *
     * @return qualified method name ({@code Interface::Method}) to whether a Java implementation is bound to it
     */
    public Map<String, Boolean> boundMethods() {
        Map<String, Boolean> out = new HashMap<>();
        for (SlotTable.Slot s : slots.slots()) {
            out.put(s.qualifiedName(), s.index() <= 2 || bindings.containsKey(s.index()));
        }
        return out;
    }

}
