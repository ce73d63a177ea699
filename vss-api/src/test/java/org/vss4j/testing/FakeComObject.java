package org.vss4j.testing;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.vss4j.abi.ComMethod;

/**
 * A native object for unit tests: a vtable pointer at offset 0 leading to a table of JNA callbacks, one per slot of
 * a vtable enum. Unset slots are NULL (calling one would crash, so a test must set every slot it reaches).
 */
public final class FakeComObject {

    /** {@code ULONG AddRef/Release(this)}. */
    public interface Refcount extends Callback {
        int invoke(Pointer self);
    }

    private final Memory object = new Memory(Native.POINTER_SIZE * 2L);
    private final Memory vtable;
    private final List<Callback> keepAlive = new ArrayList<>();
    private final AtomicInteger releases = new AtomicInteger();

    public FakeComObject(Class<? extends ComMethod> vtableEnum, ComMethod release) {
        int slots = vtableEnum.getEnumConstants().length;
        vtable = new Memory((long) slots * Native.POINTER_SIZE);
        vtable.clear();
        object.clear();
        object.setPointer(0, vtable);
        if (release != null) {
            set(release, (Refcount) self -> {
                releases.incrementAndGet();
                return 0;
            });
        }
    }

    /** Binds a slot to a callback. */
    public FakeComObject set(ComMethod slot, Callback implementation) {
        keepAlive.add(implementation);
        vtable.setPointer((long) slot.slot() * Native.POINTER_SIZE,
                CallbackReference.getFunctionPointer(implementation));
        return this;
    }

    /** The interface pointer. */
    public Pointer pointer() {
        return object;
    }

    /** How often Release was called. */
    public int releaseCount() {
        return releases.get();
    }
}
