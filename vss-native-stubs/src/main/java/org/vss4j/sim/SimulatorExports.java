package org.vss4j.sim;

import com.sun.jna.Pointer;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.vss4j.VssHresult;
import org.vss4j.abi.NativeExport;
import org.vss4j.sim.abi.BlockKind;
import org.vss4j.sim.abi.BstrAllocator;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.CoTaskMem;
import org.vss4j.sim.abi.ComThreads;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.sim.abi.NativeHeap;
import org.vss4j.sim.vss.BackupComponentsObject;
import org.vss4j.sim.vss.ExamineWriterMetadataObject;
import org.vss4j.sim.vss.WriterImplObject;
import org.vss4j.sim.vss.WriterMetadataXml;
import org.vss4j.sim.win32.Advapi32Exports;
import org.vss4j.sim.win32.Kernel32Exports;
import org.vss4j.sim.win32.UserEnvExports;

/**
 * The simulator's exports, one per {@link NativeExport} the binding resolves (each callback built from its declared
 * signature; vsbackup.h, vswriter.h and
 * mingw-w64's vssapi.def for vssapi, Microsoft's ole32/oleaut32 docs for the rest). Built once per process: the
 * trampolines must outlive every caller.
 */
final class SimulatorExports {

    /** VSS_SNAPSHOT_PROP string members: offsets 40..80 step 8 on x64 (vss.h, x64 alignment). */
    private static final long[] SNAPSHOT_PROP_STRINGS = {40, 48, 56, 64, 72, 80};

    /**
     * The vssapi functions a test can make fail (their HRESULT is what a requester or writer must handle). The
     * allocators, COM initialisation and the void functions are not faulted: nothing vss4j does with their failure is
     * a VSS path to test. Declared before {@code TABLE}, whose {@code build()} reads it.
     */
    private static final Set<NativeExport> FAULTABLE = EnumSet.of(NativeExport.CreateVssBackupComponentsInternal,
            NativeExport.CreateVssExamineWriterMetadataInternal, NativeExport.CreateWriter, NativeExport.CreateWriterEx);

    private static final Map<NativeExport, NativeCallback> TABLE = build();

    private SimulatorExports() {
    }

    /** The simulator's implementation of {@code export}, or null if it has none. */
    static NativeCallback get(NativeExport export) {
        return TABLE.get(export);
    }

    private static Map<NativeExport, NativeCallback> build() {
        Map<NativeExport, NativeCallback> t = new EnumMap<>(NativeExport.class);
        put(t, NativeExport.CreateVssBackupComponentsInternal, a -> createBackupComponents(a.pointer(0)));
        put(t, NativeExport.CreateVssExamineWriterMetadataInternal, a -> createExamineWriterMetadata(a.pointer(0), a.pointer(1)));
        put(t, NativeExport.VssFreeSnapshotPropertiesInternal, a -> freeSnapshotProperties(a.pointer(0)));
        put(t, NativeExport.CreateWriter, a -> createWriter(a.pointer(0), a.pointer(1), false));
        put(t, NativeExport.CreateWriterEx, a -> createWriter(a.pointer(0), a.pointer(1), true));
        put(t, NativeExport.SysAllocStringLen, a -> BstrAllocator.allocLen(a.pointer(0), a.int32(1), "SysAllocStringLen"));
        put(t, NativeExport.SysFreeString, a -> {
            if (a.pointer(0) != null) {
                NativeHeap.free(BlockKind.BSTR, a.pointer(0), "SysFreeString");
            }
            return null;
        });
        put(t, NativeExport.SysStringLen, a -> BstrAllocator.length(a.pointer(0)));
        put(t, NativeExport.CoTaskMemAlloc, a -> CoTaskMem.alloc(a.int64(0), "CoTaskMemAlloc"));
        put(t, NativeExport.CoTaskMemFree, a -> {
            CoTaskMem.free(a.pointer(0));
            return null;
        });
        put(t, NativeExport.CoInitializeEx, a -> ComThreads.initialize(a.int32(1)));
        put(t, NativeExport.CoInitializeSecurity, a -> ComThreads.initializeSecurity(SimulatedMachine.current().isComSecuritySetByHost()));
        put(t, NativeExport.CoUninitialize, a -> {
            ComThreads.uninitialize();
            return null;
        });
        Kernel32Exports.register(t);
        UserEnvExports.register(t);
        Advapi32Exports.register(t);
        return Map.copyOf(t);
    }

    private interface Body {
        Object call(CallArgs a);
    }

    private static void put(Map<NativeExport, NativeCallback> t, NativeExport export, Body body) {
        boolean faultable = FAULTABLE.contains(export);
        t.put(export, NativeCallback.of(export, faultable, raw -> {
            if (faultable) {
                Integer injected = SimulatedMachine.current().faults().onCall(export.name());
                if (injected != null) {
                    return injected;
                }
            }
            return body.call(new CallArgs(raw));
        }));
    }

    /** Whether a fault planned on {@code export} fires ({@link NativeCallback#consultsFaultPlan()}). */
    static boolean consultsFaultPlan(NativeExport export) {
        NativeCallback callback = TABLE.get(export);
        return callback != null && callback.consultsFaultPlan();
    }

    /**
     * {@code CreateVssBackupComponentsInternal}: needs COM on the thread, as the real function does; E_ACCESSDENIED
     * when "the caller does not have sufficient backup privileges or is not an administrator" (Microsoft docs,
     * "CreateVssBackupComponents function"): a token neither elevated nor holding SeBackupPrivilege. It starts a
     * stopped VSS service and fails with HRESULT_FROM_WIN32(ERROR_SERVICE_DISABLED) on a disabled one (no code is
     * documented for that; docs/doctor.md).
     */
    private static int createBackupComponents(Pointer out) {
        if (out == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        if (!ComThreads.isInitialized()) {
            return VssHresult.CO_E_NOTINITIALIZED.code();
        }
        SimulatedMachine machine = SimulatedMachine.current();
        if (!machine.token().isElevated() && !machine.token().holds("SeBackupPrivilege")) {
            return VssHresult.E_ACCESSDENIED.code();
        }
        if (!machine.startVssServiceOnDemand()) {
            return VssHresult.HRESULT_FROM_WIN32_ERROR_SERVICE_DISABLED.code();
        }
        out.setPointer(0, new BackupComponentsObject(machine).pointer());
        return VssHresult.S_OK.code();
    }

    /** {@code CreateVssExamineWriterMetadataInternal(BSTR xml, IVssExamineWriterMetadata **)}: the BSTR stays the caller's. */
    private static int createExamineWriterMetadata(Pointer bstr, Pointer out) {
        if (out == null || bstr == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        if (!ComThreads.isInitialized()) {
            return VssHresult.CO_E_NOTINITIALIZED.code();
        }
        var metadata = WriterMetadataXml.read(BstrAllocator.read(bstr));
        if (metadata == null) {
            return VssHresult.VSS_E_INVALID_XML_DOCUMENT.code();
        }
        out.setPointer(0, new ExamineWriterMetadataObject(metadata, NativeExport.CreateVssExamineWriterMetadataInternal.name())
                .pointer());
        return VssHresult.S_OK.code();
    }

    /**
     * {@code CreateWriter(CVssWriter *pWriter, IVssWriterImpl **ppImpl)} and
     * {@code CreateWriterEx(CVssWriterEx *, ...)} (vswriter.h): a new {@code IVssWriterImpl} for the writer object,
     * which VSS will call back through its vtable ({@code CVssWriterEx}'s, with {@code OnIdentifyEx}, for {@code ex}).
     */
    private static int createWriter(Pointer writer, Pointer out, boolean ex) {
        if (writer == null || out == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        out.setPointer(0, new WriterImplObject(SimulatedMachine.current(), writer, ex).interfacePointer());
        return VssHresult.S_OK.code();
    }

    /** {@code VssFreeSnapshotPropertiesInternal}: frees the six string members of a filled VSS_SNAPSHOT_PROP. */
    private static Object freeSnapshotProperties(Pointer prop) {
        if (prop != null && NativeHeap.free(BlockKind.SNAPSHOT_PROPERTIES, prop, "VssFreeSnapshotProperties")) {
            for (long offset : SNAPSHOT_PROP_STRINGS) {
                CoTaskMem.free(prop.getPointer(offset));
            }
        }
        return null;
    }

}
