package org.vss4j;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import java.util.Arrays;
import java.util.UUID;
import org.vss4j.abi.ComMethod;
import org.vss4j.com.Bstr;
import org.vss4j.com.ComObject;
import org.vss4j.com.Guids;
import org.vss4j.com.OutParam;

/**
 * A {@link ComObject} read through getters with one trailing out-parameter: the typed calls every VSS reading interface
 * repeats ({@code BSTR*}, {@code UINT*}, C++ {@code bool*}, {@code IVssXxx**}) and {@code QueryInterface}.
 *
 * <p>Ownership: a {@code BSTR*} out-value becomes the caller's and is freed here (COM rule; {@link Bstr}); an interface
 * out-value is an AddRef'd reference that the returned wrapper owns. Scalar out-values are read from this thread's
 * {@link OutParam} block right after the call, before anything else can call on this thread.
 */
abstract class ComGetters extends ComObject {

    ComGetters(Pointer self, String interfaceName, int unknownOffset) {
        super(self, interfaceName, unknownOffset);
    }

    private static Object[] plus(Object[] leading, Object last) {
        Object[] all = Arrays.copyOf(leading, leading.length + 1);
        all[leading.length] = last;
        return all;
    }

    /** {@code method(leading..., BSTR *out)}: the string (null for a NULL BSTR), freed here. */
    final String getBstr(ComMethod method, Object... leading) {
        Pointer bstr;
        try (OutParam out = OutParam.acquire()) {
            check(method, plus(leading, out.pointer()));
            bstr = out.pointerValue();
        }
        return Bstr.readAndFree(bstr);
    }

    /** {@code method(UINT *out)}, also DWORD and 32-bit enums. */
    final int getInt32(ComMethod method) {
        try (OutParam out = OutParam.acquire()) {
            check(method, out.pointer());
            return out.intValue();
        }
    }

    /** {@code method(bool *out)}: a C++ {@code bool}, one byte (as the SDK headers declare it). */
    final boolean getCppBool(ComMethod method) {
        try (OutParam out = OutParam.acquire()) {
            check(method, out.pointer());
            return out.byteValue() != 0;
        }
    }

    /** {@code method(VSS_ID *out)}. */
    final UUID getGuid(ComMethod method) {
        GUID out = new GUID();
        check(method, out);
        return Guids.toUuid(out);
    }

    /**
     * {@code method(UINT index, IVssXxx **out)}: the AddRef'd interface pointer; a bad index fails with the method's
     * HRESULT ({@code E_INVALIDARG} for VSS), named with the index.
     */
    final Pointer getIndexed(ComMethod method, int index) {
        try (OutParam out = OutParam.acquire()) {
            check("index " + index, method, index, out.pointer());
            return out.pointerValue();
        }
    }

    /**
     * {@code QueryInterface(iid, &out)} through {@code queryInterface} (slot 0 of this object's vtable): an owned
     * reference to the same object seen as {@code interfaceName}. {@code E_NOINTERFACE} (an older Windows) throws.
     */
    final QueriedInterface queryInterface(ComMethod queryInterface, UUID iid, String interfaceName) {
        Pointer p;
        try (OutParam out = OutParam.acquire()) {
            check(interfaceName, queryInterface, Guids.toGuid(iid), out.pointer());
            p = out.pointerValue();
        }
        return new QueriedInterface(p, interfaceName);
    }
}
