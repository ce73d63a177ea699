package org.vss4j.abi.struct;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code VSS_OBJECT_PROP} (vss.h), 136 bytes on x64: the type at 0, 4 bytes of padding, the union at 8. This is the
 * stride of the array that {@code IVssEnumObject::Next} fills. Offsets: the vss.h field list with x64 alignment.
 */
@NativeStruct(value = "VSS_OBJECT_PROP", x64Size = 136)
@Structure.FieldOrder({"Type", "Obj"})
public class VssObjectProp extends Structure {
    /** VSS_OBJECT_TYPE (C enum, 4 bytes): VSS_OBJECT_SNAPSHOT (3) or VSS_OBJECT_PROVIDER (4). */
    public int Type;
    public VssObjectUnion Obj;

    public VssObjectProp() {
        super(ALIGN_MSVC);
    }

    public VssObjectProp(Pointer p) {
        super(p, ALIGN_MSVC);
        readAs();
    }

    /** Reads the structure and selects the union member that {@link #Type} names, so only that member is read. */
    public final void readAs() {
        readField("Type");
        if (Type == 4) {
            Obj.setType(VssProviderProp.class);
        } else {
            Obj.setType(VssSnapshotProp.class);
        }
        read();
    }
}
