package org.vss4j.abi.struct;

import com.sun.jna.Pointer;
import com.sun.jna.Union;

/**
 * {@code VSS_OBJECT_UNION} (vss.h): a plain C union of {@code VSS_SNAPSHOT_PROP Snap} and {@code VSS_PROVIDER_PROP Prov},
 * 128 bytes, align 8 on x64. {@link VssObjectProp#Type} says which member is live.
 */
@NativeStruct(value = "VSS_OBJECT_UNION", x64Size = 128)
public class VssObjectUnion extends Union {
    public VssSnapshotProp Snap;
    public VssProviderProp Prov;

    public VssObjectUnion() {
        setAlignType(ALIGN_MSVC);
    }

    public VssObjectUnion(Pointer p) {
        super(p, ALIGN_MSVC);
    }
}
