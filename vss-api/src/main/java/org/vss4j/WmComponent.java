package org.vss4j;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;
import org.vss4j.abi.struct.VssComponentInfo;
import org.vss4j.abi.vtable.IVssWMComponent;
import org.vss4j.com.Bstr;

/** {@code IVssWMComponent}: one component of a Writer Metadata Document. Owned: close it. */
public final class WmComponent extends ComGetters {

    /** Takes ownership of one reference to {@code p}. */
    public WmComponent(Pointer p) {
        super(p, "IVssWMComponent", 0);
    }

    /**
     * {@code GetComponentInfo(&pInfo)}, copied, then {@code FreeComponentInfo(pInfo)} exactly once. The structure and
     * its three BSTRs and icon belong to the component object until FreeComponentInfo (Microsoft docs), so the strings
     * are read, never freed, here.
     */
    public ComponentInfo getComponentInfo() {
        PointerByReference out = new PointerByReference();
        check(IVssWMComponent.GetComponentInfo, out);
        Pointer info = out.getValue();
        ComponentInfo copy;
        try {
            copy = copy(new VssComponentInfo(info));
        } catch (RuntimeException | Error e) {
            // Free it anyway, but let the read failure be the one reported.
            invoke(IVssWMComponent.FreeComponentInfo, info);
            throw e;
        }
        check(IVssWMComponent.FreeComponentInfo, info);
        return copy;
    }

    /** VSS_COMPONENTINFO: the flags are 1-byte C++ bools at 44..47 (vsbackup.h, x64 alignment). */
    private static ComponentInfo copy(VssComponentInfo s) {
        ComponentIcon icon = s.pbIcon == null || s.cbIcon == 0 ? ComponentIcon.NONE
                : ComponentIcon.of(s.pbIcon.getByteArray(0, s.cbIcon));
        return new ComponentInfo(ComponentType.fromValue(s.type), Bstr.read(s.bstrLogicalPath),
                Bstr.read(s.bstrComponentName), Bstr.read(s.bstrCaption), icon, s.bRestoreMetadata != 0,
                s.bNotifyOnBackupComplete != 0, s.bSelectable != 0, s.bSelectableForRestore != 0, s.dwComponentFlags,
                s.cFileCount, s.cDatabases, s.cLogFiles, s.cDependencies);
    }

    /** {@code GetFile(iFile, &pFiledesc)}: a file set of a file group, {@code 0 <= index < fileCount}. */
    public WmFiledesc getFile(int index) {
        return new WmFiledesc(getIndexed(IVssWMComponent.GetFile, index));
    }

    /** {@code GetDatabaseFile(iDBFile, &pFiledesc)}, {@code 0 <= index < databaseCount}. */
    public WmFiledesc getDatabaseFile(int index) {
        return new WmFiledesc(getIndexed(IVssWMComponent.GetDatabaseFile, index));
    }

    /** {@code GetDatabaseLogFile(iDbLogFile, &pFiledesc)}, {@code 0 <= index < logFileCount}. */
    public WmFiledesc getDatabaseLogFile(int index) {
        return new WmFiledesc(getIndexed(IVssWMComponent.GetDatabaseLogFile, index));
    }

    /** {@code GetDependency(iDependency, &pDependency)}, {@code 0 <= index < dependencyCount}. */
    public WmDependency getDependency(int index) {
        return new WmDependency(getIndexed(IVssWMComponent.GetDependency, index));
    }

    /** The component info and every file set and dependency it counts, each sub-object released after reading. */
    public WriterComponentInfo read() {
        ComponentInfo i = getComponentInfo();
        List<ComponentDependency> dependencies = new ArrayList<>();
        for (int d = 0; d < i.dependencyCount(); d++) {
            try (WmDependency dep = getDependency(d)) {
                dependencies.add(dep.read());
            }
        }
        return new WriterComponentInfo(i.type(), i.logicalPath(), i.componentName(), i.caption(), i.icon(),
                i.restoreMetadata(), i.notifyOnBackupComplete(), i.selectable(), i.selectableForRestore(),
                i.componentFlagsMask(), WmFiledesc.readAll(i.fileCount(), this::getFile),
                WmFiledesc.readAll(i.databaseCount(), this::getDatabaseFile), WmFiledesc.readAll(i.logFileCount(), this::getDatabaseLogFile),
                dependencies);
    }
}
