package org.vss4j.writer;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeExport;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.CVssWriterEx;
import org.vss4j.com.Exports;

/**
 * Which SDK class a {@link VssWriter}'s native object is (vswriter.h): the export that makes its implementation and the
 * vtable VSS calls it through. The SDK's {@code CVssWriter::Initialize} calls {@code CreateWriter}, and
 * {@code CVssWriterEx::Initialize} (inherited by {@code CVssWriterEx2}) calls {@code CreateWriterEx}; the Ex classes'
 * vtable has one more slot, {@code OnIdentifyEx}. The queries the SDK offers only on {@code CVssWriterEx}/
 * {@code CVssWriterEx2} ({@code GetIdentifyInformation}, {@code SetWriterFailureEx}, {@code GetSessionId},
 * {@code IsWriterShuttingDown}) belong to implementations created the Ex way.
 */
enum WriterForm {

    /** {@code CVssWriter}: {@code CreateWriter} and the 16-slot {@link CVssWriter} vtable. */
    PLAIN(NativeExport.CreateWriter, List.<ComMethod>of(CVssWriter.values())),

    /** {@code CVssWriterEx}/{@code CVssWriterEx2}: {@code CreateWriterEx} and the 17-slot {@link CVssWriterEx} vtable. */
    EX(NativeExport.CreateWriterEx, List.<ComMethod>of(CVssWriterEx.values()));

    private final NativeExport export;
    private final List<ComMethod> slots;

    WriterForm(NativeExport export, List<ComMethod> slots) {
        this.export = export;
        this.slots = slots;
    }

    /** The export that makes the implementation, for messages. */
    String export() {
        return export.name();
    }

    /** The vtable slots, in order. */
    List<ComMethod> slots() {
        return slots;
    }

    /** {@code CreateWriter(this, &m_pWriterImpl)} or {@code CreateWriterEx(this, &m_pWriterImpl)}. */
    int create(Pointer object, PointerByReference impl) {
        return export == NativeExport.CreateWriter ? Exports.current().createWriter(object, impl)
                : Exports.current().createWriterEx(object, impl);
    }
}
