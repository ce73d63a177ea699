package org.vss4j.sim.vss;

import static org.vss4j.sim.abi.VtableSpec.params;

import com.sun.jna.Pointer;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.vss4j.ComponentFailure;
import org.vss4j.ComponentState;
import org.vss4j.DifferencedFile;
import org.vss4j.DirectedTarget;
import org.vss4j.FileSet;
import org.vss4j.PartialFile;
import org.vss4j.RestoreSubcomponent;
import org.vss4j.RestoreTarget;
import org.vss4j.VssHresult;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.vtable.IVssComponent;
import org.vss4j.abi.vtable.IVssComponentEx;
import org.vss4j.abi.vtable.IVssComponentEx2;
import org.vss4j.com.FileTimes;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.WriterComponentData;
import org.vss4j.sim.abi.BstrAllocator;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.VtableSpec;
import org.vss4j.sim.abi.NativeComObject;

/**
 * The native {@code IVssComponentEx2} (QueryInterface also answers {@code IVssComponent} and {@code IVssComponentEx};
 * vswriter.h) for one component of the Backup Components Document, in two roles:
 * <ul>
 * <li>a requester's, from {@code IVssWriterComponentsExt::GetComponent}: a read-only view frozen when the object is
 * made; the writer-side setters return {@code E_NOTIMPL} (a requester does not call them);</li>
 * <li>a writer's, from the {@code IVssWriterComponents} lent to a handler: a live view whose setters
 * ({@code SetBackupMetadata}, {@code AddPartialFile}, ...) record into the writer's data for the component, which the
 * requester then reads.</li>
 * </ul>
 */
final class ComponentObject extends NativeComObject {

    static final VtableSpec<ComponentObject> VTABLE = VtableSpec
            .of("IVssComponentEx2",
                    Set.of(IVssComponent.IID, IVssComponentEx.IID, IVssComponentEx2.IID), ComponentObject.class)
            .bind(IVssComponent.GetLogicalPath, params(Pointer.class),
                    (o, a) -> o.string(a, o.state.logicalPath(), "logical path"))
            .bind(IVssComponent.GetComponentType, params(Pointer.class),
                    (o, a) -> o.int32(a, o.state.type().value()))
            .bind(IVssComponent.GetComponentName, params(Pointer.class),
                    (o, a) -> o.string(a, o.state.name(), "component name"))
            .bind(IVssComponent.GetBackupSucceeded, params(Pointer.class),
                    (o, a) -> o.cppBool(a, o.state.backupSucceeded()))
            .bind(IVssComponent.GetAlternateLocationMappingCount, params(Pointer.class),
                    (o, a) -> o.int32(a, o.state.alternateLocationMappings().size()))
            .bind(IVssComponent.GetAlternateLocationMapping, params(int.class, Pointer.class),
                    (o, a) -> o.fileDesc(a, o.state.alternateLocationMappings(),
                            IVssComponent.GetAlternateLocationMapping))
            .bind(IVssComponent.GetBackupMetadata, params(Pointer.class),
                    (o, a) -> o.string(a, o.state.backupMetadata(), "backup metadata"))
            .bind(IVssComponent.GetPartialFileCount, params(Pointer.class),
                    (o, a) -> o.int32(a, o.state.partialFiles().size()))
            .bind(IVssComponent.GetPartialFile,
                    params(int.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class),
                    (o, a) -> o.strings(a, o.state.partialFiles(),
                            (PartialFile f) -> new String[] {f.path(), f.filename(), f.ranges(), f.metadata()}))
            .bind(IVssComponent.IsSelectedForRestore, params(Pointer.class),
                    (o, a) -> o.cppBool(a, o.state.selectedForRestore()))
            .bind(IVssComponent.GetAdditionalRestores, params(Pointer.class),
                    (o, a) -> o.cppBool(a, o.state.additionalRestores()))
            .bind(IVssComponent.GetNewTargetCount, params(Pointer.class),
                    (o, a) -> o.int32(a, o.state.newTargets().size()))
            .bind(IVssComponent.GetNewTarget, params(int.class, Pointer.class),
                    (o, a) -> o.fileDesc(a, o.state.newTargets(), IVssComponent.GetNewTarget))
            .bind(IVssComponent.GetDirectedTargetCount, params(Pointer.class),
                    (o, a) -> o.int32(a, o.state.directedTargets().size()))
            .bind(IVssComponent.GetDirectedTarget,
                    params(int.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class,
                            Pointer.class),
                    (o, a) -> o.strings(a, o.state.directedTargets(),
                            (DirectedTarget t) -> new String[] {t.sourcePath(), t.sourceFilename(), t.sourceRanges(),
                                    t.destinationPath(), t.destinationFilename(), t.destinationRanges()}))
            .bind(IVssComponent.GetRestoreMetadata, params(Pointer.class),
                    (o, a) -> o.string(a, o.state.restoreMetadata(), "restore metadata"))
            .bind(IVssComponent.GetRestoreTarget, params(Pointer.class),
                    (o, a) -> o.int32(a, o.state.restoreTarget().value()))
            .bind(IVssComponent.GetPreRestoreFailureMsg, params(Pointer.class),
                    (o, a) -> o.string(a, o.state.preRestoreFailureMsg(), "pre-restore failure message"))
            .bind(IVssComponent.GetPostRestoreFailureMsg, params(Pointer.class),
                    (o, a) -> o.string(a, o.state.postRestoreFailureMsg(), "post-restore failure message"))
            .bind(IVssComponent.GetBackupStamp, params(Pointer.class),
                    (o, a) -> o.string(a, o.state.backupStamp(), "backup stamp"))
            .bind(IVssComponent.GetPreviousBackupStamp, params(Pointer.class),
                    (o, a) -> o.string(a, o.state.previousBackupStamp(), "previous backup stamp"))
            .bind(IVssComponent.GetBackupOptions, params(Pointer.class),
                    (o, a) -> o.string(a, o.state.backupOptions(), "backup options"))
            .bind(IVssComponent.GetRestoreOptions, params(Pointer.class),
                    (o, a) -> o.string(a, o.state.restoreOptions(), "restore options"))
            .bind(IVssComponent.GetRestoreSubcomponentCount, params(Pointer.class),
                    (o, a) -> o.int32(a, o.state.restoreSubcomponents().size()))
            .bind(IVssComponent.GetRestoreSubcomponent,
                    params(int.class, Pointer.class, Pointer.class, Pointer.class),
                    ComponentObject::getRestoreSubcomponent)
            .bind(IVssComponent.GetFileRestoreStatus, params(Pointer.class),
                    (o, a) -> o.int32(a, o.state.fileRestoreStatus().value()))
            .bind(IVssComponent.GetDifferencedFilesCount, params(Pointer.class),
                    (o, a) -> o.int32(a, o.state.differencedFiles().size()))
            .bind(IVssComponent.GetDifferencedFile,
                    params(int.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class),
                    ComponentObject::getDifferencedFile)
            .bind(IVssComponentEx.GetPrepareForBackupFailureMsg, params(Pointer.class),
                    (o, a) -> o.string(a, o.state.prepareForBackupFailureMsg(), "PrepareForBackup failure message"))
            .bind(IVssComponentEx.GetPostSnapshotFailureMsg, params(Pointer.class),
                    (o, a) -> o.string(a, o.state.postSnapshotFailureMsg(), "PostSnapshot failure message"))
            .bind(IVssComponentEx.GetAuthoritativeRestore, params(Pointer.class),
                    (o, a) -> o.cppBool(a, o.state.authoritativeRestore()))
            .bind(IVssComponentEx.GetRollForward, params(Pointer.class, Pointer.class),
                    ComponentObject::getRollForward)
            .bind(IVssComponentEx.GetRestoreName, params(Pointer.class),
                    (o, a) -> o.string(a, o.state.restoreName(), "restore name"))
            .bind(IVssComponentEx2.GetFailure, params(Pointer.class, Pointer.class, Pointer.class, Pointer.class),
                    ComponentObject::getFailure)
            // ---- writer-side setters ----
            .bind(IVssComponent.SetBackupMetadata, params(Pointer.class),
                    (o, a) -> o.edit(d -> d.withBackupMetadata(a.wideString(1))))
            .bind(IVssComponent.AddPartialFile, params(Pointer.class, Pointer.class, Pointer.class, Pointer.class),
                    (o, a) -> o.edit(d -> d.withPartialFile(new PartialFile(a.wideString(1), a.wideString(2),
                            a.wideString(3), a.wideString(4)))))
            .bind(IVssComponent.AddDirectedTarget, params(Pointer.class, Pointer.class, Pointer.class, Pointer.class,
                            Pointer.class, Pointer.class),
                    (o, a) -> o.edit(d -> d.withDirectedTarget(new DirectedTarget(a.wideString(1), a.wideString(2),
                            a.wideString(3), a.wideString(4), a.wideString(5), a.wideString(6)))))
            .bind(IVssComponent.SetRestoreMetadata, params(Pointer.class),
                    (o, a) -> o.edit(d -> d.withRestoreMetadata(a.wideString(1))))
            .bind(IVssComponent.SetRestoreTarget, params(int.class), ComponentObject::setRestoreTarget)
            .bind(IVssComponent.SetPreRestoreFailureMsg, params(Pointer.class),
                    (o, a) -> o.edit(d -> d.withPreRestoreFailureMsg(a.wideString(1))))
            .bind(IVssComponent.SetPostRestoreFailureMsg, params(Pointer.class),
                    (o, a) -> o.edit(d -> d.withPostRestoreFailureMsg(a.wideString(1))))
            .bind(IVssComponent.SetBackupStamp, params(Pointer.class),
                    (o, a) -> o.edit(d -> d.withBackupStamp(a.wideString(1))))
            // BOOL bRecursive is 4 bytes (vswriter.h); FILETIME by value is one 64-bit integer (Microsoft docs,
            // "x64 calling convention").
            .bind(IVssComponent.AddDifferencedFilesByLastModifyTime,
                    params(Pointer.class, Pointer.class, int.class, long.class),
                    (o, a) -> o.edit(d -> d.withDifferencedFile(new DifferencedFile(a.wideString(1), a.wideString(2),
                            a.int32(3) != 0, null, FileTimes.toInstant(a.int64(4))))))
            .bind(IVssComponent.AddDifferencedFilesByLastModifyLSN,
                    params(Pointer.class, Pointer.class, int.class, Pointer.class),
                    (o, a) -> o.edit(d -> d.withDifferencedFile(new DifferencedFile(a.wideString(1), a.wideString(2),
                            a.int32(3) != 0, BstrAllocator.read(a.pointer(4)), FileTimes.toInstant(0)))))
            .bind(IVssComponentEx.SetPrepareForBackupFailureMsg, params(Pointer.class),
                    (o, a) -> o.edit(d -> d.withPrepareForBackupFailureMsg(a.wideString(1))))
            .bind(IVssComponentEx.SetPostSnapshotFailureMsg, params(Pointer.class),
                    (o, a) -> o.edit(d -> d.withPostSnapshotFailureMsg(a.wideString(1))))
            .bind(IVssComponentEx2.SetFailure, params(int.class, int.class, Pointer.class, int.class),
                    (o, a) -> o.edit(d -> d.withFailure(new ComponentFailure(a.int32(1), a.int32(2),
                            a.wideString(3), a.int32(4)))));

    /** Where a writer's setters record: applies an edit to the writer's data for this component. */
    @FunctionalInterface
    interface Recorder {
        void record(UnaryOperator<WriterComponentData> edit);
    }

    private final Supplier<ComponentState> live;
    private final Recorder recorder;
    private ComponentState state;

    /** A requester's read-only view of {@code state}. */
    ComponentObject(ComponentState state, String origin) {
        this(() -> state, null, origin);
    }

    /** A writer's live view: {@code live} recomputes the component, {@code recorder} takes the setters. */
    ComponentObject(Supplier<ComponentState> live, Recorder recorder, String origin) {
        super(VTABLE, origin);
        this.live = live;
        this.recorder = recorder;
        this.state = live.get();
    }

    /** A setter: E_NOTIMPL on a requester's view (requesters do not set component data). */
    private int edit(UnaryOperator<WriterComponentData> change) {
        if (recorder == null) {
            return VssHresult.E_NOTIMPL.code();
        }
        recorder.record(change);
        state = live.get();
        return ok();
    }

    private int setRestoreTarget(CallArgs a) {
        for (RestoreTarget t : RestoreTarget.values()) {
            if (t.value() == a.int32(1) && t != RestoreTarget.UNDEFINED) {
                return edit(d -> d.withRestoreTarget(t));
            }
        }
        return invalid();
    }

    private static int ok() {
        return VssHresult.S_OK.code();
    }

    private static int invalid() {
        return VssHresult.E_INVALIDARG.code();
    }

    private static boolean anyNull(CallArgs a, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (a.pointer(i) == null) {
                return true;
            }
        }
        return false;
    }

    private static Pointer bstr(String value, String what) {
        return value == null ? null : BstrAllocator.alloc(value, "IVssComponent " + what);
    }

    /** {@code BSTR *}: the caller frees it; an absent value is a NULL BSTR. */
    private int string(CallArgs a, String value, String what) {
        if (a.pointer(1) == null) {
            return invalid();
        }
        a.pointer(1).setPointer(0, bstr(value, what));
        return ok();
    }

    /** {@code UINT *}, {@code DWORD *} or a 32-bit enum. */
    private int int32(CallArgs a, int value) {
        if (a.pointer(1) == null) {
            return invalid();
        }
        a.pointer(1).setInt(0, value);
        return ok();
    }

    /** {@code bool *}: one byte (vswriter.h declares C++ {@code bool}). */
    private int cppBool(CallArgs a, boolean value) {
        if (a.pointer(1) == null) {
            return invalid();
        }
        a.pointer(1).setByte(0, (byte) (value ? 1 : 0));
        return ok();
    }

    private static boolean badIndex(int index, List<?> items) {
        return index < 0 || index >= items.size();
    }

    private int fileDesc(CallArgs a, List<FileSet> files, ComMethod origin) {
        int index = a.int32(1);
        if (a.pointer(2) == null || badIndex(index, files)) {
            return invalid();
        }
        FileSet f = files.get(index);
        FileSpec spec = new FileSpec(f.path(), f.filespec(), f.recursive(), f.alternateLocation(),
                f.backupTypeMask());
        a.pointer(2).setPointer(0, new WmFiledescObject(spec, origin.qualifiedName()).pointer());
        return ok();
    }

    /** {@code (UINT index, BSTR *...)}: one BSTR per value of item {@code index}. */
    private <T> int strings(CallArgs a, List<T> items, Function<T, String[]> values) {
        int index = a.int32(1);
        int count = a.count() - 2;
        if (anyNull(a, 2, a.count() - 1) || badIndex(index, items)) {
            return invalid();
        }
        String[] v = values.apply(items.get(index));
        for (int i = 0; i < count; i++) {
            a.pointer(2 + i).setPointer(0, bstr(v[i], "indexed string"));
        }
        return ok();
    }

    private int getRestoreSubcomponent(CallArgs a) {
        int index = a.int32(1);
        if (anyNull(a, 2, 4) || badIndex(index, state.restoreSubcomponents())) {
            return invalid();
        }
        RestoreSubcomponent r = state.restoreSubcomponents().get(index);
        a.pointer(2).setPointer(0, bstr(r.logicalPath(), "restore subcomponent logical path"));
        a.pointer(3).setPointer(0, bstr(r.componentName(), "restore subcomponent name"));
        a.pointer(4).setByte(0, (byte) (r.repair() ? 1 : 0));
        return ok();
    }

    /** {@code BOOL *pbRecursive} is 4 bytes here; {@code FILETIME *} 8 (vswriter.h). */
    private int getDifferencedFile(CallArgs a) {
        int index = a.int32(1);
        if (anyNull(a, 2, 6) || badIndex(index, state.differencedFiles())) {
            return invalid();
        }
        DifferencedFile f = state.differencedFiles().get(index);
        a.pointer(2).setPointer(0, bstr(f.path(), "differenced file path"));
        a.pointer(3).setPointer(0, bstr(f.filespec(), "differenced filespec"));
        a.pointer(4).setInt(0, f.recursive() ? 1 : 0);
        a.pointer(5).setPointer(0, bstr(f.lsn(), "differenced file LSN"));
        a.pointer(6).setLong(0, FileTimes.fromInstant(f.lastModifyTime()));
        return ok();
    }

    private int getRollForward(CallArgs a) {
        if (anyNull(a, 1, 2)) {
            return invalid();
        }
        a.pointer(1).setInt(0, state.rollForward().type().value());
        a.pointer(2).setPointer(0, bstr(state.rollForward().point(), "roll-forward point"));
        return ok();
    }

    private int getFailure(CallArgs a) {
        if (anyNull(a, 1, 4)) {
            return invalid();
        }
        a.pointer(1).setInt(0, state.failure().hresult());
        a.pointer(2).setInt(0, state.failure().applicationHresult());
        a.pointer(3).setPointer(0, bstr(state.failure().applicationMessage(), "application message"));
        a.pointer(4).setInt(0, state.failure().reserved());
        return ok();
    }
}
