package org.vss4j.writer;

import com.sun.jna.Pointer;
import org.vss4j.VssException;
import org.vss4j.abi.vtable.IVssWriterImpl;
import org.vss4j.com.ComObject;

/**
 * Typed calls on the {@code IVssWriterImpl} that {@code CreateWriter} made (vswriter.h). Its methods are declared
 * without {@code STDMETHODCALLTYPE}, which changes nothing on x64 (Microsoft docs, "x64 calling convention"), and many
 * return something other than an HRESULT: a C++ {@code bool} (only AL defined, read as a byte), a
 * {@code UINT}/{@code LONG}/enum, a pointer, or nothing. One owned reference, released by {@link #release()}.
 */
final class WriterImpl {

    private final Pointer self;

    WriterImpl(Pointer self) {
        this.self = self;
    }

    Pointer pointer() {
        return self;
    }

    /** An HRESULT method; a failure throws {@link VssException}. */
    int check(String context, IVssWriterImpl method, Object... args) {
        int hr = ComObject.callSlot(self, method, args);
        if (hr < 0) {
            throw new VssException(hr, method.qualifiedName(), context);
        }
        return hr;
    }

    /** An HRESULT method whose failure the caller handles. */
    int hresult(IVssWriterImpl method, Object... args) {
        return ComObject.callSlot(self, method, args);
    }

    /** A method returning C++ {@code bool}. */
    boolean cppBool(IVssWriterImpl method, Object... args) {
        return (Byte) ComObject.callSlotReturning(Byte.class, self, method, args) != 0;
    }

    /** A method returning {@code UINT}, {@code LONG} or a 32-bit enum. */
    int int32(IVssWriterImpl method, Object... args) {
        return (Integer) ComObject.callSlotReturning(Integer.class, self, method, args);
    }

    /** A method returning a pointer. */
    Pointer pointer(IVssWriterImpl method, Object... args) {
        return (Pointer) ComObject.callSlotReturning(Pointer.class, self, method, args);
    }

    /** {@code void Uninitialize()}. */
    void uninitialize() {
        ComObject.callSlotReturning(void.class, self, IVssWriterImpl.Uninitialize);
    }

    /** {@code IUnknown::Release}: drops the reference {@code CreateWriter} handed out. */
    void release() {
        ComObject.callSlot(self, IVssWriterImpl.Release);
    }
}
