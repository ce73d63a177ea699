package org.vss4j.com;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The JNA {@link Function}s of one COM object's vtable, made once per slot on first use: building a {@code Function}
 * per call ({@code Function.getFunction}) cost about a third of a vtable call on the simulator (docs/performance.md,
 * "Vtable call path").
 *
 * <p>Why a slot's function may be kept: a COM object's vtable pointer is fixed for the object's lifetime, and the
 * vtable it points to is a table of function pointers that the object's code does not rewrite. This cache still reads {@code *this} on every call and answers only while it is
 * the vtable it first saw; any other value (which COM does not allow) falls back to reading the slot afresh, so a
 * call never goes to a function other than the one the vtable holds now.
 *
 * <p>Thread safety: the slots are an {@link AtomicReferenceArray} (a {@code Function} published to another thread
 * through it is seen whole); two threads making the same slot's function at once make equal ones, and the first
 * stored is kept. Slots from {@link #CAPACITY} on are not cached.
 */
final class VtableFunctions {

    /** Slots cached: every vtable the binding calls has fewer (IVssBackupComponentsEx4 has 65). */
    static final int CAPACITY = 72;

    private final AtomicReferenceArray<Function> slots = new AtomicReferenceArray<>(CAPACITY);
    /** The vtable address the cached slots were read from; 0 until the first call. */
    private volatile long vtable;

    /** The function in {@code slot} of {@code object}'s vtable ({@code object} is the pointer this cache is for). */
    Function function(Pointer object, int slot) {
        long now = object.getLong(0);
        long seen = vtable;
        if (seen == 0) {
            vtable = now;
            seen = now;
        }
        if (now != seen || slot >= CAPACITY) {
            return read(now, slot);
        }
        Function f = slots.get(slot);
        if (f == null) {
            f = read(now, slot);
            if (!slots.compareAndSet(slot, null, f)) {
                f = slots.get(slot);
            }
        }
        return f;
    }

    /** A fresh function for {@code slot} of the vtable at {@code vtableAddress}. */
    static Function read(long vtableAddress, int slot) {
        return Function.getFunction(new Pointer(vtableAddress).getPointer((long) slot * Native.POINTER_SIZE));
    }
}
