package org.vss4j.sim.abi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vss4j.VssHresult;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.vtable.IUnknown;
import org.vss4j.com.Guids;
import org.vss4j.sim.Faults;
import org.vss4j.sim.SimulatedMachine;

/**
 * The vtable of one COM interface, built from the binding's own vtable enum ({@code IVssAsync.values()} ...) so the
 * slot order has a single source: slot {@code n} = the enum constant with ordinal {@code n} (the SDK header's
 * declaration order).
 *
 * <p>Each slot is a {@link NativeCallback} that finds the object by its {@code this} address and calls the Java
 * implementation bound to that method. The three IUnknown slots are implemented here; a method with no Java
 * implementation still has its slot and returns {@code E_NOTIMPL}. Every other call first checks that the calling
 * thread initialised COM ({@code CO_E_NOTINITIALIZED} otherwise) and consults the machine's fault plan.
 *
 * @param <T> the Java class implementing the interface
 */
public final class VtableSpec<T extends NativeComObject> {

    /** The Java implementation of one method: returns the HRESULT. */
    @FunctionalInterface
    public interface Handler<T> {
        int call(T self, CallArgs args);
    }

    private record Binding<T>(Class<?>[] parameters, Handler<T> handler) {
    }

    private final String interfaceName;
    private final Set<UUID> iids;
    private final Class<T> type;
    private final ComMethod[] slots;
    private final Map<ComMethod, Binding<T>> bindings = new HashMap<>();
    private Memory table;

    private VtableSpec(String interfaceName, Set<UUID> iids, Class<T> type, ComMethod[] slots) {
        this.interfaceName = interfaceName;
        this.iids = Set.copyOf(iids);
        this.type = type;
        this.slots = slots.clone();
    }

    /**
     * A vtable for {@code slots} (the values of a binding vtable enum whose first three constants are IUnknown's).
     * {@code iid} is the enum's own {@code IID} constant (e.g. {@code IVssAsync.IID}): the binding's vtable enums are
     * the single source of interface ids.
     */
    public static <E extends Enum<E> & ComMethod, T extends NativeComObject> VtableSpec<T> of(Class<E> vtableEnum,
            UUID iid, Class<T> type) {
        return new VtableSpec<>(vtableEnum.getSimpleName(), Set.of(iid), type, vtableEnum.getEnumConstants());
    }

    /**
     * A vtable for an interface that extends others by single inheritance ({@code IVssBackupComponentsEx4} over
     * {@code Ex3 ... IVssBackupComponents}): {@code slots} in slot order, each the constant of the interface that
     * declares it, and QueryInterface answers every IID in {@code iids} with the same pointer, as a COM object does
     * whose most derived vtable starts with each base's slots (vsbackup.h:
     * {@code IVssBackupComponentsEx4 : public IVssBackupComponentsEx3}).
     */
    public static <T extends NativeComObject> VtableSpec<T> ofDerived(String interfaceName, List<ComMethod> slots,
            Set<UUID> iids, Class<T> type) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).slot() != i) {
                throw new IllegalArgumentException(slots.get(i).qualifiedName() + " is not slot " + i);
            }
        }
        return new VtableSpec<>(interfaceName, iids, type, slots.toArray(new ComMethod[0]));
    }

    /**
     * Binds {@code method} to {@code handler}; {@code parameters} are the C parameter types after {@code this}
     * ({@code Pointer} for pointers and by-reference out-parameters, {@code int} for 32-bit values, {@code byte} for
     * C++ {@code bool}, {@code GUID.ByValue} for a {@code VSS_ID} by value).
     */
    public VtableSpec<T> bind(ComMethod method, Class<?>[] parameters, Handler<T> handler) {
        if (table != null) {
            throw new IllegalStateException(interfaceName + " vtable is already built");
        }
        if (slots[method.slot()] != method) {
            throw new IllegalArgumentException(method.qualifiedName() + " is not a slot of " + interfaceName);
        }
        bindings.put(method, new Binding<>(parameters.clone(), handler));
        return this;
    }

    /** Shorthand for the parameter list of {@link #bind}. */
    public static Class<?>[] params(Class<?>... types) {
        return types;
    }

    public String interfaceName() {
        return interfaceName;
    }

    /** The native table, built once: one function pointer per slot. */
    synchronized Pointer table() {
        if (table == null) {
            Memory t = new Memory((long) slots.length * Native64.POINTER_SIZE);
            for (ComMethod m : slots) {
                t.setPointer((long) m.slot() * Native64.POINTER_SIZE, slotFunction(m).pointer());
            }
            table = t;
        }
        return table;
    }

    private NativeCallback slotFunction(ComMethod m) {
        Class<?>[] after;
        if (m.slot() == 0) {
            after = params(Pointer.class, Pointer.class);
        } else if (m.slot() <= 2) {
            after = params();
        } else {
            Binding<T> b = bindings.get(m);
            after = b == null ? params() : b.parameters;
        }
        Class<?>[] all = new Class<?>[after.length + 1];
        all[0] = Pointer.class;
        System.arraycopy(after, 0, all, 1, after.length);
        return NativeCallback.of(m.qualifiedName(), int.class, all, args -> dispatch(m, new CallArgs(args)));
    }

    private int dispatch(ComMethod m, CallArgs args) {
        long self = Pointer.nativeValue(args.pointer(0));
        NativeComObject o = ComRegistry.live(self);
        if (o == null) {
            NativeComObject dead = ComRegistry.dead(self);
            LeakLedger ledger = dead != null ? dead.ledger() : SimulatedMachine.current().ledger();
            ledger.error(m.qualifiedName() + " called on " + (dead != null ? "a released object: "
                    + dead.describe() : "an unknown object at 0x" + Long.toHexString(self)));
            return m.slot() <= 2 && m.slot() > 0 ? 0 : VssHresult.E_UNEXPECTED.code();
        }
        // AddRef/Release return a ULONG count, not an HRESULT; COM does not check the apartment for them.
        if (m.slot() == 1) {
            return o.addRef();
        }
        if (m.slot() == 2) {
            return o.release();
        }
        if (!ComThreads.isInitialized()) {
            return VssHresult.CO_E_NOTINITIALIZED.code();
        }
        Faults faults = SimulatedMachine.current().faults();
        Integer injected = faults.onCall(m);
        if (injected != null) {
            return injected;
        }
        try {
            faults.runDuringCall(m);
            if (m.slot() == 0) {
                return queryInterface(o, args.pointer(1), args.pointer(2));
            }
            Binding<T> b = bindings.get(m);
            if (b == null) {
                return VssHresult.E_NOTIMPL.code();
            }
            return b.handler.call(type.cast(o), args);
        } finally {
            // On Windows the object's memory is gone under the running method: a use after release as well.
            if (o.references() == 0) {
                o.ledger().error(m.qualifiedName() + " was running on " + o.describe()
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

    /** The Java class behind this vtable (for diagnostics). */
    public Class<T> implementationType() {
        return type;
    }

    /** Bound methods, for tests of the framework. */
    public Map<ComMethod, Boolean> boundMethods() {
        Map<ComMethod, Boolean> out = new HashMap<>();
        for (ComMethod m : slots) {
            out.put(m, m.slot() <= 2 || bindings.containsKey(m));
        }
        return out;
    }

}
