package org.vss4j;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.ByteByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.vss4j.abi.vtable.IVssComponent;
import org.vss4j.abi.vtable.IVssComponentEx;
import org.vss4j.abi.vtable.IVssComponentEx2;
import org.vss4j.com.Bstr;
import org.vss4j.com.FileTimes;
import org.vss4j.com.Utf16;

/**
 * {@code IVssComponent}: one component of the Backup Components Document, from {@link WriterComponents} (requester)
 * or {@link org.vss4j.writer.BorrowedWriterComponents} (writer): everything a requester reads, and the setters a
 * writer uses in its handlers. The {@code Ex}/{@code Ex2} methods are reached through {@code QueryInterface} with
 * {@link IVssComponentEx#IID} and {@link IVssComponentEx2#IID}, released right after the call. Owned: close it.
 */
public final class VssComponent extends ComGetters {

    /** Takes ownership of one reference to {@code p}. */
    public VssComponent(Pointer p) {
        super(p, "IVssComponent", 0);
    }

    /** {@code GetLogicalPath(&bstr)}. */
    public String getLogicalPath() {
        return getBstr(IVssComponent.GetLogicalPath);
    }

    /** {@code GetComponentType(VSS_COMPONENT_TYPE *)}. */
    public ComponentType getComponentType() {
        return ComponentType.fromValue(getInt32(IVssComponent.GetComponentType));
    }

    /** {@code GetComponentName(&bstr)}. */
    public String getComponentName() {
        return getBstr(IVssComponent.GetComponentName);
    }

    /** {@code GetBackupSucceeded(bool *)}: one byte (vswriter.h declares C++ {@code bool}). */
    public boolean getBackupSucceeded() {
        return getCppBool(IVssComponent.GetBackupSucceeded);
    }

    /** {@code GetAlternateLocationMappingCount(UINT *)}. */
    public int getAlternateLocationMappingCount() {
        return getInt32(IVssComponent.GetAlternateLocationMappingCount);
    }

    /** {@code GetAlternateLocationMapping(iMapping, &pFiledesc)}. */
    public WmFiledesc getAlternateLocationMapping(int index) {
        return new WmFiledesc(getIndexed(IVssComponent.GetAlternateLocationMapping, index));
    }

    /** {@code GetBackupMetadata(&bstr)}: what the writer stored with {@code SetBackupMetadata}, or null. */
    public String getBackupMetadata() {
        return getBstr(IVssComponent.GetBackupMetadata);
    }

    /** {@code GetPartialFileCount(UINT *)}. */
    public int getPartialFileCount() {
        return getInt32(IVssComponent.GetPartialFileCount);
    }

    /** {@code GetPartialFile(i, &path, &filename, &range, &metadata)}: four BSTRs, all freed here. */
    public PartialFile getPartialFile(int index) {
        String[] s = bstrs(IVssComponent.GetPartialFile, index, 4);
        return new PartialFile(s[0], s[1], s[2], s[3]);
    }

    /** {@code IsSelectedForRestore(bool *)}. */
    public boolean isSelectedForRestore() {
        return getCppBool(IVssComponent.IsSelectedForRestore);
    }

    /** {@code GetAdditionalRestores(bool *)}. */
    public boolean getAdditionalRestores() {
        return getCppBool(IVssComponent.GetAdditionalRestores);
    }

    /** {@code GetNewTargetCount(UINT *)}. */
    public int getNewTargetCount() {
        return getInt32(IVssComponent.GetNewTargetCount);
    }

    /** {@code GetNewTarget(iNewTarget, &pFiledesc)}. */
    public WmFiledesc getNewTarget(int index) {
        return new WmFiledesc(getIndexed(IVssComponent.GetNewTarget, index));
    }

    /** {@code GetDirectedTargetCount(UINT *)}. */
    public int getDirectedTargetCount() {
        return getInt32(IVssComponent.GetDirectedTargetCount);
    }

    /** {@code GetDirectedTarget(i, six BSTR*)}: all six freed here. */
    public DirectedTarget getDirectedTarget(int index) {
        String[] s = bstrs(IVssComponent.GetDirectedTarget, index, 6);
        return new DirectedTarget(s[0], s[1], s[2], s[3], s[4], s[5]);
    }

    /** {@code GetRestoreMetadata(&bstr)}, or null. */
    public String getRestoreMetadata() {
        return getBstr(IVssComponent.GetRestoreMetadata);
    }

    /** {@code GetRestoreTarget(VSS_RESTORE_TARGET *)}. */
    public RestoreTarget getRestoreTarget() {
        return RestoreTarget.fromValue(getInt32(IVssComponent.GetRestoreTarget));
    }

    /** {@code GetPreRestoreFailureMsg(&bstr)}, or null. */
    public String getPreRestoreFailureMsg() {
        return getBstr(IVssComponent.GetPreRestoreFailureMsg);
    }

    /** {@code GetPostRestoreFailureMsg(&bstr)}, or null. */
    public String getPostRestoreFailureMsg() {
        return getBstr(IVssComponent.GetPostRestoreFailureMsg);
    }

    /** {@code GetBackupStamp(&bstr)}: the stamp the writer set for this backup, or null. */
    public String getBackupStamp() {
        return getBstr(IVssComponent.GetBackupStamp);
    }

    /** {@code GetPreviousBackupStamp(&bstr)}: the stamp the requester set with SetPreviousBackupStamp, or null. */
    public String getPreviousBackupStamp() {
        return getBstr(IVssComponent.GetPreviousBackupStamp);
    }

    /** {@code GetBackupOptions(&bstr)}, or null. */
    public String getBackupOptions() {
        return getBstr(IVssComponent.GetBackupOptions);
    }

    /** {@code GetRestoreOptions(&bstr)}, or null. */
    public String getRestoreOptions() {
        return getBstr(IVssComponent.GetRestoreOptions);
    }

    /** {@code GetRestoreSubcomponentCount(UINT *)}. */
    public int getRestoreSubcomponentCount() {
        return getInt32(IVssComponent.GetRestoreSubcomponentCount);
    }

    /** {@code GetRestoreSubcomponent(i, &logicalPath, &name, bool *pbRepair)}: {@code pbRepair} is one byte. */
    public RestoreSubcomponent getRestoreSubcomponent(int index) {
        PointerByReference path = new PointerByReference();
        PointerByReference name = new PointerByReference();
        ByteByReference repair = new ByteByReference();
        check("index " + index, IVssComponent.GetRestoreSubcomponent, index, path, name, repair);
        String logicalPath = Bstr.readAndFree(path.getValue());
        return new RestoreSubcomponent(logicalPath, Bstr.readAndFree(name.getValue()), repair.getValue() != 0);
    }

    /** {@code GetFileRestoreStatus(VSS_FILE_RESTORE_STATUS *)}. */
    public FileRestoreStatus getFileRestoreStatus() {
        return FileRestoreStatus.fromValue(getInt32(IVssComponent.GetFileRestoreStatus));
    }

    /** {@code GetDifferencedFilesCount(UINT *)}. */
    public int getDifferencedFilesCount() {
        return getInt32(IVssComponent.GetDifferencedFilesCount);
    }

    /**
     * {@code GetDifferencedFile(i, &path, &filespec, BOOL *pbRecursive, &lsn, FILETIME *)}: the recursion flag is a
     * 4-byte {@code BOOL} here, unlike the C++ {@code bool}s elsewhere ({@code vswriter.h}); the
     * {@code FILETIME} is 8 bytes of 100-ns ticks since 1601 (two little-endian DWORDs, low first).
     */
    public DifferencedFile getDifferencedFile(int index) {
        PointerByReference path = new PointerByReference();
        PointerByReference filespec = new PointerByReference();
        IntByReference recursive = new IntByReference();
        PointerByReference lsn = new PointerByReference();
        LongByReference lastModify = new LongByReference();
        check("index " + index, IVssComponent.GetDifferencedFile, index, path, filespec, recursive, lsn, lastModify);
        String p = Bstr.readAndFree(path.getValue());
        String f = Bstr.readAndFree(filespec.getValue());
        String l = Bstr.readAndFree(lsn.getValue());
        return new DifferencedFile(p, f, recursive.getValue() != 0, l, FileTimes.toInstant(lastModify.getValue()));
    }

    /** {@code method(index, BSTR*...)} with {@code count} BSTR out-parameters, each read and freed. */
    private String[] bstrs(IVssComponent method, int index, int count) {
        PointerByReference[] outs = new PointerByReference[count];
        Object[] args = new Object[count + 1];
        args[0] = index;
        for (int i = 0; i < count; i++) {
            outs[i] = new PointerByReference();
            args[i + 1] = outs[i];
        }
        check("index " + index, method, args);
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            values[i] = Bstr.readAndFree(outs[i].getValue());
        }
        return values;
    }

    // ---- IVssComponentEx / Ex2 (QueryInterface) ---------------------------------------------------------------

    private QueriedInterface ex() {
        return queryInterface(IVssComponent.QueryInterface, IVssComponentEx.IID, "IVssComponentEx");
    }

    private QueriedInterface ex2() {
        return queryInterface(IVssComponent.QueryInterface, IVssComponentEx2.IID, "IVssComponentEx2");
    }

    /** {@code IVssComponentEx::GetPrepareForBackupFailureMsg(&bstr)}, or null. */
    public String getPrepareForBackupFailureMsg() {
        try (QueriedInterface ex = ex()) {
            return ex.getBstr(IVssComponentEx.GetPrepareForBackupFailureMsg);
        }
    }

    /** {@code IVssComponentEx::GetPostSnapshotFailureMsg(&bstr)}, or null. */
    public String getPostSnapshotFailureMsg() {
        try (QueriedInterface ex = ex()) {
            return ex.getBstr(IVssComponentEx.GetPostSnapshotFailureMsg);
        }
    }

    /** {@code IVssComponentEx::GetAuthoritativeRestore(bool *)}: one byte. */
    public boolean getAuthoritativeRestore() {
        try (QueriedInterface ex = ex()) {
            return ex.getCppBool(IVssComponentEx.GetAuthoritativeRestore);
        }
    }

    /** {@code IVssComponentEx::GetRollForward(VSS_ROLLFORWARD_TYPE *, &bstrPoint)}. */
    public RollForward getRollForward() {
        IntByReference type = new IntByReference();
        PointerByReference point = new PointerByReference();
        try (QueriedInterface ex = ex()) {
            ex.call(null, IVssComponentEx.GetRollForward, type, point);
        }
        String p = Bstr.readAndFree(point.getValue());
        return new RollForward(RollForwardType.fromValue(type.getValue()), p);
    }

    /** {@code IVssComponentEx::GetRestoreName(&bstr)}, or null. */
    public String getRestoreName() {
        try (QueriedInterface ex = ex()) {
            return ex.getBstr(IVssComponentEx.GetRestoreName);
        }
    }

    /** {@code IVssComponentEx2::GetFailure(&hr, &hrApplication, &bstrApplicationMessage, &dwReserved)}. */
    public ComponentFailure getFailure() {
        IntByReference hr = new IntByReference();
        IntByReference hrApplication = new IntByReference();
        PointerByReference message = new PointerByReference();
        IntByReference reserved = new IntByReference();
        try (QueriedInterface ex2 = ex2()) {
            ex2.call(null, IVssComponentEx2.GetFailure, hr, hrApplication, message, reserved);
        }
        String m = Bstr.readAndFree(message.getValue());
        return new ComponentFailure(hr.getValue(), hrApplication.getValue(), m, reserved.getValue());
    }

    // ---- writer-side setters (a writer's handlers; vswriter.h) ----------------------------------------------------

    /** {@code SetBackupMetadata(wszData)}: private data the writer reads back at restore. */
    public void setBackupMetadata(String data) {
        check(IVssComponent.SetBackupMetadata, Utf16.toNative(data));
    }

    /** {@code AddPartialFile(wszPath, wszFilename, wszRanges, wszMetadata)}. */
    public void addPartialFile(String path, String filename, String ranges, String metadata) {
        check(filename, IVssComponent.AddPartialFile, Utf16.toNative(path), Utf16.toNative(filename),
                Utf16.toNative(ranges), Utf16.toNative(metadata));
    }

    /**
     * {@code AddDirectedTarget(wszSourcePath, wszSourceFilename, wszSourceRangeList, wszDestinationPath,
     * wszDestinationFilename, wszDestinationRangeList)}: at restore, where parts of a file go.
     */
    public void addDirectedTarget(DirectedTarget target) {
        check(target.sourceFilename(), IVssComponent.AddDirectedTarget, Utf16.toNative(target.sourcePath()),
                Utf16.toNative(target.sourceFilename()), Utf16.toNative(target.sourceRanges()),
                Utf16.toNative(target.destinationPath()), Utf16.toNative(target.destinationFilename()),
                Utf16.toNative(target.destinationRanges()));
    }

    /** {@code SetRestoreMetadata(wszRestoreMetadata)}: set at PreRestore. */
    public void setRestoreMetadata(String metadata) {
        check(IVssComponent.SetRestoreMetadata, Utf16.toNative(metadata));
    }

    /** {@code SetRestoreTarget(VSS_RESTORE_TARGET)}. */
    public void setRestoreTarget(RestoreTarget target) {
        check(target.nativeName(), IVssComponent.SetRestoreTarget, target.value());
    }

    /** {@code SetPreRestoreFailureMsg(wsz)}. */
    public void setPreRestoreFailureMsg(String message) {
        check(IVssComponent.SetPreRestoreFailureMsg, Utf16.toNative(message));
    }

    /** {@code SetPostRestoreFailureMsg(wsz)}. */
    public void setPostRestoreFailureMsg(String message) {
        check(IVssComponent.SetPostRestoreFailureMsg, Utf16.toNative(message));
    }

    /** {@code SetBackupStamp(wszBackupStamp)}: what an incremental/differential backup later compares against. */
    public void setBackupStamp(String stamp) {
        check(IVssComponent.SetBackupStamp, Utf16.toNative(stamp));
    }

    /**
     * {@code AddDifferencedFilesByLastModifyTime(wszPath, wszFilespec, BOOL bRecursive, FILETIME ftLastModifyTime)}:
     * {@code BOOL} is 4 bytes; the 8-byte {@code FILETIME} by value travels as one 64-bit integer (Microsoft
     * docs, "x64 calling convention").
     */
    public void addDifferencedFilesByLastModifyTime(String path, String filespec, boolean recursive,
            Instant lastModifyTime) {
        check(filespec, IVssComponent.AddDifferencedFilesByLastModifyTime, Utf16.toNative(path),
                Utf16.toNative(filespec), recursive ? 1 : 0, FileTimes.fromInstant(lastModifyTime));
    }

    /**
     * {@code AddDifferencedFilesByLastModifyLSN(wszPath, wszFilespec, BOOL bRecursive, BSTR bstrLsnString)}: an
     * {@code [in] BSTR} stays the caller's, allocated and freed here.
     */
    public void addDifferencedFilesByLastModifyLsn(String path, String filespec, boolean recursive, String lsn) {
        Pointer bstr = Bstr.alloc(lsn);
        try {
            check(filespec, IVssComponent.AddDifferencedFilesByLastModifyLSN, Utf16.toNative(path),
                    Utf16.toNative(filespec), recursive ? 1 : 0, bstr);
        } finally {
            Bstr.free(bstr);
        }
    }

    /** {@code IVssComponentEx::SetPrepareForBackupFailureMsg(wsz)}. */
    public void setPrepareForBackupFailureMsg(String message) {
        try (QueriedInterface ex = ex()) {
            ex.call(null, IVssComponentEx.SetPrepareForBackupFailureMsg, Utf16.toNative(message));
        }
    }

    /** {@code IVssComponentEx::SetPostSnapshotFailureMsg(wsz)}. */
    public void setPostSnapshotFailureMsg(String message) {
        try (QueriedInterface ex = ex()) {
            ex.call(null, IVssComponentEx.SetPostSnapshotFailureMsg, Utf16.toNative(message));
        }
    }

    /**
     * {@code IVssComponentEx2::SetFailure(hr, hrApplication, wszApplicationMessage, dwReserved)}: a component-level
     * failure ({@code dwReserved} is 0).
     */
    public void setFailure(int hr, int hrApplication, String applicationMessage) {
        try (QueriedInterface ex2 = ex2()) {
            ex2.call(null, IVssComponentEx2.SetFailure, hr, hrApplication, Utf16.toNative(applicationMessage), 0);
        }
    }

    // ---- the whole component ------------------------------------------------------------------------------------

    /** Every field in one record; every BSTR freed and every sub-object released before this returns. */
    public ComponentState read() {
        return new ComponentState(getLogicalPath(), getComponentType(), getComponentName(), getBackupSucceeded(),
                WmFiledesc.readAll(getAlternateLocationMappingCount(), this::getAlternateLocationMapping),
                getBackupMetadata(), list(getPartialFileCount(), this::getPartialFile), isSelectedForRestore(),
                getAdditionalRestores(), WmFiledesc.readAll(getNewTargetCount(), this::getNewTarget),
                list(getDirectedTargetCount(), this::getDirectedTarget), getRestoreMetadata(), getRestoreTarget(),
                getPreRestoreFailureMsg(), getPostRestoreFailureMsg(), getBackupStamp(), getPreviousBackupStamp(),
                getBackupOptions(), getRestoreOptions(),
                list(getRestoreSubcomponentCount(), this::getRestoreSubcomponent), getFileRestoreStatus(),
                list(getDifferencedFilesCount(), this::getDifferencedFile), getPrepareForBackupFailureMsg(),
                getPostSnapshotFailureMsg(), getAuthoritativeRestore(), getRollForward(), getRestoreName(),
                getFailure());
    }

    private static <T> List<T> list(int count, IntFunction<T> read) {
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(read.apply(i));
        }
        return out;
    }
}
