package org.vss4j.sim.vss;

import static org.vss4j.sim.abi.VtableSpec.params;

import com.sun.jna.Pointer;
import java.util.List;
import org.vss4j.ObjectType;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssEnumObject;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedProvider;
import org.vss4j.sim.Snapshot;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.NativeComObject;
import org.vss4j.sim.abi.VtableSpec;

/**
 * The native {@code IVssEnumObject} returned by {@code IVssBackupComponents::Query}: a fixed list of objects (taken at
 * query time) and a cursor, with the standard COM enumerator contract — {@code Next} and {@code Skip} return
 * {@code S_FALSE} when fewer than the requested elements remained, {@code Reset} rewinds, {@code Clone} copies the
 * list and the cursor position into an independent enumerator.
 *
 * <p>{@code Next} writes {@code VSS_OBJECT_PROP} elements with a stride of 136 bytes: the {@code VSS_OBJECT_TYPE} at 0
 * and the union at 8 (vss.h, x64 alignment). Each element's strings are the caller's to free: a snapshot's with
 * {@code VssFreeSnapshotProperties(&elt.Obj.Snap)}, a provider's with {@code CoTaskMemFree} each.
 */
final class EnumObject extends NativeComObject {

    /** x64 {@code sizeof(VSS_OBJECT_PROP)} and offset of its union (vss.h, x64 alignment). */
    static final long ELEMENT_SIZE = 136;
    static final long UNION_OFFSET = 8;

    /** One enumerated object: writes itself into a {@code VSS_OBJECT_PROP} element. */
    interface Element {
        void writeTo(Pointer element);
    }

    static final VtableSpec<EnumObject> VTABLE = VtableSpec.of("IVssEnumObject", IVssEnumObject.IID,
                    EnumObject.class)
            .bind(IVssEnumObject.Next, params(int.class, Pointer.class, Pointer.class), EnumObject::next)
            .bind(IVssEnumObject.Skip, params(int.class), EnumObject::skip)
            .bind(IVssEnumObject.Reset, params(), EnumObject::reset)
            .bind(IVssEnumObject.Clone, params(Pointer.class), EnumObject::cloneEnumerator);

    private final List<Element> elements;
    private int cursor;

    private EnumObject(List<Element> elements, int cursor, String origin) {
        super(VTABLE, origin);
        this.elements = List.copyOf(elements);
        this.cursor = cursor;
    }

    /** An enumerator over {@code snapshots}, each reported as a {@code VSS_OBJECT_SNAPSHOT} element. */
    static EnumObject ofSnapshots(List<Snapshot> snapshots, SimulatedMachine machine, String origin) {
        List<Element> list = snapshots.stream().<Element>map(s -> e -> {
            e.setInt(0, ObjectType.SNAPSHOT.value());
            SnapshotPropWriter.fill(e.share(UNION_OFFSET), s, machine, "IVssEnumObject::Next");
        }).toList();
        return new EnumObject(list, 0, origin);
    }

    /** An enumerator over {@code providers}, each reported as a {@code VSS_OBJECT_PROVIDER} element. */
    static EnumObject ofProviders(List<SimulatedProvider> providers, String origin) {
        List<Element> list = providers.stream().<Element>map(p -> e -> {
            e.setInt(0, ObjectType.PROVIDER.value());
            ProviderPropWriter.fill(e.share(UNION_OFFSET), p);
        }).toList();
        return new EnumObject(list, 0, origin);
    }

    private static int sOkOrFalse(boolean all) {
        return all ? VssHresult.S_OK.code() : VssHresult.S_FALSE.code();
    }

    /**
     * {@code Next(ULONG celt, VSS_OBJECT_PROP *rgelt, ULONG *pceltFetched)}: as for every COM enumerator,
     * {@code pceltFetched} may be NULL only when {@code celt} is 1.
     */
    private synchronized int next(CallArgs a) {
        long celt = Integer.toUnsignedLong(a.int32(1));
        Pointer out = a.pointer(2);
        Pointer fetched = a.pointer(3);
        if (out == null || (fetched == null && celt != 1)) {
            return VssHresult.E_INVALIDARG.code();
        }
        int n = (int) Math.min(celt, elements.size() - cursor);
        for (int i = 0; i < n; i++) {
            Pointer element = out.share(i * ELEMENT_SIZE);
            element.clear(ELEMENT_SIZE);
            elements.get(cursor + i).writeTo(element);
        }
        cursor += n;
        if (fetched != null) {
            fetched.setInt(0, n);
        }
        return sOkOrFalse(n == celt);
    }

    private synchronized int skip(CallArgs a) {
        long celt = Integer.toUnsignedLong(a.int32(1));
        int n = (int) Math.min(celt, elements.size() - cursor);
        cursor += n;
        return sOkOrFalse(n == celt);
    }

    private synchronized int reset(CallArgs a) {
        cursor = 0;
        return VssHresult.S_OK.code();
    }

    private synchronized int cloneEnumerator(CallArgs a) {
        if (a.pointer(1) == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        a.pointer(1).setPointer(0, new EnumObject(elements, cursor, IVssEnumObject.Clone.qualifiedName()).pointer());
        return VssHresult.S_OK.code();
    }
}
