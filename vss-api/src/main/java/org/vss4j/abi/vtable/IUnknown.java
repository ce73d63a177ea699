package org.vss4j.abi.vtable;

import org.vss4j.abi.ComMethod;

/**
 * Vtable of {@code IUnknown} (IID {00000000-0000-0000-C000-000000000046}): the first three slots of every VSS interface
 * that derives from it, and the whole table behind the second vtable pointer of {@code IVssWriterComponentsExt}.
 *
 * <p>Source: {@code unknwn.h} (Windows SDK; in mingw-w64 10 {@code IUnknownVtbl} is in {@code unknwnbase.h}); reference section 1.1.
 */
public enum IUnknown implements ComMethod {
    /** Slot 0: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface,
    /** Slot 1: ULONG AddRef(). */
    AddRef,
    /** Slot 2: ULONG Release(). */
    Release;
}
