package org.vss4j.sim.writer;

import com.sun.jna.Pointer;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.IVssWriterImpl;
import org.vss4j.com.ComObject;
import org.vss4j.writer.VssWriter;

/**
 * The {@code IVssWriterImpl} behind a Java writer, called raw: what a native writer (or a faulty binding) could do that
 * the Java API refuses, to test what the simulator then does. The pointer is {@code m_pWriterImpl}, at offset 8 of the
 * writer's native object (vswriter.h, MSVC layout).
 */
final class RawWriterImpl {

    private final Pointer impl;

    RawWriterImpl(VssWriter writer) {
        this.impl = writer.nativeObject().getPointer(CVssWriter.WRITER_IMPL_OFFSET);
    }

    int hresult(IVssWriterImpl method, Object... args) {
        return ComObject.callSlot(impl, method, args);
    }

    boolean cppBool(IVssWriterImpl method) {
        return (Byte) ComObject.callSlotReturning(Byte.class, impl, method) != 0;
    }

    Pointer pointer(IVssWriterImpl method) {
        return (Pointer) ComObject.callSlotReturning(Pointer.class, impl, method);
    }
}
