package org.vss4j.com;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.VssException;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.vtable.IUnknown;

/**
 * A COM object reached through its vtable: every call reads the vtable pointer at {@code *this}, takes the function
 * pointer at {@code slot * 8} and calls it with {@code this} first (Microsoft docs, "x64 calling convention": on x64
 * there is one calling convention, {@code this} in RCX).
 *
 * <p>Ownership: an <em>owned</em> object holds one reference, released exactly once by {@link #close()} through
 * {@code IUnknown::Release} (for {@code IVssWriterComponentsExt} through the IUnknown behind the second vtable pointer at
 * +8). A {@link Cleaner} is the safety net: an owned object that becomes unreachable without {@code close()} is released
 * there with a leak warning. A <em>borrowed</em> object (the interfaces VSS passes to writer handlers, which have no
 * IUnknown) is never released by Java.
 */
public class ComObject implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ComObject.class);
    private static final Cleaner CLEANER = Cleaner.create();

    private final Pointer self;
    private final String interfaceName;
    private final Reference reference;
    private final Cleaner.Cleanable cleanable;

    /**
     * @param self          the interface pointer (non-null)
     * @param interfaceName the COM interface, for messages
     * @param unknownOffset byte offset of the IUnknown vtable pointer in the object (0, or 8 for
     *                      {@code IVssWriterComponentsExt}); negative for a borrowed object that Java must not release
     */
    protected ComObject(Pointer self, String interfaceName, int unknownOffset) {
        if (self == null) {
            throw new IllegalArgumentException(interfaceName + " pointer is NULL");
        }
        this.self = self;
        this.interfaceName = interfaceName;
        if (unknownOffset >= 0) {
            this.reference = new Reference(self.share(unknownOffset), interfaceName);
            this.cleanable = CLEANER.register(this, reference);
        } else {
            this.reference = null;
            this.cleanable = null;
        }
    }

    /** The interface pointer. Valid until {@link #close()}. */
    public final Pointer pointer() {
        checkOpen();
        return self;
    }

    /** The COM interface name, e.g. {@code IVssBackupComponents}. */
    public final String interfaceName() {
        return interfaceName;
    }

    /** Calls {@code method} through the vtable and returns its raw 32-bit result (an HRESULT for most methods). */
    protected final int invoke(ComMethod method, Object... args) {
        checkOpen();
        return callSlot(self, method, args);
    }

    /**
     * Calls {@code method} and throws {@link VssException} if the HRESULT is a failure; success codes (S_FALSE,
     * VSS_S_*) are returned.
     */
    protected final int check(ComMethod method, Object... args) {
        return check(null, method, args);
    }

    /** As {@link #check(ComMethod, Object...)}, with context words for the error message. */
    protected final int check(String context, ComMethod method, Object... args) {
        int hr = invoke(method, args);
        if (hr < 0) {
            throw new VssException(hr, method.qualifiedName(), context);
        }
        return hr;
    }

    /** Calls {@code method} through the vtable of {@code object}, ensuring the thread is in the MTA first. */
    public static int callSlot(Pointer object, ComMethod method, Object... args) {
        ComApartment.ensureMta();
        Pointer vtable = object.getPointer(0);
        Pointer fn = vtable.getPointer((long) method.slot() * Native.POINTER_SIZE);
        Object[] full = new Object[args.length + 1];
        full[0] = object;
        System.arraycopy(args, 0, full, 1, args.length);
        return Function.getFunction(fn).invokeInt(full);
    }

    /**
     * As {@link #callSlot}, for a method whose result is not an HRESULT: {@code returnType} is what JNA reads from the
     * return register ({@code Byte.class} for a C++ {@code bool}, of which only AL is defined; {@code Integer.class}
     * for {@code UINT}/{@code LONG}/enums; {@code Pointer.class}; {@code void.class} for none). Microsoft docs,
     * "x64 calling convention".
     */
    public static Object callSlotReturning(Class<?> returnType, Pointer object, ComMethod method, Object... args) {
        ComApartment.ensureMta();
        Pointer fn = object.getPointer(0).getPointer((long) method.slot() * Native.POINTER_SIZE);
        Object[] full = new Object[args.length + 1];
        full[0] = object;
        System.arraycopy(args, 0, full, 1, args.length);
        return Function.getFunction(fn).invoke(returnType, full);
    }

    /** Whether {@link #close()} has released this object. */
    public final boolean isClosed() {
        return reference != null && reference.released.get();
    }

    private void checkOpen() {
        if (isClosed()) {
            throw new IllegalStateException(interfaceName + " was already closed (released)");
        }
    }

    /** Releases the reference once; later calls do nothing. Borrowed objects are never released. */
    @Override
    public void close() {
        if (cleanable != null) {
            reference.closedExplicitly = true;
            cleanable.clean();
        }
    }

    /** The releasable reference, kept apart from the object so the Cleaner does not keep the object alive. */
    private static final class Reference implements Runnable {
        private final Pointer unknown;
        private final String interfaceName;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile boolean closedExplicitly;

        Reference(Pointer unknown, String interfaceName) {
            this.unknown = unknown;
            this.interfaceName = interfaceName;
        }

        @Override
        public void run() {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            if (!closedExplicitly) {
                LOG.warn("COM leak: an {} at {} was never closed; releasing it from the cleaner. "
                        + "Close VSS objects with try-with-resources.", interfaceName, unknown);
            }
            callSlot(unknown, IUnknown.Release);
        }
    }
}
