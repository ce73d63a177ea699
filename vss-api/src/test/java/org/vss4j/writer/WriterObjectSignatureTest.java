package org.vss4j.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.CallbackProxy;
import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.CallbackClasses;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;
import org.vss4j.abi.SingleChanges;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.CVssWriterEx;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;

/**
 * A writer's vtable callbacks are built from the declared signatures of {@code CVssWriter}/{@code CVssWriterEx}: each
 * slot's JNA classes are exactly the declaration's, the arguments reach Java read by their kinds, and a declaration
 * the Java side does not fit (a stand-in copy of a constant with one thing changed) stops the object from being built.
 */
class WriterObjectSignatureTest {

    /** A copy of a declaration: the real constant's slot and names with another signature. */
    record StandIn(int ordinal, String name, String interfaceName, NativeSignature signature) implements ComMethod {
        StandIn(ComMethod real, NativeSignature signature) {
            this(real.slot(), real.name(), real.interfaceName(), signature);
        }
    }

    /** Records what reached Java. */
    private static class Recorder implements WriterObject.Handlers {
        final List<String> calls = new ArrayList<>();

        @Override
        public boolean handle(CVssWriter event, Pointer borrowed) {
            calls.add(event.name() + "(" + (borrowed == null ? "NULL" : Pointer.nativeValue(borrowed)) + ")");
            return true;
        }

        @Override
        public boolean identifyEx(Pointer borrowed) {
            calls.add("OnIdentifyEx(" + Pointer.nativeValue(borrowed) + ")");
            return true;
        }

        @Override
        public boolean backupShutdown(UUID snapshotSetId) {
            calls.add("OnBackupShutdown(" + snapshotSetId + ")");
            return true;
        }

        @Override
        public boolean volumeEvent(CVssWriter event, String volume, UUID snapshotId, UUID providerId) {
            calls.add(event.name() + "(" + volume + ", " + snapshotId + ", " + providerId + ")");
            return true;
        }

        @Override
        public void destroy(int flags) {
            calls.add("destroy(" + flags + ")");
        }
    }

    private static final UUID SNAPSHOT = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private static final UUID PROVIDER = UUID.fromString("b5946137-7b9f-4925-af80-51abd60b20d5");

    private static List<Class<?>> declaredParameters(ComMethod slot) {
        List<Class<?>> out = new ArrayList<>();
        out.add(Pointer.class);
        out.addAll(List.of(CallbackClasses.parameters(slot.signature())));
        return out;
    }

    @Test
    void everySlotsCallbackHasExactlyTheDeclaredClasses() {
        for (WriterForm form : WriterForm.values()) {
            WriterObject o = new WriterObject("classes", form.slots(), new Recorder());
            for (ComMethod slot : form.slots()) {
                CallbackProxy cb = o.callback(slot);
                assertThat(cb.getParameterTypes()).as(slot.qualifiedName())
                        .containsExactlyElementsOf(declaredParameters(slot));
                assertThat(cb.getReturnType()).as(slot.qualifiedName())
                        .isEqualTo(CallbackClasses.returns(slot.signature()));
                assertThat(o.pointer().getPointer(0).getPointer((long) slot.slot() * Native.POINTER_SIZE))
                        .as("the table's slot %d is the callback of %s", slot.slot(), slot.qualifiedName())
                        .isEqualTo(CallbackReference.getFunctionPointer(cb));
            }
            o.retire();
        }
        // The kinds spelled out, for the slots of every shape.
        WriterObject o = new WriterObject("shapes", WriterForm.EX.slots(), new Recorder());
        assertThat(o.callback(CVssWriterEx.ScalarDeletingDestructor).getParameterTypes())
                .containsExactly(Pointer.class, int.class);
        assertThat(o.callback(CVssWriterEx.ScalarDeletingDestructor).getReturnType()).isEqualTo(Pointer.class);
        assertThat(o.callback(CVssWriterEx.OnFreeze).getParameterTypes()).containsExactly(Pointer.class);
        assertThat(o.callback(CVssWriterEx.OnFreeze).getReturnType()).isEqualTo(byte.class);
        assertThat(o.callback(CVssWriterEx.OnBackupShutdown).getParameterTypes())
                .containsExactly(Pointer.class, GUID.ByValue.class);
        assertThat(o.callback(CVssWriterEx.OnBackOffIOOnVolume).getParameterTypes())
                .containsExactly(Pointer.class, Pointer.class, GUID.ByValue.class, GUID.ByValue.class);
        assertThat(o.callback(CVssWriterEx.OnIdentifyEx).getParameterTypes())
                .containsExactly(Pointer.class, Pointer.class);
        o.retire();
    }

    private static Object call(WriterObject o, ComMethod slot, Class<?> returns, Object... after) {
        Object[] args = new Object[after.length + 1];
        args[0] = o.pointer();
        System.arraycopy(after, 0, args, 1, after.length);
        Pointer fn = o.pointer().getPointer(0).getPointer((long) slot.slot() * Native.POINTER_SIZE);
        return Function.getFunction(fn).invoke(returns, args);
    }

    /** Handlers that throw: a writer whose dispatch fails must never answer true to VSS. */
    private static final class Throwing extends Recorder {
        @Override
        public boolean handle(CVssWriter event, Pointer borrowed) {
            throw new IllegalStateException("handler defect in " + event);
        }

        @Override
        public boolean backupShutdown(UUID snapshotSetId) {
            throw new IllegalStateException("handler defect in OnBackupShutdown");
        }
    }

    @Test
    void aSlotWhoseJavaSideThrowsAnswersFalseAndNeverTrue() {
        WriterObject o = new WriterObject("throwing", WriterForm.PLAIN.slots(), new Throwing());
        assertThat(call(o, CVssWriter.OnFreeze, byte.class)).isEqualTo((byte) 0);
        assertThat(call(o, CVssWriter.OnPrepareBackup, byte.class, new Memory(8))).isEqualTo((byte) 0);
        // A NULL VSS_ID pointer makes the conversion itself throw, before the handler runs.
        assertThat(call(o, CVssWriter.OnBackupShutdown, byte.class, Pointer.NULL)).isEqualTo((byte) 0);
        o.retire();
    }

    @Test
    void theArgumentsReachJavaReadByTheirKinds() {
        Recorder r = new Recorder();
        WriterObject o = new WriterObject("kinds", WriterForm.EX.slots(), r);
        Memory volume = Utf16.toNative("\\\\?\\Volume{c0ffee00-0000-0000-0000-000000000001}\\");
        Memory borrowed = new Memory(8);

        assertThat(call(o, CVssWriterEx.OnBackOffIOOnVolume, byte.class, volume, Guids.byValue(SNAPSHOT),
                Guids.byValue(PROVIDER))).isEqualTo((byte) 1);
        assertThat(call(o, CVssWriterEx.OnBackupShutdown, byte.class, Guids.byValue(SNAPSHOT))).isEqualTo((byte) 1);
        assertThat(call(o, CVssWriterEx.OnPrepareBackup, byte.class, borrowed)).isEqualTo((byte) 1);
        assertThat(call(o, CVssWriterEx.OnFreeze, byte.class)).isEqualTo((byte) 1);
        // CVssWriterEx::OnIdentify answers false without calling Java (vswriter.h).
        assertThat(call(o, CVssWriterEx.OnIdentify, byte.class, borrowed)).isEqualTo((byte) 0);
        assertThat(call(o, CVssWriterEx.OnIdentifyEx, byte.class, borrowed)).isEqualTo((byte) 1);
        assertThat(call(o, CVssWriterEx.ScalarDeletingDestructor, Pointer.class, 1)).isEqualTo(o.pointer());
        // Another this: not this writer's object, so false without calling Java.
        Object[] other = {borrowed};
        Pointer freeze = o.pointer().getPointer(0)
                .getPointer((long) CVssWriterEx.OnFreeze.slot() * Native.POINTER_SIZE);
        assertThat(Function.getFunction(freeze).invoke(byte.class, other)).isEqualTo((byte) 0);
        assertThat(r.calls).containsExactly(
                "OnBackOffIOOnVolume(\\\\?\\Volume{c0ffee00-0000-0000-0000-000000000001}\\, " + SNAPSHOT + ", "
                        + PROVIDER + ")",
                "OnBackupShutdown(" + SNAPSHOT + ")",
                "OnPrepareBackup(" + Pointer.nativeValue(borrowed) + ")",
                "OnFreeze(NULL)",
                "OnIdentifyEx(" + Pointer.nativeValue(borrowed) + ")",
                "destroy(1)");

        o.retire();
        assertThat(call(o, CVssWriterEx.OnFreeze, byte.class)).as("after retire()").isEqualTo((byte) 0);
        assertThat(r.calls).hasSize(6);
    }

    private static List<ComMethod> withStandIn(List<ComMethod> slots, StandIn standIn) {
        List<ComMethod> out = new ArrayList<>(slots);
        out.set(standIn.ordinal(), standIn);
        return out;
    }

    @Test
    void anUnchangedCopyOfADeclarationGivesTheSameCallback() {
        for (WriterForm form : WriterForm.values()) {
            for (ComMethod real : form.slots()) {
                StandIn copy = new StandIn(real, real.signature());
                WriterObject o = new WriterObject("copy", withStandIn(form.slots(), copy), new Recorder());
                assertThat(o.callback(copy).getParameterTypes()).as(real.qualifiedName())
                        .containsExactlyElementsOf(declaredParameters(real));
                assertThat(o.callback(copy).getReturnType()).isEqualTo(CallbackClasses.returns(real.signature()));
                o.retire();
            }
        }
    }

    @Test
    void everySingleChangeOfADeclarationIsRefusedWhenTheObjectIsBuilt() {
        int refused = 0;
        for (WriterForm form : WriterForm.values()) {
            for (ComMethod real : form.slots()) {
                for (NativeSignature changed : SingleChanges.of(real.signature())) {
                    StandIn standIn = new StandIn(real, changed);
                    assertThatThrownBy(() -> new WriterObject("changed", withStandIn(form.slots(), standIn),
                            new Recorder()))
                            .as("%s declared %s", real.qualifiedName(), changed)
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageStartingWith(real.qualifiedName() + ": ");
                    refused++;
                }
            }
        }
        // 16 + 17 slots: each return kind replaced (6), each parameter replaced (5) or removed, one added (6).
        assertThat(refused).isEqualTo(276 + 294);
    }

    @Test
    void theRefusalNamesTheMethodAndWhatDisagrees() {
        List<ComMethod> plain = WriterForm.PLAIN.slots();
        // OnBackupShutdown(VSS_ID) declared with a pointer: the handler reads a UUID.
        StandIn pointerId = new StandIn(CVssWriter.OnBackupShutdown,
                NativeSignature.of(NativeKind.BOOL8, NativeKind.POINTER));
        assertThat(CallbackClasses.parameters(pointerId.signature()))
                .as("the changed declaration gives another callback")
                .isNotEqualTo(CallbackClasses.parameters(CVssWriter.OnBackupShutdown.signature()));
        assertThatThrownBy(() -> new WriterObject("w", withStandIn(plain, pointerId), new Recorder()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("CVssWriter::OnBackupShutdown: parameter 1 is declared POINTER (com.sun.jna.Pointer),"
                        + " the writer's handler reads it as java.util.UUID");
        // OnFreeze declared returning BOOL (INT32) instead of C++ bool.
        assertThatThrownBy(() -> new WriterObject("w", withStandIn(plain, new StandIn(CVssWriter.OnFreeze,
                NativeSignature.of(NativeKind.INT32))), new Recorder()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("CVssWriter::OnFreeze: declared to return INT32 (int), the writer's handler answers"
                        + " java.lang.Boolean");
        // The destructor's flags dropped.
        assertThatThrownBy(() -> new WriterObject("w", withStandIn(plain,
                new StandIn(CVssWriter.ScalarDeletingDestructor, NativeSignature.of(NativeKind.POINTER))),
                new Recorder()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("CVssWriter::ScalarDeletingDestructor: declared POINTER() takes 0 parameter(s) after"
                        + " this, the writer's handler reads 1");
    }
}
