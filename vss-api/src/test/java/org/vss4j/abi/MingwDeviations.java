package org.vss4j.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.CVssWriterEx;
import org.vss4j.abi.vtable.IVssCreateWriterMetadataEx;
import org.vss4j.abi.vtable.IVssWriterComponentsExt;

/**
 * Where the mingw-w64 headers are known to model VSS differently from the Windows SDK, and the SDK fact the binding
 * follows instead (Windows SDK {@code vsbackup.h}/{@code vswriter.h}, and the MSVC layout of their classes). The
 * mingw-w64 comparison stays strict everywhere; these facts only add what mingw-w64 cannot express, and explain a
 * failure should mingw-w64 ever change its model.
 *
 * <p>Checked and found <b>not</b> to deviate (mingw-w64 10.0.0, Debian {@code mingw-w64-common}):
 * <ul>
 * <li>{@code IVssWriterImplVtbl} exists (vswriter.h) with IUnknown in slots 0-2, like the SDK. Its
 * {@code GetCurrentSnapshotSetId} (slot 10) returns {@code VSS_ID} by value only in the C++ branch; the C vtable
 * declares {@code VSS_ID *(*GetCurrentSnapshotSetId)(IVssWriterImpl *This, VSS_ID *__ret)}, i.e. the hidden result
 * pointer after {@code this} that MSVC uses for a member function returning a struct (Microsoft docs,
 * "x64 calling convention", return values). The slot check agrees, and {@code SignatureConformanceTest} checks that
 * the Java declaration has that hidden result pointer exactly there.</li>
 * <li>The old hand-written mingw-w64 headers (2010 to Feb 2022, before mingw-w64 generated them from its IDL files)
 * lacked {@code GetWriterStatusCount} and had IUnknown on IVssWriterComponents. The widl-generated headers checked here
 * match the SDK, so no exception is made for the old ones: running against them fails loudly.</li>
 * </ul>
 */
final class MingwDeviations {

    /**
     * The SDK declares {@code class X : public <primary>, public IUnknown {}}: MSVC puts a second vtable pointer at
     * object offset +8 on x64 (+4 on x86) leading to QueryInterface/AddRef/Release, whose {@code this} is
     * {@code object + 8} (MSVC layout of the SDK declaration, computed with clang {@code -fdump-vtable-layouts}).
     * mingw-w64 drops the IUnknown base (vsbackup.h: {@code IVssWriterComponentsExt : public IVssWriterComponents {}},
     * generated from vsbackup.idl where the {@code IUnknown} base is commented out; vswriter.h:
     * {@code IVssCreateWriterMetadataEx : public IVssCreateWriterMetadata}), so its single {@code <X>Vtbl} equals the
     * SDK's vptr #1, which is what the Java enum mirrors.
     *
     * @param vtable          the Java enum of vptr #1
     * @param constantDeclared whether the binding must declare {@code IUNKNOWN_VPTR_OFFSET} (it releases the object
     *                        through vptr #2: {@code IVssBackupComponents::GetWriterComponents}'s result; the
     *                        binding requires it for IVssWriterComponentsExt)
     */
    record TwoVptrInterface(Class<? extends Enum<?>> vtable, boolean constantDeclared) {
    }

    /** Byte offset of the IUnknown vtable pointer in a two-vptr object on x64 (MSVC layout of the SDK declaration). */
    static final int SDK_IUNKNOWN_VPTR_OFFSET_X64 = 8;

    /** The name of the Java constant carrying that offset. */
    static final String OFFSET_CONSTANT = "IUNKNOWN_VPTR_OFFSET";

    static final List<TwoVptrInterface> TWO_VPTR_INTERFACES = List.of(
            new TwoVptrInterface(IVssWriterComponentsExt.class, true),
            // Passed to CVssWriterEx::OnIdentifyEx; the CVssWriter base class owns its life cycle (Microsoft docs,
            // "CVssWriter class"), so the binding never has to reach its IUnknown and the constant is optional.
            new TwoVptrInterface(IVssCreateWriterMetadataEx.class, true));

    /** CVssWriter's virtual functions in declaration order (vswriter.h). */
    private static final List<String> CVSS_WRITER_SLOTS = List.of(
            // Slot 0: the virtual destructor, declared first; MSVC gives it one slot, the scalar deleting destructor.
            "ScalarDeletingDestructor",
            "OnIdentify", "OnPrepareBackup", "OnPrepareSnapshot", "OnFreeze", "OnThaw", "OnAbort",
            "OnBackupComplete", "OnBackupShutdown", "OnPreRestore", "OnPostRestore", "OnPostSnapshot",
            "OnBackOffIOOnVolume", "OnContinueIOOnVolume", "OnVSSShutdown", "OnVSSApplicationStartup");

    private static List<String> plus(List<String> base, String... added) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(added));
        return List.copyOf(all);
    }

    /**
     * C++ classes with virtual functions that mingw-w64 does not declare at all (no {@code <Name>Vtbl}: the current,
     * widl-generated vswriter.h has no {@code CVssWriter} or {@code CVssWriterEx}; the old hand-written one had
     * {@code CVssWriter} in a wrong order). Their slot order is the Windows SDK's, encoded here from the SDK's
     * vswriter.h declaration, and checked by {@code AbiConformanceReferenceTest} instead of the mingw-w64 comparison.
     */
    static final Map<Class<? extends Enum<?>>, SdkVtable> SDK_ONLY_VTABLES = Map.of(
            CVssWriter.class, new SdkVtable("Windows SDK vswriter.h, MSVC vftable of CVssWriter, clang "
                    + "-fdump-vtable-layouts on the SDK declaration", CVSS_WRITER_SLOTS),
            // class CVssWriterEx : public CVssWriter (vswriter.h): it overrides OnIdentify, which keeps its slot, and
            // declares one new virtual function; MSVC appends a single-inheritance class's new virtual functions to
            // the base's vftable in declaration order. CVssWriterEx2 declares no virtual function.
            CVssWriterEx.class, new SdkVtable("Windows SDK vswriter.h, MSVC vftable of CVssWriterEx: CVssWriter's "
                    + "slots, then the virtual functions CVssWriterEx declares", plus(CVSS_WRITER_SLOTS,
                    "OnIdentifyEx")));

    /**
     * The SDK slot order of a C++ class.
     *
     * @param source the public source the order comes from
     * @param slots  the method names in slot order
     */
    record SdkVtable(String source, List<String> slots) {

        /** Every mismatch between {@code vtable} and this order, one sentence each; empty when it conforms. */
        List<String> problems(Class<? extends Enum<?>> vtable) {
            String name = vtable.getSimpleName();
            Enum<?>[] methods = vtable.getEnumConstants();
            List<String> problems = new ArrayList<>();
            if (methods.length != slots.size()) {
                problems.add(name + ": Java enum has " + methods.length + " constants, the SDK vtable has "
                        + slots.size() + " slots (" + source + ")");
            }
            for (Enum<?> m : methods) {
                int sdk = slots.indexOf(m.name());
                if (sdk < 0) {
                    problems.add(name + "." + m.name() + ": Java slot " + m.ordinal() + ", the SDK has no such "
                            + "virtual function (" + source + ")");
                } else if (sdk != m.ordinal()) {
                    problems.add(name + "." + m.name() + ": Java slot " + m.ordinal() + ", SDK slot " + sdk + " ("
                            + source + ")");
                }
            }
            return problems;
        }
    }

    private MingwDeviations() {
    }

    /** A sentence to append to a mismatch for an interface mingw-w64 models differently, if it is one. */
    static Optional<String> hint(String interfaceName) {
        return TWO_VPTR_INTERFACES.stream()
                .filter(t -> t.vtable().getSimpleName().equals(interfaceName))
                .findFirst()
                .map(t -> " [documented deviation: mingw-w64 declares " + interfaceName + " without its IUnknown base; "
                        + "the Windows SDK puts IUnknown behind a second vtable pointer at +"
                        + SDK_IUNKNOWN_VPTR_OFFSET_X64 + " and the Java enum mirrors vptr #1 only (SDK vsbackup.h/"
                        + "vswriter.h, MSVC layout). If mingw-w64 changed its model, re-check it against the SDK.]");
    }
}
