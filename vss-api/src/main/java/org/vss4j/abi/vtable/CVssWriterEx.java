package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Virtual function table of the C++ class {@code CVssWriterEx} (writer side); one constant per slot, ordinal = slot.
 * {@code CVssWriterEx2} derives from it and adds only non-virtual members, so its table is this one.
 *
 * <p>Source: the Windows SDK declaration in {@code vswriter.h}: {@code class CVssWriterEx : public CVssWriter} overrides
 * {@code OnIdentify} (its body returns {@code false}) and declares one new virtual function, {@code OnIdentifyEx}. MSVC
 * keeps a single-inheritance base's vftable and appends the new virtual functions after it in declaration order, so
 * slots 0-15 are {@link CVssWriter}'s and {@code OnIdentifyEx} is slot 16. No C header declares a
 * {@code CVssWriterExVtbl}: {@code AbiConformanceReferenceTest} checks this order against the SDK declaration. The
 * object is the same 16 bytes as {@code CVssWriter}'s (the Ex classes add no data members). Writers made this way are
 * created with the export {@code CreateWriterEx(CVssWriterEx *, IVssWriterImpl **)} (vswriter.h), not
 * {@code CreateWriter}.
 */
public enum CVssWriterEx implements ComMethod {
    /** Slot 0 (x64 offset 0x00): {@code void *scalar deleting destructor(unsigned int flags)}. */
    ScalarDeletingDestructor(POINTER, INT32),
    /**
     * Slot 1 (0x08): {@code bool OnIdentify(IVssCreateWriterMetadata *pMetadata)}; {@code CVssWriterEx}'s body returns
     * {@code false} (vswriter.h).
     */
    OnIdentify(BOOL8, POINTER),
    /** Slot 2 (0x10): {@code bool OnPrepareBackup(IVssWriterComponents *pComponent)}. */
    OnPrepareBackup(BOOL8, POINTER),
    /** Slot 3 (0x18): {@code bool OnPrepareSnapshot()}; pure virtual. */
    OnPrepareSnapshot(BOOL8),
    /** Slot 4 (0x20): {@code bool OnFreeze()}; pure virtual. */
    OnFreeze(BOOL8),
    /** Slot 5 (0x28): {@code bool OnThaw()}; pure virtual. */
    OnThaw(BOOL8),
    /** Slot 6 (0x30): {@code bool OnAbort()}; pure virtual. */
    OnAbort(BOOL8),
    /** Slot 7 (0x38): {@code bool OnBackupComplete(IVssWriterComponents *pComponent)}. */
    OnBackupComplete(BOOL8, POINTER),
    /** Slot 8 (0x40): {@code bool OnBackupShutdown(VSS_ID SnapshotSetId)}. */
    OnBackupShutdown(BOOL8, GUID),
    /** Slot 9 (0x48): {@code bool OnPreRestore(IVssWriterComponents *pComponent)}. */
    OnPreRestore(BOOL8, POINTER),
    /** Slot 10 (0x50): {@code bool OnPostRestore(IVssWriterComponents *pComponent)}. */
    OnPostRestore(BOOL8, POINTER),
    /** Slot 11 (0x58): {@code bool OnPostSnapshot(IVssWriterComponents *pComponent)}. */
    OnPostSnapshot(BOOL8, POINTER),
    /** Slot 12 (0x60): {@code bool OnBackOffIOOnVolume(VSS_PWSZ wszVolumeName, VSS_ID snapshotId, VSS_ID providerId)}. */
    OnBackOffIOOnVolume(BOOL8, POINTER, GUID, GUID),
    /** Slot 13 (0x68): {@code bool OnContinueIOOnVolume(VSS_PWSZ wszVolumeName, VSS_ID snapshotId, VSS_ID providerId)}. */
    OnContinueIOOnVolume(BOOL8, POINTER, GUID, GUID),
    /** Slot 14 (0x70): {@code bool OnVSSShutdown()}. */
    OnVSSShutdown(BOOL8),
    /** Slot 15 (0x78): {@code bool OnVSSApplicationStartup()}. */
    OnVSSApplicationStartup(BOOL8),
    /**
     * Slot 16 (0x80), declared in {@code CVssWriterEx}: {@code bool OnIdentifyEx(IVssCreateWriterMetadataEx *pMetadata)};
     * the SDK's body returns {@code false}.
     */
    OnIdentifyEx(BOOL8, POINTER);

    private final NativeSignature signature;

    CVssWriterEx(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    /** {@code sizeof(CVssWriterEx)} on x64: that of {@code CVssWriter} (no data members added; vswriter.h). */
    public static final int OBJECT_SIZE = CVssWriter.OBJECT_SIZE;

    /** Offset of the inherited {@code m_pWriterImpl} on x64. */
    public static final int WRITER_IMPL_OFFSET = CVssWriter.WRITER_IMPL_OFFSET;
}
