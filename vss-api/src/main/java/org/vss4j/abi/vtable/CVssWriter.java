package org.vss4j.abi.vtable;

import org.vss4j.abi.ComMethod;

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
    ScalarDeletingDestructor,
    /** Slot 1 (0x08): {@code bool OnIdentify(IVssCreateWriterMetadata *pMetadata)}; default {@code true}. */
    OnIdentify,
    /** Slot 2 (0x10): {@code bool OnPrepareBackup(IVssWriterComponents *pComponent)}; default {@code true}. */
    OnPrepareBackup,
    /** Slot 3 (0x18): {@code bool OnPrepareSnapshot()}; pure virtual. */
    OnPrepareSnapshot,
    /** Slot 4 (0x20): {@code bool OnFreeze()}; pure virtual. */
    OnFreeze,
    /** Slot 5 (0x28): {@code bool OnThaw()}; pure virtual. */
    OnThaw,
    /** Slot 6 (0x30): {@code bool OnAbort()}; pure virtual. */
    OnAbort,
    /** Slot 7 (0x38): {@code bool OnBackupComplete(IVssWriterComponents *pComponent)}; default {@code true}. */
    OnBackupComplete,
    /** Slot 8 (0x40): {@code bool OnBackupShutdown(VSS_ID SnapshotSetId)}; default {@code true}. */
    OnBackupShutdown,
    /** Slot 9 (0x48): {@code bool OnPreRestore(IVssWriterComponents *pComponent)}; default {@code true}. */
    OnPreRestore,
    /** Slot 10 (0x50): {@code bool OnPostRestore(IVssWriterComponents *pComponent)}; default {@code true}. */
    OnPostRestore,
    /** Slot 11 (0x58): {@code bool OnPostSnapshot(IVssWriterComponents *pComponent)}; default {@code true}. */
    OnPostSnapshot,
    /**
     * Slot 12 (0x60): {@code bool OnBackOffIOOnVolume(VSS_PWSZ wszVolumeName, VSS_ID snapshotId, VSS_ID providerId)}.
     */
    OnBackOffIOOnVolume,
    /**
     * Slot 13 (0x68): {@code bool OnContinueIOOnVolume(VSS_PWSZ wszVolumeName, VSS_ID snapshotId, VSS_ID providerId)}.
     */
    OnContinueIOOnVolume,
    /** Slot 14 (0x70): {@code bool OnVSSShutdown()}; default {@code true}. */
    OnVSSShutdown,
    /** Slot 15 (0x78): {@code bool OnVSSApplicationStartup()}; default {@code true}. */
    OnVSSApplicationStartup;

    /** {@code sizeof(CVssWriter)} on x64: the vtable pointer, then {@code IVssWriterImpl *m_pWriterImpl} (ref. 2.2). */
    public static final int OBJECT_SIZE = 16;

    /** Offset of {@code m_pWriterImpl} in the object on x64 ({@code vswriter.h}: it follows the vtable pointer). */
    public static final int WRITER_IMPL_OFFSET = 8;
}
