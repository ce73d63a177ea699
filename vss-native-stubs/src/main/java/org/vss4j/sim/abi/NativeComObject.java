package org.vss4j.sim.abi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.concurrent.atomic.AtomicInteger;
import org.vss4j.sim.SimulatedMachine;

/**
 * A simulated COM object in native memory: 8 bytes whose offset 0 holds the vtable pointer (the COM object layout: the
 * vptr is the first member; a call reads {@code *this}, then slot {@code n} at {@code n * 8}). The Java subclass holds
 * the state; {@link ComRegistry} maps the native address back to it when a slot is called.
 *
 * <p>Reference counting is COM's: the creator hands out the first reference; {@code AddRef}/{@code Release} count; the
 * last Release retires the object ({@link #onFinalRelease()}) and any later call on it is recorded as an error. A
 * retired object's native memory then belongs to {@link ComRegistry}'s tombstones, which keep its address reserved
 * for a while; the Java object is no longer referenced by the simulator.
 */
public abstract class NativeComObject {

    private final VtableSpec<?> spec;
    private final Memory memory;
    private final AtomicInteger references = new AtomicInteger(1);
    private final LeakLedger ledger;
    private final String origin;
    private final AllocationSite site = AllocationSite.capture();

    /**
     * @param spec   the vtable of the interface this object implements
     * @param origin what created it (for leak reports), e.g. {@code IVssBackupComponents::DoSnapshotSet}
     */
    protected NativeComObject(VtableSpec<?> spec, String origin) {
        this.spec = spec;
        this.origin = origin;
        this.ledger = SimulatedMachine.current().ledger();
        this.memory = new Memory(Native64.POINTER_SIZE);
        memory.setPointer(0, spec.table());
        ComRegistry.register(this);
    }

    /**
     * The interface pointer handed to native callers.
     *
     * @return the pointer, valid until the object is retired
     */
    public final Pointer pointer() {
        return memory;
    }

    final long address() {
        return Pointer.nativeValue(memory);
    }

    /**
     * The vtable this object is called through.
     *
     * @return the spec
     */
    public final VtableSpec<?> spec() {
        return spec;
    }

    /**
     * The ledger of the machine that created this object.
     *
     * @return the ledger
     */
    public final LeakLedger ledger() {
        return ledger;
    }

    /**
     * The current reference count.
     *
     * @return the count now
     */
    public final int references() {
        return references.get();
    }

    /**
     * {@code IUnknown::AddRef}: the new count.
     *
     * @return the count after the increment
     */
    public final int addRef() {
        return references.incrementAndGet();
    }

    /**
     * {@code IUnknown::Release}: the new count; at zero the object is retired.
     *
     * @return the count after the decrement
     */
    public final int release() {
        int left = references.decrementAndGet();
        if (left == 0) {
            ComRegistry.retire(this, memory);
            onFinalRelease();
        }
        return left;
    }

    /** Called once, when the last reference goes: release what the object holds. */
    protected void onFinalRelease() {
    }

    /**
     * For leak reports: the interface, address, count and origin.
     *
     * @return a one-line description
     */
    public String describe() {
        return spec.interfaceName() + " at 0x" + Long.toHexString(address()) + " with " + references.get()
                + " reference(s), created by " + origin;
    }

    /** For leak reports: {@link #describe()} and the Java frames that created the object. */
    final String describeLeak() {
        return describe() + "; created\n" + site.describe("      ");
    }
}
