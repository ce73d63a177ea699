package org.vss4j.abi;

import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Guid.GUID;
import java.util.List;
import org.vss4j.abi.struct.FileBasicInfo;
import org.vss4j.abi.struct.Luid;
import org.vss4j.abi.struct.LuidAndAttributes;
import org.vss4j.abi.struct.TokenPrivileges;
import org.vss4j.abi.struct.VssComponentInfo;
import org.vss4j.abi.struct.VssObjectProp;
import org.vss4j.abi.struct.VssObjectUnion;
import org.vss4j.abi.struct.VssProviderProp;
import org.vss4j.abi.struct.VssSnapshotProp;
import org.vss4j.abi.struct.Win32FindDataW;
import org.vss4j.abi.struct.Win32StreamId;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.CVssWriterEx;
import org.vss4j.abi.vtable.IUnknown;
import org.vss4j.abi.vtable.IVssAsync;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.abi.vtable.IVssBackupComponentsEx2;
import org.vss4j.abi.vtable.IVssBackupComponentsEx3;
import org.vss4j.abi.vtable.IVssBackupComponentsEx4;
import org.vss4j.abi.vtable.IVssBackupComponentsEx;
import org.vss4j.abi.vtable.IVssComponent;
import org.vss4j.abi.vtable.IVssComponentEx2;
import org.vss4j.abi.vtable.IVssComponentEx;
import org.vss4j.abi.vtable.IVssCreateWriterMetadata;
import org.vss4j.abi.vtable.IVssCreateWriterMetadataEx;
import org.vss4j.abi.vtable.IVssEnumObject;
import org.vss4j.abi.vtable.IVssExamineWriterMetadata;
import org.vss4j.abi.vtable.IVssExamineWriterMetadataEx2;
import org.vss4j.abi.vtable.IVssExamineWriterMetadataEx;
import org.vss4j.abi.vtable.IVssWMComponent;
import org.vss4j.abi.vtable.IVssWMDependency;
import org.vss4j.abi.vtable.IVssWMFiledesc;
import org.vss4j.abi.vtable.IVssWriterComponents;
import org.vss4j.abi.vtable.IVssWriterComponentsExt;
import org.vss4j.abi.vtable.IVssWriterImpl;

/**
 * Every vtable enum and native structure vss4j declares: the list the ABI conformance test walks, and the list a new
 * binding must be added to.
 */
public final class AbiCatalog {

    /** Every vtable enum; each is named exactly after its COM interface. */
    public static final List<Class<? extends ComMethod>> VTABLES = List.of(
            IUnknown.class,
            IVssBackupComponents.class, IVssBackupComponentsEx.class, IVssBackupComponentsEx2.class,
            IVssBackupComponentsEx3.class, IVssBackupComponentsEx4.class,
            IVssAsync.class, IVssEnumObject.class,
            IVssExamineWriterMetadata.class, IVssExamineWriterMetadataEx.class, IVssExamineWriterMetadataEx2.class,
            IVssWMComponent.class, IVssWMFiledesc.class, IVssWMDependency.class,
            IVssComponent.class, IVssComponentEx.class, IVssComponentEx2.class,
            IVssWriterComponents.class, IVssWriterComponentsExt.class,
            IVssCreateWriterMetadata.class, IVssCreateWriterMetadataEx.class,
            IVssWriterImpl.class,
            CVssWriter.class, CVssWriterEx.class);

    /**
     * The vtables of C++ classes that no C header declares (no {@code <Name>Vtbl} in mingw-w64): their slot order is
     * checked against the Windows SDK declaration (CVssWriter, CVssWriterEx: {@code vswriter.h}, in MSVC vftable order)
     * instead of mingw-w64.
     */
    public static final List<Class<? extends ComMethod>> CPP_CLASS_VTABLES = List.of(CVssWriter.class,
            CVssWriterEx.class);

    /** Every native structure (JNA-Platform's GUID stands for {@code GUID}/{@code VSS_ID}). */
    public static final List<Class<? extends Structure>> STRUCTS = List.of(
            GUID.class, VssSnapshotProp.class, VssProviderProp.class, VssObjectUnion.class, VssObjectProp.class,
            VssComponentInfo.class, Win32FindDataW.class, Luid.class, LuidAndAttributes.class,
            TokenPrivileges.class, Win32StreamId.class, FileBasicInfo.class,
            org.vss4j.abi.struct.ServiceStatusProcess.class);

    private AbiCatalog() {
    }
}
