package org.vss4j.sim.abi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vss4j.VssHresult;
import org.vss4j.abi.ComMethod;
import org.vss4j.sim.SimulatedMachine;

/**
 * A simulated object that VSS lends a writer's handler: an interface with <b>no IUnknown</b> (vswriter.h:
 * {@code IVssCreateWriterMetadata}, {@code IVssWriterComponents}), so slot 0 of its table is its first own method and
 * the writer can neither AddRef nor Release it. VSS owns it and destroys it when the handler returns
 * ({@link #retire()}); any call on it after that is recorded in the ledger as a misuse (the leak check then fails), and
 * returns {@code E_UNEXPECTED}. Retired objects keep their memory and their entry here so such a call is recognised.
 */
public abstract class LentObject {

    /** The Java implementation of one method of a lent interface: returns the HRESULT. */
    @FunctionalInterface
    public interface Body<T> {
        int call(T self, CallArgs args);
    }

    private static final Map<Long, LentObject> BY_ADDRESS = new ConcurrentHashMap<>();

    private final Memory object = new Memory(Native64.POINTER_SIZE);
    private final String interfaceName;
    private final String lentTo;
    private final LeakLedger ledger;
    private volatile boolean retired;

    /**
     * @param table         the interface's table ({@link #table})
     * @param interfaceName e.g. {@code IVssWriterComponents}
     * @param lentTo        the handler it is passed to, e.g. {@code CVssWriter::OnPrepareBackup of writer 'x'}
     */
    protected LentObject(Pointer table, String interfaceName, String lentTo, LeakLedger ledger) {
        this.interfaceName = interfaceName;
        this.lentTo = lentTo;
        this.ledger = ledger;
        object.setPointer(0, table);
        BY_ADDRESS.put(Pointer.nativeValue(object), this);
    }

    /** The interface pointer passed to the handler. */
    public final Pointer pointer() {
        return object;
    }

    /** The handler returned: VSS destroys the object; later calls are misuses. */
    public final void retire() {
        retired = true;
    }

    /** A table of {@code slots}, slot {@code n} at {@code n * 8} (x64 pointers are 8 bytes). */
    public static Memory table(NativeCallback... slots) {
        Memory t = new Memory((long) slots.length * Native64.POINTER_SIZE);
        for (int i = 0; i < slots.length; i++) {
            t.setPointer((long) i * Native64.POINTER_SIZE, slots[i].pointer());
        }
        return t;
    }

    /**
     * A slot of a lent interface implemented by {@code body}; {@code parameters} are the C types after {@code this}.
     */
    public static <T extends LentObject> NativeCallback slot(Class<T> type, ComMethod method, Body<T> body,
            Class<?>... parameters) {
        Class<?>[] all = new Class<?>[parameters.length + 1];
        all[0] = Pointer.class;
        System.arraycopy(parameters, 0, all, 1, parameters.length);
        return NativeCallback.of(method.qualifiedName(), int.class, all, args -> {
            CallArgs a = new CallArgs(args);
            LentObject o = BY_ADDRESS.get(Pointer.nativeValue(a.pointer(0)));
            if (o == null || !type.isInstance(o)) {
                SimulatedMachine.current().ledger().error(method.qualifiedName()
                        + " called on an unknown object at " + a.pointer(0));
                return VssHresult.E_UNEXPECTED.code();
            }
            if (o.retired) {
                o.ledger.error(method.qualifiedName() + " called on the " + o.interfaceName + " lent to " + o.lentTo
                        + " after the handler returned: VSS owns it and destroyed it then"
                        + " (Microsoft docs, \"CVssWriter class\")");
                return VssHresult.E_UNEXPECTED.code();
            }
            return body.call(type.cast(o), a);
        });
    }
}
