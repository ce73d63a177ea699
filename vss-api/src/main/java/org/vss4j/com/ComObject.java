package org.vss4j.com;

import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.VssException;
import org.vss4j.abi.CallCheck;
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
 *
 * <p>Calls and release: every call goes through a {@link CallGuard}. {@link #close()} shuts it (a later call throws
 * {@link IllegalStateException} naming {@code Interface::Method}), waits for the calls in flight on other threads,
 * and only then releases; a call is therefore never made on a released object. A call keeps this wrapper reachable
 * until it returns ({@link Reference#reachabilityFence}), so the Cleaner cannot find it unreachable in the middle of a
 * call on it; and the Cleaner's release goes through the same guard. A close that waits longer than
 * {@link #CLOSE_WAIT} for a call that does not return leaves the reference unreleased (a leak, logged as an error)
 * rather than releasing it under that call.
 */
public class ComObject implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ComObject.class);
    private static final Cleaner CLEANER = Cleaner.create();

    /** How long {@link #close()} waits for calls in flight on other threads before it leaves the object unreleased. */
    public static final Duration CLOSE_WAIT = Duration.ofMinutes(2);

    private final Pointer self;
    private final String interfaceName;
    private final CallGuard guard = new CallGuard();
    private final VtableFunctions functions = new VtableFunctions();
    private final Releaser reference;
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
            this.reference = new Releaser(self.share(unknownOffset), interfaceName, guard);
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

    /**
     * Calls {@code method} through the vtable and returns its raw 32-bit result (an HRESULT for most methods); after
     * {@link #close()} an {@link IllegalStateException} naming the method. Checked as {@link #callSlot} checks; the
     * JNA function of each slot is made once per object ({@link VtableFunctions}).
     */
    protected final int invoke(ComMethod method, Object... args) {
        if (!guard.enter()) {
            throw new IllegalStateException(method.qualifiedName() + " called after the " + interfaceName
                    + " was closed (released)");
        }
        try {
            checkSignature(method, Integer.class, args);
            return functions.function(self, method.slot()).invokeInt(withThis(self, args));
        } finally {
            guard.exit();
            // Without this fence the JIT may treat this wrapper as unreachable once it has read self, and the
            // Cleaner could then release the object while the native call runs on it.
            Reference.reachabilityFence(this);
        }
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

    /**
     * Calls {@code method} through the vtable of {@code object}, ensuring the thread is in the MTA first. The arguments
     * and the HRESULT/ULONG return are checked against {@code method.signature()} first ({@link CallCheck}): an
     * {@link IllegalArgumentException} naming the method and parameter, before any native code runs.
     */
    public static int callSlot(Pointer object, ComMethod method, Object... args) {
        checkSignature(method, Integer.class, args);
        return VtableFunctions.read(object.getLong(0), method.slot()).invokeInt(withThis(object, args));
    }

    /** The signature check and the apartment, before any native code runs: a wrong argument is a binding bug. */
    private static void checkSignature(ComMethod method, Class<?> returnType, Object[] args) {
        CallCheck.requireReturn(method, returnType);
        CallCheck.requireArguments(method, args);
        ComApartment.ensureMta();
    }

    /** {@code this} first, then {@code args}: the x64 convention passes {@code this} as the first argument. */
    private static Object[] withThis(Pointer object, Object[] args) {
        Object[] full = new Object[args.length + 1];
        full[0] = object;
        System.arraycopy(args, 0, full, 1, args.length);
        return full;
    }

    /**
     * As {@link #callSlot}, for a method whose result is not an HRESULT: {@code returnType} is what JNA reads from the
     * return register ({@code Byte.class} for a C++ {@code bool}, of which only AL is defined; {@code Integer.class}
     * for {@code UINT}/{@code LONG}/enums; {@code Pointer.class}; {@code void.class} for none). Microsoft docs,
     * "x64 calling convention".
     */
    public static Object callSlotReturning(Class<?> returnType, Pointer object, ComMethod method, Object... args) {
        checkSignature(method, returnType, args);
        return VtableFunctions.read(object.getLong(0), method.slot()).invoke(returnType, withThis(object, args));
    }

    /**
     * Whether {@link #close()} (or the Cleaner) has begun: every call from then on is refused. The reference itself may
     * still wait for calls in flight, or have been left unreleased after {@link #CLOSE_WAIT}; see
     * {@link #isReleased()}. Always false for a borrowed object.
     */
    public final boolean isClosed() {
        return reference != null && guard.isShut();
    }

    /** Whether the reference was released ({@code IUnknown::Release} called). Always false for a borrowed object. */
    public final boolean isReleased() {
        return reference != null && reference.releaseCalled;
    }

    /** The release the Cleaner runs for this object, as it runs it (for tests of the release/call guard). */
    final Runnable cleanerAction() {
        return reference;
    }

    private void checkOpen() {
        if (isClosed()) {
            throw new IllegalStateException(interfaceName + " was already closed (released)");
        }
    }

    /**
     * Releases the reference once, after the calls in flight on other threads have returned; later calls do nothing.
     * Borrowed objects are never released. Not to be called from inside a call on this object (it would wait for
     * itself until {@link #CLOSE_WAIT}).
     */
    @Override
    public void close() {
        if (cleanable != null) {
            reference.closedExplicitly = true;
            cleanable.clean();
        }
    }

    /**
     * The releasable reference, kept apart from the object so the Cleaner does not keep the object alive. It holds the
     * object's guard: a release, from {@link #close()} or from the Cleaner, shuts it and waits for calls in flight.
     */
    private static final class Releaser implements Runnable {
        private final Pointer unknown;
        private final String interfaceName;
        private final CallGuard guard;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile boolean closedExplicitly;
        private volatile boolean releaseCalled;

        Releaser(Pointer unknown, String interfaceName, CallGuard guard) {
            this.unknown = unknown;
            this.interfaceName = interfaceName;
            this.guard = guard;
        }

        @Override
        public void run() {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            guard.shut();
            if (!closedExplicitly) {
                LOG.warn("COM leak: an {} at {} was never closed; releasing it from the cleaner. "
                        + "Close VSS objects with try-with-resources.", interfaceName, unknown);
            }
            if (!guard.awaitIdle(CLOSE_WAIT)) {
                LOG.error("{} at {}: {} call(s) on it did not return within {} s of close(); its reference is left "
                        + "unreleased (leaked) rather than released under a running call", interfaceName, unknown,
                        guard.inFlight(), CLOSE_WAIT.toSeconds());
                return;
            }
            callSlot(unknown, IUnknown.Release);
            releaseCalled = true;
        }
    }
}
