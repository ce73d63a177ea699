package org.vss4j;

import com.sun.jna.Pointer;
import java.util.UUID;
import org.vss4j.abi.vtable.IVssWMDependency;

/** {@code IVssWMDependency}: a component's dependency on another writer's component. Owned: close it. */
public final class WmDependency extends ComGetters {

    /** Takes ownership of one reference to {@code p}. */
    public WmDependency(Pointer p) {
        super(p, "IVssWMDependency", 0);
    }

    /** {@code GetWriterId(VSS_ID *)}: the class id of the writer depended on. */
    public UUID getWriterId() {
        return getGuid(IVssWMDependency.GetWriterId);
    }

    /** {@code GetLogicalPath(&bstr)}. */
    public String getLogicalPath() {
        return getBstr(IVssWMDependency.GetLogicalPath);
    }

    /** {@code GetComponentName(&bstr)}. */
    public String getComponentName() {
        return getBstr(IVssWMDependency.GetComponentName);
    }

    /** Every property in one record. */
    public ComponentDependency read() {
        return new ComponentDependency(getWriterId(), getLogicalPath(), getComponentName());
    }
}
