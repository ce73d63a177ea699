package org.vss4j;

import java.util.UUID;
import org.vss4j.abi.vtable.IVssBackupComponentsEx;
import org.vss4j.abi.vtable.IVssBackupComponentsEx2;
import org.vss4j.abi.vtable.IVssBackupComponentsEx3;
import org.vss4j.abi.vtable.IVssBackupComponentsEx4;

/**
 * The extensions of {@code IVssBackupComponents} a requester reaches by {@code QueryInterface} on the same object
 * (IIDs: {@code vsbackup.h}, carried by the vtable enums), with the first Windows versions that have each
 * (Microsoft docs, "Requirements" of the interfaces' methods).
 */
enum BackupComponentsExtension {
    EX("IVssBackupComponentsEx", IVssBackupComponentsEx.IID, "Windows Vista or Windows Server 2008"),
    EX2("IVssBackupComponentsEx2", IVssBackupComponentsEx2.IID, "Windows Vista or Windows Server 2008"),
    EX3("IVssBackupComponentsEx3", IVssBackupComponentsEx3.IID, "Windows 7 or Windows Server 2008 R2"),
    EX4("IVssBackupComponentsEx4", IVssBackupComponentsEx4.IID, "Windows 8 or Windows Server 2012");

    private final String interfaceName;
    private final UUID iid;
    private final String minimumWindows;

    BackupComponentsExtension(String interfaceName, UUID iid, String minimumWindows) {
        this.interfaceName = interfaceName;
        this.iid = iid;
        this.minimumWindows = minimumWindows;
    }

    String interfaceName() {
        return interfaceName;
    }

    UUID iid() {
        return iid;
    }

    String minimumWindows() {
        return minimumWindows;
    }
}
