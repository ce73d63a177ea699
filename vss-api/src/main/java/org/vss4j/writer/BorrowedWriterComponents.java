package org.vss4j.writer;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.vss4j.VssComponent;
import org.vss4j.WriterInfo;
import org.vss4j.abi.vtable.IVssWriterComponents;
import org.vss4j.com.Guids;

/**
 * {@code IVssWriterComponents}, lent to the component handlers of {@link VssWriter} ({@code onPrepareBackup},
 * {@code onPostSnapshot}, {@code onBackupComplete}, {@code onPreRestore}, {@code onPostRestore}): this writer's
 * components in the Backup Components Document. Borrowed from VSS (no IUnknown, vswriter.h): valid only
 * while the handler runs, never released by Java. (The requester's view of the same data is
 * {@link org.vss4j.WriterComponents}, an owned {@code IVssWriterComponentsExt}.)
 */
public final class BorrowedWriterComponents extends BorrowedInterface {

    BorrowedWriterComponents(Pointer self, HandlerScope scope) {
        super(self, "IVssWriterComponents", scope);
    }

    /** {@code GetComponentCount(UINT *)}: the components the requester added for this writer. */
    public int getComponentCount() {
        IntByReference count = new IntByReference();
        call(null, IVssWriterComponents.GetComponentCount, count);
        return count.getValue();
    }

    /** {@code GetWriterInfo(VSS_ID *pidInstance, VSS_ID *pidWriter)}. */
    public WriterInfo getWriterInfo() {
        GUID instance = new GUID();
        GUID writer = new GUID();
        call(null, IVssWriterComponents.GetWriterInfo, instance, writer);
        return new WriterInfo(Guids.toUuid(instance), Guids.toUuid(writer));
    }

    /**
     * {@code GetComponent(iComponent, &pComponent)}: an {@code IVssComponent}, which derives from IUnknown and is
     * <b>owned</b> by the caller (one reference): close it. One the handler leaves open is closed when the handler
     * returns. The writer-side setters ({@code setBackupMetadata}, {@code addPartialFile}, ...) are on
     * {@link VssComponent}.
     */
    public VssComponent getComponent(int index) {
        PointerByReference out = new PointerByReference();
        call("index " + index, IVssWriterComponents.GetComponent, index, out);
        VssComponent component = new VssComponent(out.getValue());
        scope().closeAtEnd(component);
        return component;
    }
}
