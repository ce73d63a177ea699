package org.vss4j.abi;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import java.util.List;

/**
 * The JNA classes of a callback (a native function implemented in Java, such as a vtable slot) that receives the
 * values of a declared {@link NativeSignature}: one class per {@link NativeKind}, so a callback built from a
 * declaration changes when the declaration does. Used by the binding's writer-side vtable ({@code CVssWriter}) and by
 * the simulator's tables alike.
 */
public final class CallbackClasses {

    private CallbackClasses() {
    }

    /**
     * The class that receives (or returns) a value of {@code kind} on Windows x64 (Microsoft docs, "x64 calling
     * convention"): {@code int} for INT32, {@code long} for INT64 and for STRUCT8 (an 8-byte aggregate travels as an
     * integer of that size), {@code byte} for BOOL8 (C++ {@code bool}, one byte), {@code Pointer} for POINTER,
     * {@code GUID.ByValue} for a GUID by value (the caller passes a pointer to its copy; libffi applies the platform's
     * rule, and JNA 5 hands a {@link com.sun.jna.CallbackProxy} a {@code Pointer} to that copy), {@code void} for VOID
     * (return only).
     */
    public static Class<?> of(NativeKind kind) {
        return switch (kind) {
            case INT32 -> int.class;
            case INT64, STRUCT8 -> long.class;
            case BOOL8 -> byte.class;
            case POINTER -> Pointer.class;
            case GUID -> GUID.ByValue.class;
            case VOID -> void.class;
        };
    }

    /** The parameter classes after {@code this} of {@code signature} as the machine sees it ({@code lowered()}). */
    public static Class<?>[] parameters(NativeSignature signature) {
        List<NativeKind> kinds = signature.lowered().parameters();
        Class<?>[] out = new Class<?>[kinds.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(kinds.get(i));
        }
        return out;
    }

    /** The return class of {@code signature} as the machine sees it ({@code lowered()}). */
    public static Class<?> returns(NativeSignature signature) {
        return of(signature.lowered().returns());
    }
}
