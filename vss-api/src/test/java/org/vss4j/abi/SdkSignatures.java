package org.vss4j.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.CVssWriterEx;

/**
 * The prototypes mingw-w64 cannot give: the virtual functions of the C++ classes {@code CVssWriter} and
 * {@code CVssWriterEx}, which no C header declares ({@link MingwDeviations#SDK_ONLY_VTABLES} has their slot order).
 * Written here from the Windows SDK's vswriter.h declarations (Microsoft docs, "CVssWriter class", one page per
 * handler, e.g. "CVssWriter::OnBackOffIOOnVolume"), independently of the Java enums, and classified with the same
 * compiled probe as the mingw-w64 vtables: every type they use is also declared by the C headers. Two spellings are C,
 * not SDK C++: C++ {@code bool} is written {@code _Bool} (both one byte: Microsoft docs, "Fundamental types (C++)"),
 * and slot 0, which the SDK declares as {@code virtual ~CVssWriter()}, is MSVC's scalar deleting destructor
 * {@code void *(unsigned int flags)} (MSVC vftable of the SDK class, computed with clang
 * {@code -fdump-vtable-layouts}).
 * No handler returns a struct, so none has a hidden result pointer.
 */
final class SdkSignatures {

    private static final List<String> CVSS_WRITER = List.of(
            "void *ScalarDeletingDestructor(unsigned int flags)",
            "_Bool OnIdentify(IVssCreateWriterMetadata *pMetadata)",
            "_Bool OnPrepareBackup(IVssWriterComponents *pComponent)",
            "_Bool OnPrepareSnapshot(void)",
            "_Bool OnFreeze(void)",
            "_Bool OnThaw(void)",
            "_Bool OnAbort(void)",
            "_Bool OnBackupComplete(IVssWriterComponents *pComponent)",
            "_Bool OnBackupShutdown(VSS_ID SnapshotSetId)",
            "_Bool OnPreRestore(IVssWriterComponents *pComponent)",
            "_Bool OnPostRestore(IVssWriterComponents *pComponent)",
            "_Bool OnPostSnapshot(IVssWriterComponents *pComponent)",
            "_Bool OnBackOffIOOnVolume(VSS_PWSZ wszVolumeName, VSS_ID snapshotId, VSS_ID providerId)",
            "_Bool OnContinueIOOnVolume(VSS_PWSZ wszVolumeName, VSS_ID snapshotId, VSS_ID providerId)",
            "_Bool OnVSSShutdown(void)",
            "_Bool OnVSSApplicationStartup(void)");

    /** The source cited in failure messages. */
    static final String SOURCE = "Windows SDK vswriter.h";

    static final Map<Class<? extends ComMethod>, List<CPrototype>> PROTOTYPES = Map.of(
            CVssWriter.class, parse(CVSS_WRITER),
            // class CVssWriterEx : public CVssWriter adds one virtual function (vswriter.h; Microsoft docs,
            // "CVssWriterEx::OnIdentifyEx").
            CVssWriterEx.class, parse(plus(CVSS_WRITER, "_Bool OnIdentifyEx(IVssCreateWriterMetadataEx *pMetadata)")));

    /**
     * The vssapi exports mingw-w64 does not declare: the functions {@code CVssWriter::Initialize} and
     * {@code CVssWriterEx::Initialize} call (Windows SDK vswriter.h). The SDK's parameter is a pointer to the C++
     * class, spelled here as a pointer to an incomplete C struct of that name: a pointer all the same.
     */
    static final List<CPrototype> EXPORTS = parse(List.of(
            "HRESULT CreateWriter(struct CVssWriter *pWriter, IVssWriterImpl **ppImpl)",
            "HRESULT CreateWriterEx(struct CVssWriterEx *pWriter, IVssWriterImpl **ppImpl)"));

    private SdkSignatures() {
    }

    private static List<String> plus(List<String> base, String added) {
        List<String> all = new ArrayList<>(base);
        all.add(added);
        return all;
    }

    private static List<CPrototype> parse(List<String> declarations) {
        return declarations.stream().map(CPrototype::parse).toList();
    }

    /** Every type the SDK prototypes use. */
    static List<String> types() {
        List<String> types = new ArrayList<>();
        PROTOTYPES.values().forEach(list -> list.forEach(p -> {
            types.add(p.resultType());
            types.addAll(p.declaredParameters());
        }));
        EXPORTS.forEach(p -> {
            types.add(p.resultType());
            types.addAll(p.declaredParameters());
        });
        return types;
    }
}
