package org.vss4j.abi;

import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Guid.GUID;
import java.util.Optional;
import org.vss4j.abi.struct.NativeStruct;

/**
 * The C type a JNA structure mirrors and its Windows x64 size.
 *
 * @param cName   the C typedef, e.g. {@code VSS_SNAPSHOT_PROP}
 * @param x64Size the size the binding declares
 */
record NativeType(String cName, int x64Size) {

    /**
     * JNA-Platform's {@link GUID} stands for {@code GUID}/{@code VSS_ID}/{@code CLSID} and carries no
     * {@code @NativeStruct}: {@code typedef struct _GUID { unsigned long Data1; unsigned short Data2, Data3; unsigned
     * char Data4[8]; } GUID;} is 16 bytes (guiddef.h; vss.h: {@code typedef GUID VSS_ID}).
     */
    static final NativeType GUID_TYPE = new NativeType("GUID", 16);

    static Optional<NativeType> of(Class<? extends Structure> struct) {
        if (struct == GUID.class) {
            return Optional.of(GUID_TYPE);
        }
        NativeStruct annotation = struct.getAnnotation(NativeStruct.class);
        return annotation == null ? Optional.empty()
                : Optional.of(new NativeType(annotation.value(), annotation.x64Size()));
    }
}
