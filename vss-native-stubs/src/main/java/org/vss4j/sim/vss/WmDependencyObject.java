package org.vss4j.sim.vss;

import static org.vss4j.sim.abi.VtableSpec.params;

import com.sun.jna.Pointer;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IUnknown;
import org.vss4j.abi.vtable.IVssWMDependency;
import org.vss4j.com.Guids;
import org.vss4j.sim.SimulatedComponentDependency;
import org.vss4j.sim.abi.BstrAllocator;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.NativeComObject;
import org.vss4j.sim.abi.VtableSpec;

/** The native {@code IVssWMDependency} over one {@link SimulatedComponentDependency}; no IID declared (vswriter.h). */
final class WmDependencyObject extends NativeComObject {

    static final VtableSpec<WmDependencyObject> VTABLE = VtableSpec
            .of("IVssWMDependency", IUnknown.IID, WmDependencyObject.class)
            .bind(IVssWMDependency.GetWriterId, params(Pointer.class), WmDependencyObject::getWriterId)
            .bind(IVssWMDependency.GetLogicalPath, params(Pointer.class),
                    (o, a) -> o.string(a, o.dependency.onLogicalPath(), "logical path"))
            .bind(IVssWMDependency.GetComponentName, params(Pointer.class),
                    (o, a) -> o.string(a, o.dependency.onComponentName(), "component name"));

    private final SimulatedComponentDependency dependency;

    WmDependencyObject(SimulatedComponentDependency dependency, String origin) {
        super(VTABLE, origin);
        this.dependency = dependency;
    }

    private int getWriterId(CallArgs a) {
        if (a.pointer(1) == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        Guids.write(a.pointer(1), dependency.onWriterId());
        return VssHresult.S_OK.code();
    }

    private int string(CallArgs a, String value, String what) {
        if (a.pointer(1) == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        a.pointer(1).setPointer(0, BstrAllocator.alloc(value, "IVssWMDependency " + what));
        return VssHresult.S_OK.code();
    }
}
