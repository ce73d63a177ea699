package org.vss4j.sim.vss;

import static org.vss4j.sim.abi.VtableSpec.params;

import com.sun.jna.Pointer;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IUnknown;
import org.vss4j.abi.vtable.IVssWMFiledesc;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.abi.BstrAllocator;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.NativeComObject;
import org.vss4j.sim.abi.VtableSpec;

/**
 * The native {@code IVssWMFiledesc} over one {@link FileSpec}. The SDK declares no IID for it (a C++ class in
 * vswriter.h), so QueryInterface answers IUnknown only.
 */
final class WmFiledescObject extends NativeComObject {

    static final VtableSpec<WmFiledescObject> VTABLE = VtableSpec
            .of("IVssWMFiledesc", IUnknown.IID, WmFiledescObject.class)
            .bind(IVssWMFiledesc.GetPath, params(Pointer.class), (o, a) -> o.string(a, o.file.path(), "path"))
            .bind(IVssWMFiledesc.GetFilespec, params(Pointer.class),
                    (o, a) -> o.string(a, o.file.filespec(), "filespec"))
            .bind(IVssWMFiledesc.GetRecursive, params(Pointer.class), WmFiledescObject::getRecursive)
            .bind(IVssWMFiledesc.GetAlternateLocation, params(Pointer.class),
                    (o, a) -> o.string(a, o.file.alternateLocation(), "alternate location"))
            .bind(IVssWMFiledesc.GetBackupTypeMask, params(Pointer.class), WmFiledescObject::getBackupTypeMask);

    private final FileSpec file;

    WmFiledescObject(FileSpec file, String origin) {
        super(VTABLE, origin);
        this.file = file;
    }

    /** A BSTR out-value; a null value is a NULL BSTR (VSS returns NULL for an absent alternate location). */
    private int string(CallArgs a, String value, String what) {
        if (a.pointer(1) == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        a.pointer(1).setPointer(0, value == null ? null : BstrAllocator.alloc(value, "IVssWMFiledesc " + what));
        return VssHresult.S_OK.code();
    }

    /** {@code bool *pbRecursive}: one byte (vswriter.h declares C++ {@code bool}). */
    private int getRecursive(CallArgs a) {
        if (a.pointer(1) == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        a.pointer(1).setByte(0, (byte) (file.recursive() ? 1 : 0));
        return VssHresult.S_OK.code();
    }

    private int getBackupTypeMask(CallArgs a) {
        if (a.pointer(1) == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        a.pointer(1).setInt(0, file.backupTypeMask());
        return VssHresult.S_OK.code();
    }
}
