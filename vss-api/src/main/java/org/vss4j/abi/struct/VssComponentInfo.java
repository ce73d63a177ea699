package org.vss4j.abi.struct;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code VSS_COMPONENTINFO} (vsbackup.h), 72 bytes on x64, returned by {@code IVssWMComponent::GetComponentInfo} and
 * freed with {@code IVssWMComponent::FreeComponentInfo}. The four flags are C++ {@code bool}: <b>one byte each</b> at
 * 44..47 (x64 alignment of the vsbackup.h field list; a 4-byte Java boolean mapping would shift every later field).
 */
@NativeStruct(value = "VSS_COMPONENTINFO", x64Size = 72)
@Structure.FieldOrder({"type", "bstrLogicalPath", "bstrComponentName", "bstrCaption", "pbIcon", "cbIcon",
        "bRestoreMetadata", "bNotifyOnBackupComplete", "bSelectable", "bSelectableForRestore", "dwComponentFlags",
        "cFileCount", "cDatabases", "cLogFiles", "cDependencies"})
public class VssComponentInfo extends Structure {
    /** VSS_COMPONENT_TYPE (C enum, 4 bytes). */
    public int type;
    public Pointer bstrLogicalPath;
    public Pointer bstrComponentName;
    public Pointer bstrCaption;
    public Pointer pbIcon;
    public int cbIcon;
    /** C++ bool, 1 byte. */
    public byte bRestoreMetadata;
    /** C++ bool, 1 byte. */
    public byte bNotifyOnBackupComplete;
    /** C++ bool, 1 byte. */
    public byte bSelectable;
    /** C++ bool, 1 byte. */
    public byte bSelectableForRestore;
    public int dwComponentFlags;
    public int cFileCount;
    public int cDatabases;
    public int cLogFiles;
    public int cDependencies;

    public VssComponentInfo() {
        super(ALIGN_MSVC);
    }

    public VssComponentInfo(Pointer p) {
        super(p, ALIGN_MSVC);
        read();
    }
}
