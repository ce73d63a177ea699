package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Vtable of the COM interface {@code IVssWriterComponents} (no IID declared (C++ class in the SDK)); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vswriter.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: **none (no IUnknown)**.
 *
 * <p>This interface has <b>no IUnknown</b> (vswriter.h): slot 0 is its first own method, and the object
 * cannot be reference-counted through this vtable.
 */
public enum IVssWriterComponents implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IVssWriterComponents: HRESULT GetComponentCount(UINT *pcComponents). */
    GetComponentCount(INT32, POINTER),
    /** Slot 1 (x64 vtable offset 0x008), declared in IVssWriterComponents: HRESULT GetWriterInfo(VSS_ID *pidInstance, VSS_ID *pidWriter). */
    GetWriterInfo(INT32, POINTER, POINTER),
    /** Slot 2 (x64 vtable offset 0x010), declared in IVssWriterComponents: HRESULT GetComponent(UINT iComponent, IVssComponent **ppComponent). */
    GetComponent(INT32, INT32, POINTER);

    private final NativeSignature signature;

    IVssWriterComponents(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }
}
