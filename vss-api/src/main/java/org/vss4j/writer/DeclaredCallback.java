package org.vss4j.writer;

import com.sun.jna.CallbackProxy;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.abi.CallbackClasses;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;
import org.vss4j.com.CppBool;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;

/**
 * One slot of a writer's vtable as a JNA callback built from the slot's declaration ({@link ComMethod#signature()},
 * lowered): its native parameter classes are {@code this} ({@code Pointer}) then {@link CallbackClasses#parameters},
 * its return class {@link CallbackClasses#returns}, so a changed declaration changes the callback. The Java
 * {@link SlotHandler} must read every argument as a class its declared kind can be read as, and answer the class of
 * the declared return, or the callback is not built ({@link IllegalStateException} naming {@code Interface::Method}).
 *
 * <p>Arguments are converted by kind before the body runs: POINTER as the {@code Pointer} itself or, read as
 * {@code String}, the NUL-terminated UTF-16 string it points to; GUID as a {@code UUID} read from the caller's copy
 * (on x64 the caller passes a pointer to it, Microsoft docs, "x64 calling convention"; JNA 5 hands a
 * {@link CallbackProxy} a {@code Pointer} to that copy; a {@code GUID} structure is read as it arrived); BOOL8 as a
 * {@code Boolean}; INT32, INT64 and STRUCT8 as JNA gives them. A {@code Boolean} answer goes back as the one-byte
 * C++ {@code bool} ({@link CppBool}).
 *
 * <p>Nothing thrown here reaches native code: a {@link Throwable} from the conversion or the body is logged and the
 * callback answers zero ({@code false}, NULL), as JNA answers for a callback that throws.
 */
final class DeclaredCallback implements CallbackProxy {

    private static final Logger LOG = LoggerFactory.getLogger(DeclaredCallback.class);

    private final ComMethod slot;
    private final List<NativeKind> kinds;
    private final NativeKind returns;
    private final SlotHandler handler;
    private final Class<?>[] parameterTypes;
    private final Class<?> returnType;

    /** @throws IllegalStateException if {@code handler} does not fit {@code slot}'s declaration */
    DeclaredCallback(ComMethod slot, SlotHandler handler) {
        NativeSignature lowered = declaration(slot).lowered();
        requireFits(slot, lowered, handler);
        this.slot = slot;
        this.kinds = lowered.parameters();
        this.returns = lowered.returns();
        this.handler = handler;
        Class<?>[] after = CallbackClasses.parameters(lowered);
        this.parameterTypes = new Class<?>[after.length + 1];
        parameterTypes[0] = Pointer.class;
        System.arraycopy(after, 0, parameterTypes, 1, after.length);
        this.returnType = CallbackClasses.returns(lowered);
    }

    private static NativeSignature declaration(ComMethod slot) {
        try {
            return slot.signature();
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException(slot.qualifiedName() + " declares no native signature: the writer's"
                    + " callback is built from the declaration", e);
        }
    }

    /** The Java classes an argument of {@code kind} can be read as. */
    private static List<Class<?>> readableAs(NativeKind kind) {
        return switch (kind) {
            case POINTER -> List.of(Pointer.class, String.class);
            case GUID -> List.of(UUID.class);
            case INT32 -> List.of(Integer.class);
            case INT64, STRUCT8 -> List.of(Long.class);
            case BOOL8 -> List.of(Boolean.class);
            case VOID -> List.of();
        };
    }

    /** The Java class a handler answers a return of {@code kind} with. */
    private static Class<?> answerClass(NativeKind kind) {
        return switch (kind) {
            case POINTER, GUID -> Pointer.class;
            case INT32 -> Integer.class;
            case INT64, STRUCT8 -> Long.class;
            case BOOL8 -> Boolean.class;
            case VOID -> Void.class;
        };
    }

    private static void requireFits(ComMethod slot, NativeSignature lowered, SlotHandler handler) {
        if (handler.answers() != answerClass(lowered.returns())) {
            throw new IllegalStateException(slot.qualifiedName() + ": declared to return " + lowered.returns() + " ("
                    + CallbackClasses.returns(lowered).getName() + "), the writer's handler answers "
                    + handler.answers().getName());
        }
        List<NativeKind> kinds = lowered.parameters();
        if (handler.reads().size() != kinds.size()) {
            throw new IllegalStateException(slot.qualifiedName() + ": declared " + lowered + " takes " + kinds.size()
                    + " parameter(s) after this, the writer's handler reads " + handler.reads().size());
        }
        for (int i = 0; i < kinds.size(); i++) {
            if (!readableAs(kinds.get(i)).contains(handler.reads().get(i))) {
                throw new IllegalStateException(slot.qualifiedName() + ": parameter " + (i + 1) + " is declared "
                        + kinds.get(i) + " (" + CallbackClasses.of(kinds.get(i)).getName()
                        + "), the writer's handler reads it as " + handler.reads().get(i).getName());
            }
        }
    }

    @Override
    public Object callback(Object[] args) {
        try {
            Object[] java = new Object[kinds.size()];
            for (int i = 0; i < java.length; i++) {
                java[i] = read(args[i + 1], handler.reads().get(i));
            }
            return answer(handler.body().call((Pointer) args[0], java));
        } catch (Throwable t) {
            LOG.error("{} threw; answering zero to the caller", slot.qualifiedName(), t);
            return zero();
        }
    }

    private static Object read(Object arg, Class<?> as) {
        if (as == String.class) {
            return Utf16.read((Pointer) arg);
        }
        if (as == UUID.class) {
            // JNA 5 hands a CallbackProxy a Pointer to the caller's copy (the x64 convention passes a 16-byte
            // aggregate by reference); a GUID structure, should a JNA version convert it, is read as it arrived.
            if (arg instanceof GUID g) {
                return Guids.toUuid(g);
            }
            return Guids.read((Pointer) arg);
        }
        if (as == Boolean.class) {
            return ((Number) arg).byteValue() != 0;
        }
        return arg;
    }

    private Object answer(Object result) {
        if (returns == NativeKind.BOOL8) {
            return CppBool.of(Boolean.TRUE.equals(result));
        }
        return result == null ? zero() : result;
    }

    /** The zero of the return class: what the callback answers when it cannot answer otherwise. */
    private Object zero() {
        return switch (returns) {
            case BOOL8 -> (byte) 0;
            case INT32 -> 0;
            case INT64, STRUCT8 -> 0L;
            case POINTER, GUID, VOID -> null;
        };
    }

    /** The slot this callback implements. */
    ComMethod slot() {
        return slot;
    }

    @Override
    public Class<?>[] getParameterTypes() {
        return parameterTypes.clone();
    }

    @Override
    public Class<?> getReturnType() {
        return returnType;
    }

    @Override
    public String toString() {
        return slot.qualifiedName();
    }
}
