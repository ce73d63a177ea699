package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import java.util.UUID;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Vtable of {@code IUnknown} (IID: {@link #IID}): the first three slots of every VSS interface
 * that derives from it, and the whole table behind the second vtable pointer of {@code IVssWriterComponentsExt}.
 *
 * <p>Source: {@code unknwn.h} (Windows SDK; in mingw-w64 10 {@code IUnknownVtbl} is in {@code unknwnbase.h}).
 */
public enum IUnknown implements ComMethod {
    /** Slot 0: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface(INT32, POINTER, POINTER),
    /** Slot 1: ULONG AddRef(). */
    AddRef(INT32),
    /** Slot 2: ULONG Release(). */
    Release(INT32);

    private final NativeSignature signature;

    IUnknown(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    /**
     * {@code IID_IUnknown} (unknwn.h): the one source of this interface's id, for
     * {@code QueryInterface} callers and implementations.
     */
    public static final UUID IID = UUID.fromString("00000000-0000-0000-c000-000000000046");
}
