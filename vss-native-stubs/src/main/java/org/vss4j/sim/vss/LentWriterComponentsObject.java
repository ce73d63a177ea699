package org.vss4j.sim.vss;

import com.sun.jna.Pointer;
import java.util.List;
import org.vss4j.ComponentState;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssWriterComponents;
import org.vss4j.com.Guids;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.Declarations;
import org.vss4j.sim.abi.LeakLedger;
import org.vss4j.sim.abi.LentObject;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.sim.abi.SlotTable;

/**
 * The simulator's {@code IVssWriterComponents}, lent to a hosted writer's component handlers (OnPrepareBackup,
 * OnPostSnapshot, OnBackupComplete, OnPreRestore, OnPostRestore): three slots, no IUnknown (vswriter.h).
 * {@code GetComponent} hands out an IUnknown-based {@code IVssComponent} ({@link ComponentObject}, owned by the writer,
 * who releases it) whose setters record into the writer's data for that component, which the requester reads with
 * {@code GetWriterComponents}.
 */
final class LentWriterComponentsObject extends LentObject {

    private static final Pointer TABLE = SlotTable.of("IVssWriterComponents").table(LentWriterComponentsObject::slot);

    private final WriterSessionContext session;
    private final HostedWriter writer;

    LentWriterComponentsObject(WriterSessionContext session, HostedWriter writer, String lentTo, LeakLedger ledger) {
        super(TABLE, "IVssWriterComponents", lentTo, ledger);
        this.session = session;
        this.writer = writer;
    }

    /**
     * The function of slot {@code m} of IVssWriterComponents' table, chosen by its name; its classes are checked
     * against the binding's declaration of the same {@code Interface::Method} when the table is built
     * ({@link LentObject#slot}).
     */
    static NativeCallback slot(SlotTable.Slot m) {
        return switch (m.name()) {
            case "GetComponentCount" -> slot(m, LentWriterComponentsObject::getComponentCount, Pointer.class);
            case "GetWriterInfo" -> slot(m, LentWriterComponentsObject::getWriterInfo, Pointer.class, Pointer.class);
            case "GetComponent" -> slot(m, LentWriterComponentsObject::getComponent, int.class, Pointer.class);
            default -> throw new IllegalStateException("no simulation of " + m.qualifiedName());
        };
    }

    private static NativeCallback slot(SlotTable.Slot m, Body<LentWriterComponentsObject> body,
            Class<?>... parameters) {
        return LentObject.slot(LentWriterComponentsObject.class, Declarations.of(m), body, parameters);
    }

    private DocumentComponents.WriterPart part() {
        return session.componentsOf(writer.metadata().instanceId(), writer);
    }

    private int getComponentCount(CallArgs a) {
        if (a.pointer(1) == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        a.pointer(1).setInt(0, part().components().size());
        return VssHresult.S_OK.code();
    }

    private int getWriterInfo(CallArgs a) {
        if (a.pointer(1) == null || a.pointer(2) == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        Guids.write(a.pointer(1), writer.metadata().instanceId());
        Guids.write(a.pointer(2), writer.metadata().writerClassId());
        return VssHresult.S_OK.code();
    }

    private int getComponent(CallArgs a) {
        int index = a.int32(1);
        List<ComponentState> components = part().components();
        if (a.pointer(2) == null || index < 0 || index >= components.size()) {
            return VssHresult.E_INVALIDARG.code();
        }
        ComponentState first = components.get(index);
        String logicalPath = first.logicalPath();
        String name = first.name();
        ComponentObject c = new ComponentObject(() -> part().components().get(index),
                edit -> writer.record(logicalPath, name, edit), IVssWriterComponents.GetComponent.qualifiedName());
        a.pointer(2).setPointer(0, c.pointer());
        return VssHresult.S_OK.code();
    }
}
