package org.vss4j.sim.vss;

import static org.vss4j.sim.abi.VtableSpec.params;

import com.sun.jna.Pointer;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssAsync;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.NativeComObject;
import org.vss4j.sim.abi.VtableSpec;

/** The native {@code IVssAsync} handed out for an {@link AsyncOperation}. Releasing it does not cancel the operation. */
public final class AsyncObject extends NativeComObject {

    static final VtableSpec<AsyncObject> VTABLE = VtableSpec.of("IVssAsync", IVssAsync.IID, AsyncObject.class)
            .bind(IVssAsync.Cancel, params(), (o, a) -> o.operation.cancel())
            .bind(IVssAsync.Wait, params(int.class), AsyncObject::waitFor)
            .bind(IVssAsync.QueryStatus, params(Pointer.class, Pointer.class), AsyncObject::queryStatus);

    private final AsyncOperation operation;

    AsyncObject(AsyncOperation operation) {
        super(VTABLE, operation.origin().qualifiedName());
        this.operation = operation;
    }

    private int waitFor(CallArgs a) {
        return operation.waitFor(a.int32(1));
    }

    /**
     * {@code QueryStatus(HRESULT *pHrResult, INT *pReserved)}: a NULL pHrResult is E_INVALIDARG, and pReserved
     * "should be NULL" (Microsoft docs, "IVssAsync::QueryStatus"; E_INVALIDARG for a non-NULL one is the simulator's
     * choice). A plan's QueryStatus failure leaves {@code *pHrResult} alone.
     */
    private int queryStatus(CallArgs a) {
        if (a.pointer(1) == null || a.pointer(2) != null) {
            return VssHresult.E_INVALIDARG.code();
        }
        if (operation.plan().queryStatusFailure() != 0) {
            return operation.plan().queryStatusFailure();
        }
        a.pointer(1).setInt(0, operation.status());
        return VssHresult.S_OK.code();
    }
}
