package org.vss4j;

import com.sun.jna.Pointer;
import org.vss4j.abi.struct.VssProviderProp;
import org.vss4j.abi.struct.VssSnapshotProp;
import org.vss4j.com.Exports;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;

/**
 * One element of the {@code VSS_OBJECT_PROP} array that {@code IVssEnumObject::Next} fills: the
 * {@code VSS_OBJECT_TYPE} at offset 0, four bytes of padding, the union at offset 8, 136 bytes in all on x64
 * ({@code vss.h} field order, x64 alignment). The type says which union member is live.
 *
 * <p>Ownership (Microsoft {@code VSS_OBJECT_PROP} docs): the caller frees a snapshot element's strings with
 * {@code VssFreeSnapshotProperties(&prop.Obj.Snap)} and a provider element's two strings with {@code CoTaskMemFree}
 * each. Reading and freeing are separate so that every fetched element is freed exactly once, even when reading one
 * fails.
 */
final class ObjectPropElement {

    /** {@code sizeof(VSS_OBJECT_PROP)} on x64: the stride of the array ({@code vss.h}, x64 alignment). */
    static final int SIZE = 136;
    /** Offset of {@code Obj}, the {@code VSS_OBJECT_UNION} ({@code vss.h}, x64 alignment). */
    static final long UNION_OFFSET = 8;

    private ObjectPropElement() {
    }

    /** The raw {@code VSS_OBJECT_TYPE} of the element. */
    static int type(Pointer element) {
        return element.getInt(0);
    }

    /** Copies a {@code VSS_OBJECT_SNAPSHOT} element; frees nothing. */
    static SnapshotProperties snapshot(Pointer element) {
        expect(element, ObjectType.SNAPSHOT);
        return SnapshotProps.copy(new VssSnapshotProp(element.share(UNION_OFFSET)));
    }

    /** Copies a {@code VSS_OBJECT_PROVIDER} element; frees nothing. */
    static ProviderProperties provider(Pointer element) {
        expect(element, ObjectType.PROVIDER);
        VssProviderProp p = new VssProviderProp(element.share(UNION_OFFSET));
        return new ProviderProperties(Guids.toUuid(p.m_ProviderId), Utf16.read(p.m_pwszProviderName),
                ProviderType.fromValue(p.m_eProviderType), Utf16.read(p.m_pwszProviderVersion),
                Guids.toUuid(p.m_ProviderVersionId), Guids.toUuid(p.m_ClassId));
    }

    /** Frees the strings of the live union member; an element of another type holds nothing to free. */
    static void free(Pointer element) {
        Pointer union = element.share(UNION_OFFSET);
        int type = type(element);
        if (type == ObjectType.SNAPSHOT.value()) {
            Exports.current().vssFreeSnapshotProperties(union);
        } else if (type == ObjectType.PROVIDER.value()) {
            VssProviderProp p = new VssProviderProp(union);
            Exports.current().coTaskMemFree(p.m_pwszProviderName);
            Exports.current().coTaskMemFree(p.m_pwszProviderVersion);
        }
    }

    private static void expect(Pointer element, ObjectType expected) {
        int type = type(element);
        if (type != expected.value()) {
            throw new IllegalStateException("IVssEnumObject::Next returned an element of VSS_OBJECT_TYPE " + type
                    + " where " + expected.nativeName() + " was queried");
        }
    }
}
