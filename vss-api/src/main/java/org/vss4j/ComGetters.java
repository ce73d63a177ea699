package org.vss4j;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import com.sun.jna.ptr.ByteByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Arrays;
import java.util.UUID;
import org.vss4j.abi.ComMethod;
import org.vss4j.com.Bstr;
import org.vss4j.com.ComObject;
import org.vss4j.com.Guids;

/**
 * A {@link ComObject} read through getters with one trailing out-parameter: the typed calls every VSS reading interface
 * repeats ({@code BSTR*}, {@code UINT*}, C++ {@code bool*}, {@code IVssXxx**}) and {@code QueryInterface}.
 *
 * <p>Ownership: a {@code BSTR*} out-value becomes the caller's and is freed here (COM rule; {@link Bstr}); an interface
 * out-value is an AddRef'd reference that the returned wrapper owns.
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
        PointerByReference out = new PointerByReference();
        check(method, plus(leading, out));
        return Bstr.readAndFree(out.getValue());
    }

    /** {@code method(UINT *out)}, also DWORD and 32-bit enums. */
    final int getInt32(ComMethod method) {
        IntByReference out = new IntByReference();
        check(method, out);
        return out.getValue();
    }

    /** {@code method(bool *out)}: a C++ {@code bool}, one byte (as the SDK headers declare it). */
    final boolean getCppBool(ComMethod method) {
        ByteByReference out = new ByteByReference();
        check(method, out);
        return out.getValue() != 0;
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
        PointerByReference out = new PointerByReference();
        check("index " + index, method, index, out);
        return out.getValue();
    }

    /**
     * {@code QueryInterface(iid, &out)} through {@code queryInterface} (slot 0 of this object's vtable): an owned
     * reference to the same object seen as {@code interfaceName}. {@code E_NOINTERFACE} (an older Windows) throws.
     */
    final QueriedInterface queryInterface(ComMethod queryInterface, UUID iid, String interfaceName) {
        PointerByReference out = new PointerByReference();
        check(interfaceName, queryInterface, Guids.toGuid(iid), out);
        return new QueriedInterface(out.getValue(), interfaceName);
    }
}
