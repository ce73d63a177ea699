package org.vss4j;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;
import org.vss4j.abi.vtable.IVssWriterComponentsExt;
import org.vss4j.com.Guids;

/**
 * {@code IVssWriterComponentsExt} from {@code IVssBackupComponents::GetWriterComponents}: one writer's components in
 * the Backup Components Document. Owned: close it.
 *
 * <p>ABI ({@code vsbackup.h}: {@code class IVssWriterComponentsExt : public IVssWriterComponents, public IUnknown}, as
 * MSVC lays it out): the object has two vtable pointers. The one at offset 0 leads to the three
 * {@code IVssWriterComponents} methods with <b>no IUnknown</b>; the IUnknown is the second vtable pointer at
 * {@link IVssWriterComponentsExt#IUNKNOWN_VPTR_OFFSET} (+8 on x64), whose {@code this} is the object address + 8.
 * {@link #close()} therefore releases through {@code *(obj + 8)} slot 2 with {@code this = obj + 8}.
 */
public final class WriterComponents extends ComGetters {

    /** Takes ownership of one reference to the object at {@code p} (the address of its first vtable pointer). */
    public WriterComponents(Pointer p) {
        super(p, "IVssWriterComponentsExt", IVssWriterComponentsExt.IUNKNOWN_VPTR_OFFSET);
    }

    /** {@code GetComponentCount(UINT *)}. */
    public int getComponentCount() {
        IntByReference count = new IntByReference();
        check(IVssWriterComponentsExt.GetComponentCount, count);
        return count.getValue();
    }

    /** {@code GetWriterInfo(VSS_ID *pidInstance, VSS_ID *pidWriter)}. */
    public WriterInfo getWriterInfo() {
        GUID instance = new GUID();
        GUID writer = new GUID();
        check(IVssWriterComponentsExt.GetWriterInfo, instance, writer);
        return new WriterInfo(Guids.toUuid(instance), Guids.toUuid(writer));
    }

    /** {@code GetComponent(iComponent, &pComponent)}: an {@code IVssComponent}, which has its own IUnknown. */
    public VssComponent getComponent(int index) {
        PointerByReference out = new PointerByReference();
        check("index " + index, IVssWriterComponentsExt.GetComponent, index, out);
        return new VssComponent(out.getValue());
    }

    /** The writer and every component, each read whole and released. */
    public WriterComponentsSnapshot read() {
        WriterInfo info = getWriterInfo();
        int count = getComponentCount();
        List<ComponentState> components = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            try (VssComponent c = getComponent(i)) {
                components.add(c.read());
            }
        }
        return new WriterComponentsSnapshot(info.instanceId(), info.writerId(), components);
    }
}
