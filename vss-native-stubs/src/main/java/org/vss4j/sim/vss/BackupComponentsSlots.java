package org.vss4j.sim.vss;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.abi.vtable.IVssBackupComponentsEx;
import org.vss4j.abi.vtable.IVssBackupComponentsEx2;
import org.vss4j.abi.vtable.IVssBackupComponentsEx3;
import org.vss4j.abi.vtable.IVssBackupComponentsEx4;

/**
 * The vtable of the simulated requester object: {@code IVssBackupComponentsEx4}, whose slots 0-63 are those of
 * {@code Ex3}, {@code Ex2}, {@code Ex} and {@code IVssBackupComponents} in turn (vsbackup.h, single inheritance). Each
 * slot is named by the interface that declares it (slot 53 is {@code IVssBackupComponentsEx2::UnexposeSnapshot}), so
 * handlers, faults and messages use the names callers know, and QueryInterface for any of the five IIDs returns the
 * same object, as on Windows.
 */
final class BackupComponentsSlots {

    static final Set<UUID> IIDS = Set.of(IVssBackupComponents.IID, IVssBackupComponentsEx.IID,
            IVssBackupComponentsEx2.IID, IVssBackupComponentsEx3.IID, IVssBackupComponentsEx4.IID);

    private BackupComponentsSlots() {
    }

    /** Slot {@code n} = the constant of the interface that declares it ({@link SlotChain}). */
    static List<ComMethod> slots() {
        return SlotChain.of(IVssBackupComponents.class, IVssBackupComponentsEx.class, IVssBackupComponentsEx2.class,
                IVssBackupComponentsEx3.class, IVssBackupComponentsEx4.class);
    }
}
