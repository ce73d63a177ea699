package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Virtual function table of the C++ class {@code CVssWriter} (writer side); one constant per slot, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vswriter.h}, MSVC vftable computed with clang
 * {@code -fdump-vtable-layouts}. The class is C++ only: no C header declares a {@code CVssWriterVtbl}, so
 * {@code AbiConformanceReferenceTest} checks this order against that SDK declaration instead of mingw-w64. Not a COM
 * interface: no IUnknown. Slot 0 is the MSVC <em>scalar deleting destructor</em>
 * {@code void *(CVssWriter *this, unsigned int flags)} (bit 0 = free the memory), standing where the SDK declares
 * {@code virtual ~CVssWriter()}; slots 1-15 are the {@code On*} handlers, each {@code bool} returned in AL. On x64
 * every {@code VSS_ID} argument arrives as a pointer to a caller-made copy (Microsoft docs, "x64 calling convention").
 */
public enum CVssWriter implements ComMethod {
    /** Slot 0 (x64 offset 0x00): {@code void *scalar deleting destructor(unsigned int flags)}. */
    ScalarDeletingDestructor(POINTER, INT32),
    /** Slot 1 (0x08): {@code bool OnIdentify(IVssCreateWriterMetadata *pMetadata)}; default {@code true}. */
    OnIdentify(BOOL8, POINTER),
    /** Slot 2 (0x10): {@code bool OnPrepareBackup(IVssWriterComponents *pComponent)}; default {@code true}. */
    OnPrepareBackup(BOOL8, POINTER),
    /** Slot 3 (0x18): {@code bool OnPrepareSnapshot()}; pure virtual. */
    OnPrepareSnapshot(BOOL8),
    /** Slot 4 (0x20): {@code bool OnFreeze()}; pure virtual. */
    OnFreeze(BOOL8),
    /** Slot 5 (0x28): {@code bool OnThaw()}; pure virtual. */
    OnThaw(BOOL8),
    /** Slot 6 (0x30): {@code bool OnAbort()}; pure virtual. */
    OnAbort(BOOL8),
    /** Slot 7 (0x38): {@code bool OnBackupComplete(IVssWriterComponents *pComponent)}; default {@code true}. */
    OnBackupComplete(BOOL8, POINTER),
    /** Slot 8 (0x40): {@code bool OnBackupShutdown(VSS_ID SnapshotSetId)}; default {@code true}. */
    OnBackupShutdown(BOOL8, GUID),
    /** Slot 9 (0x48): {@code bool OnPreRestore(IVssWriterComponents *pComponent)}; default {@code true}. */
    OnPreRestore(BOOL8, POINTER),
    /** Slot 10 (0x50): {@code bool OnPostRestore(IVssWriterComponents *pComponent)}; default {@code true}. */
    OnPostRestore(BOOL8, POINTER),
    /** Slot 11 (0x58): {@code bool OnPostSnapshot(IVssWriterComponents *pComponent)}; default {@code true}. */
    OnPostSnapshot(BOOL8, POINTER),
    /**
     * Slot 12 (0x60): {@code bool OnBackOffIOOnVolume(VSS_PWSZ wszVolumeName, VSS_ID snapshotId, VSS_ID providerId)}.
     */
    OnBackOffIOOnVolume(BOOL8, POINTER, GUID, GUID),
    /**
     * Slot 13 (0x68): {@code bool OnContinueIOOnVolume(VSS_PWSZ wszVolumeName, VSS_ID snapshotId, VSS_ID providerId)}.
     */
    OnContinueIOOnVolume(BOOL8, POINTER, GUID, GUID),
    /** Slot 14 (0x70): {@code bool OnVSSShutdown()}; default {@code true}. */
    OnVSSShutdown(BOOL8),
    /** Slot 15 (0x78): {@code bool OnVSSApplicationStartup()}; default {@code true}. */
    OnVSSApplicationStartup(BOOL8);

    private final NativeSignature signature;

    CVssWriter(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    /** {@code sizeof(CVssWriter)} on x64: the vtable pointer, then {@code IVssWriterImpl *m_pWriterImpl} (ref. 2.2). */
    public static final int OBJECT_SIZE = 16;

    /** Offset of {@code m_pWriterImpl} in the object on x64 ({@code vswriter.h}: it follows the vtable pointer). */
    public static final int WRITER_IMPL_OFFSET = 8;
}
