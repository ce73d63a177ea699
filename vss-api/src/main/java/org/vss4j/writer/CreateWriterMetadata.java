package org.vss4j.writer;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.UUID;
import org.vss4j.ComponentType;
import org.vss4j.RestoreMethod;
import org.vss4j.WriterRestore;
import org.vss4j.XmlDomDocument;
import org.vss4j.abi.vtable.IVssCreateWriterMetadata;
import org.vss4j.com.Bstr;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;
import org.vss4j.com.CppBool;

/**
 * {@code IVssCreateWriterMetadata}, lent to {@link VssWriter#onIdentify}: where the writer declares its Writer Metadata
 * Document. Borrowed from VSS (no IUnknown, vswriter.h): valid only while {@code onIdentify} runs, never
 * released by Java. A {@link VssWriterEx} receives the longer {@link CreateWriterMetadataEx}.
 *
 * <p>Parameter types (vswriter.h): strings {@code LPCWSTR} (UTF-16LE, NULL for null), C++ {@code bool} one
 * byte, {@code DWORD}/enums 32-bit, {@code VSS_ID} by value as {@link Guids#byValue}. The SDK's default arguments are
 * C++ only; the short overloads here pass them explicitly.
 */
public sealed class CreateWriterMetadata extends BorrowedInterface permits CreateWriterMetadataEx {

    /** {@code VSS_FSBT_ALL_BACKUP_REQUIRED | VSS_FSBT_ALL_SNAPSHOT_REQUIRED}: the SDK default backup-type mask. */
    public static final int DEFAULT_BACKUP_TYPE_MASK = 0x0F | 0xF00;

    CreateWriterMetadata(Pointer self, HandlerScope scope) {
        this(self, "IVssCreateWriterMetadata", scope);
    }

    CreateWriterMetadata(Pointer self, String interfaceName, HandlerScope scope) {
        super(self, interfaceName, scope);
    }

    /**
     * {@code AddIncludeFiles(wszPath, wszFilespec, bRecursive, wszAlternateLocation)}: "Not supported. This method is
     * reserved for system use" (Microsoft docs); bound for completeness, VSS may reject it.
     */
    public void addIncludeFiles(String path, String filespec, boolean recursive, String alternateLocation) {
        call(path + filespec, IVssCreateWriterMetadata.AddIncludeFiles, Utf16.toNative(path),
                Utf16.toNative(filespec), CppBool.of(recursive), Utf16.toNative(alternateLocation));
    }

    /** {@code AddExcludeFiles(wszPath, wszFilespec, bRecursive)}. */
    public void addExcludeFiles(String path, String filespec, boolean recursive) {
        call(path + filespec, IVssCreateWriterMetadata.AddExcludeFiles, Utf16.toNative(path),
                Utf16.toNative(filespec), CppBool.of(recursive));
    }

    /**
     * {@code AddComponent(ct, wszLogicalPath, wszComponentName, wszCaption, pbIcon, cbIcon, bRestoreMetadata,
     * bNotifyOnBackupComplete, bSelectable, bSelectableForRestore, dwComponentFlags)}.
     *
     * @param icon           the icon bytes, or null for none
     * @param componentFlags OR of {@link org.vss4j.ComponentFlag} values
     */
    public void addComponent(ComponentType type, String logicalPath, String name, String caption, byte[] icon,
            boolean restoreMetadata, boolean notifyOnBackupComplete, boolean selectable,
            boolean selectableForRestore, int componentFlags) {
        Memory iconBytes = null;
        if (icon != null && icon.length > 0) {
            iconBytes = new Memory(icon.length);
            iconBytes.write(0, icon, 0, icon.length);
        }
        call(name, IVssCreateWriterMetadata.AddComponent, type.value(), Utf16.toNative(logicalPath),
                Utf16.toNative(name), Utf16.toNative(caption), iconBytes, icon == null ? 0 : icon.length,
                CppBool.of(restoreMetadata), CppBool.of(notifyOnBackupComplete), CppBool.of(selectable),
                CppBool.of(selectableForRestore), componentFlags);
    }

    /** {@code AddComponent} with the SDK defaults {@code bSelectableForRestore = false, dwComponentFlags = 0}. */
    public void addComponent(ComponentType type, String logicalPath, String name, String caption,
            boolean restoreMetadata, boolean notifyOnBackupComplete, boolean selectable) {
        addComponent(type, logicalPath, name, caption, null, restoreMetadata, notifyOnBackupComplete, selectable,
                false, 0);
    }

    /** {@code AddDatabaseFiles(wszLogicalPath, wszDatabaseName, wszPath, wszFilespec, dwBackupTypeMask)}. */
    public void addDatabaseFiles(String logicalPath, String databaseName, String path, String filespec,
            int backupTypeMask) {
        call(databaseName, IVssCreateWriterMetadata.AddDatabaseFiles, Utf16.toNative(logicalPath),
                Utf16.toNative(databaseName), Utf16.toNative(path), Utf16.toNative(filespec), backupTypeMask);
    }

    /** {@code AddDatabaseLogFiles(wszLogicalPath, wszDatabaseName, wszPath, wszFilespec, dwBackupTypeMask)}. */
    public void addDatabaseLogFiles(String logicalPath, String databaseName, String path, String filespec,
            int backupTypeMask) {
        call(databaseName, IVssCreateWriterMetadata.AddDatabaseLogFiles, Utf16.toNative(logicalPath),
                Utf16.toNative(databaseName), Utf16.toNative(path), Utf16.toNative(filespec), backupTypeMask);
    }

    /**
     * {@code AddFilesToFileGroup(wszLogicalPath, wszGroupName, wszPath, wszFilespec, bRecursive,
     * wszAlternateLocation, dwBackupTypeMask)}.
     */
    public void addFilesToFileGroup(String logicalPath, String groupName, String path, String filespec,
            boolean recursive, String alternateLocation, int backupTypeMask) {
        call(groupName, IVssCreateWriterMetadata.AddFilesToFileGroup, Utf16.toNative(logicalPath),
                Utf16.toNative(groupName), Utf16.toNative(path), Utf16.toNative(filespec), CppBool.of(recursive),
                Utf16.toNative(alternateLocation), backupTypeMask);
    }

    /** {@code SetRestoreMethod(method, wszService, wszUserProcedure, writerRestore, bRebootRequired)}. */
    public void setRestoreMethod(RestoreMethod method, String service, String userProcedure,
            WriterRestore writerRestore, boolean rebootRequired) {
        call(method.nativeName(), IVssCreateWriterMetadata.SetRestoreMethod, method.value(), Utf16.toNative(service),
                Utf16.toNative(userProcedure), writerRestore.value(), CppBool.of(rebootRequired));
    }

    /** {@code AddAlternateLocationMapping(wszSourcePath, wszSourceFilespec, bRecursive, wszDestination)}. */
    public void addAlternateLocationMapping(String sourcePath, String sourceFilespec, boolean recursive,
            String destination) {
        call(sourcePath + sourceFilespec, IVssCreateWriterMetadata.AddAlternateLocationMapping,
                Utf16.toNative(sourcePath), Utf16.toNative(sourceFilespec), CppBool.of(recursive),
                Utf16.toNative(destination));
    }

    /**
     * {@code AddComponentDependency(wszForLogicalPath, wszForComponentName, VSS_ID onWriterId, wszOnLogicalPath,
     * wszOnComponentName)}: the writer id travels by value (Microsoft docs, "x64 calling convention").
     */
    public void addComponentDependency(String forLogicalPath, String forComponentName, UUID onWriterId,
            String onLogicalPath, String onComponentName) {
        call(forComponentName, IVssCreateWriterMetadata.AddComponentDependency, Utf16.toNative(forLogicalPath),
                Utf16.toNative(forComponentName), Guids.byValue(onWriterId), Utf16.toNative(onLogicalPath),
                Utf16.toNative(onComponentName));
    }

    /** {@code SetBackupSchema(dwSchemaMask)}: OR of {@link org.vss4j.BackupSchema} values. */
    public void setBackupSchema(int schemaMask) {
        call(null, IVssCreateWriterMetadata.SetBackupSchema, schemaMask);
    }

    /** {@code GetDocument(&pDoc)}: the document so far as an owned {@code IXMLDOMDocument}; close it. */
    public XmlDomDocument getDocument() {
        PointerByReference out = new PointerByReference();
        call(null, IVssCreateWriterMetadata.GetDocument, out);
        return new XmlDomDocument(out.getValue());
    }

    /** {@code SaveAsXML(&bstr)}: the Writer Metadata Document so far; the BSTR is freed here. */
    public String saveAsXml() {
        PointerByReference out = new PointerByReference();
        call(null, IVssCreateWriterMetadata.SaveAsXML, out);
        return Bstr.readAndFree(out.getValue());
    }
}
