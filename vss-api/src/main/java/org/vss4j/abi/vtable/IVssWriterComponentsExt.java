package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * First vtable of {@code IVssWriterComponentsExt}, the object returned by
 * {@code IVssBackupComponents::GetWriterComponents}.
 *
 * <p>The SDK declares {@code class IVssWriterComponentsExt : public IVssWriterComponents, public IUnknown {}}: MSVC lays
 * it out with two vtable pointers. The pointer at object offset 0 leads to this table (the three
 * {@code IVssWriterComponents} methods, <b>no IUnknown</b>); the pointer at object offset +8 (x64) leads to an
 * {@link IUnknown} table whose {@code this} is {@code object + 8}. mingw-w64 drops the IUnknown base entirely, so the
 * conformance test checks this table against mingw's {@code IVssWriterComponentsExtVtbl} and encodes the +8 IUnknown
 * as an SDK fact. Source: {@code vsbackup.h} (Windows SDK) and the MSVC layout of that class, computed with clang
 * {@code -fdump-vtable-layouts}.
 */
public enum IVssWriterComponentsExt implements ComMethod {
    /** Slot 0 of vptr #1: HRESULT GetComponentCount(UINT *pcComponents). */
    GetComponentCount(INT32, POINTER),
    /** Slot 1 of vptr #1: HRESULT GetWriterInfo(VSS_ID *pidInstance, VSS_ID *pidWriter). */
    GetWriterInfo(INT32, POINTER, POINTER),
    /** Slot 2 of vptr #1: HRESULT GetComponent(UINT iComponent, IVssComponent **ppComponent). */
    GetComponent(INT32, INT32, POINTER);

    private final NativeSignature signature;

    IVssWriterComponentsExt(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    /** Byte offset of the second vtable pointer (the IUnknown one) in the object on x64. */
    public static final int IUNKNOWN_VPTR_OFFSET = 8;
}
