package org.vss4j.sim.vss;

import static org.vss4j.sim.abi.VtableSpec.params;

import com.sun.jna.Pointer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.vss4j.VssHresult;
import org.vss4j.abi.struct.VssComponentInfo;
import org.vss4j.abi.vtable.IUnknown;
import org.vss4j.abi.vtable.IVssWMComponent;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.abi.BlockKind;
import org.vss4j.sim.abi.BstrAllocator;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.CoTaskMem;
import org.vss4j.sim.abi.NativeComObject;
import org.vss4j.sim.abi.NativeHeap;
import org.vss4j.sim.abi.VtableSpec;

/**
 * The native {@code IVssWMComponent} over one {@link WriterComponent}; no IID declared (a C++ class in vsbackup.h).
 *
 * <p>{@code GetComponentInfo} hands out a {@code VSS_COMPONENTINFO} (72 bytes, vsbackup.h with x64 alignment) in a
 * tracked CoTaskMem block, with its three strings as BSTRs and the icon in its own block; all of it belongs to this
 * component until {@code FreeComponentInfo}, which frees every piece once. Freeing a structure twice, or one this
 * component did not hand out, is recorded as an error.
 */
final class WmComponentObject extends NativeComObject {

    static final VtableSpec<WmComponentObject> VTABLE = VtableSpec
            .of("IVssWMComponent", IUnknown.IID, WmComponentObject.class)
            .bind(IVssWMComponent.GetComponentInfo, params(Pointer.class), WmComponentObject::getComponentInfo)
            .bind(IVssWMComponent.FreeComponentInfo, params(Pointer.class), WmComponentObject::freeComponentInfo)
            .bind(IVssWMComponent.GetFile, params(int.class, Pointer.class),
                    (o, a) -> o.fileDesc(a, o.component.files(), IVssWMComponent.GetFile.qualifiedName()))
            .bind(IVssWMComponent.GetDatabaseFile, params(int.class, Pointer.class),
                    (o, a) -> o.fileDesc(a, o.component.databaseFiles(),
                            IVssWMComponent.GetDatabaseFile.qualifiedName()))
            .bind(IVssWMComponent.GetDatabaseLogFile, params(int.class, Pointer.class),
                    (o, a) -> o.fileDesc(a, o.component.logFiles(),
                            IVssWMComponent.GetDatabaseLogFile.qualifiedName()))
            .bind(IVssWMComponent.GetDependency, params(int.class, Pointer.class), WmComponentObject::getDependency);

    private final WriterComponent component;
    /** Addresses of the VSS_COMPONENTINFO blocks handed out and not yet freed. */
    private final Set<Long> outstanding = new HashSet<>();

    WmComponentObject(WriterComponent component, String origin) {
        super(VTABLE, origin);
        this.component = component;
    }

    private static Pointer bstr(String s, String what) {
        return s == null || s.isEmpty() ? null : BstrAllocator.alloc(s, "VSS_COMPONENTINFO " + what);
    }

    private synchronized int getComponentInfo(CallArgs a) {
        if (a.pointer(1) == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        String what = "VSS_COMPONENTINFO of " + component.fullPath()
                + " (free it with IVssWMComponent::FreeComponentInfo)";
        Pointer block = CoTaskMem.alloc(72, what);
        VssComponentInfo info = new VssComponentInfo(block);
        info.type = component.type().value();
        // A component without a logical path has a NULL bstrLogicalPath (Microsoft VSS_COMPONENTINFO docs).
        info.bstrLogicalPath = bstr(component.logicalPath(), "logical path");
        info.bstrComponentName = BstrAllocator.alloc(component.name(), "VSS_COMPONENTINFO component name");
        info.bstrCaption = bstr(component.caption(), "caption");
        byte[] icon = component.icon().bytes();
        if (icon.length > 0) {
            info.pbIcon = CoTaskMem.alloc(icon.length, "VSS_COMPONENTINFO icon of " + component.fullPath());
            info.pbIcon.write(0, icon, 0, icon.length);
        }
        info.cbIcon = icon.length;
        // C++ bools: one byte each at offsets 44..47 (vsbackup.h with x64 alignment).
        info.bRestoreMetadata = (byte) (component.restoreMetadata() ? 1 : 0);
        info.bNotifyOnBackupComplete = (byte) (component.notifyOnBackupComplete() ? 1 : 0);
        info.bSelectable = (byte) (component.selectable() ? 1 : 0);
        info.bSelectableForRestore = (byte) (component.selectableForRestore() ? 1 : 0);
        info.dwComponentFlags = component.componentFlags();
        info.cFileCount = component.files().size();
        info.cDatabases = component.databaseFiles().size();
        info.cLogFiles = component.logFiles().size();
        info.cDependencies = component.dependencies().size();
        info.write();
        outstanding.add(Pointer.nativeValue(block));
        a.pointer(1).setPointer(0, block);
        return VssHresult.S_OK.code();
    }

    private synchronized int freeComponentInfo(CallArgs a) {
        Pointer block = a.pointer(1);
        if (block == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        if (!outstanding.remove(Pointer.nativeValue(block))) {
            ledger().error("IVssWMComponent::FreeComponentInfo of 0x" + Long.toHexString(Pointer.nativeValue(block))
                    + ", which " + describe() + " did not hand out or already freed");
            return VssHresult.E_INVALIDARG.code();
        }
        VssComponentInfo info = new VssComponentInfo(block);
        String by = IVssWMComponent.FreeComponentInfo.qualifiedName();
        for (Pointer bstr : new Pointer[] {info.bstrLogicalPath, info.bstrComponentName, info.bstrCaption}) {
            if (bstr != null) {
                NativeHeap.free(BlockKind.BSTR, bstr, by);
            }
        }
        CoTaskMem.free(info.pbIcon);
        CoTaskMem.free(block);
        return VssHresult.S_OK.code();
    }

    private <T> int indexed(CallArgs a, List<T> items, Function<T, NativeComObject> make) {
        int index = a.int32(1);
        if (a.pointer(2) == null || index < 0 || index >= items.size()) {
            return VssHresult.E_INVALIDARG.code();
        }
        a.pointer(2).setPointer(0, make.apply(items.get(index)).pointer());
        return VssHresult.S_OK.code();
    }

    private int fileDesc(CallArgs a, List<org.vss4j.sim.FileSpec> files, String origin) {
        return indexed(a, files, f -> new WmFiledescObject(f, origin));
    }

    private int getDependency(CallArgs a) {
        return indexed(a, component.dependencies(),
                d -> new WmDependencyObject(d, IVssWMComponent.GetDependency.qualifiedName()));
    }
}
