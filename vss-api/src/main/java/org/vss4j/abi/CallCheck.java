package org.vss4j.abi;

import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import com.sun.jna.Structure;
import java.util.List;

/**
 * Checks the Java arguments of one native call (a vtable method or an export) against the method's declared {@link NativeSignature} before any native
 * code runs: JNA passes whatever it is given, so a wrong count or a value of the wrong width would otherwise reach the
 * callee as garbage in a register (Microsoft docs, "x64 calling convention": each argument takes one 8-byte slot,
 * and the callee reads only as many of its bytes as its declared type has).
 *
 * <p>Arguments are compared with {@link NativeSignature#lowered()} (the machine view, a hidden result pointer
 * included), without {@code this}. What each kind accepts is what the binding passes for it:
 * <ul>
 * <li>{@code INT32}: {@link Integer};</li>
 * <li>{@code INT64}: {@link Long};</li>
 * <li>{@code BOOL8}: {@link Byte} (one byte, as C++ {@code bool} is);</li>
 * <li>{@code POINTER}: {@code null}, a {@link Pointer} (and so {@code Memory}), a {@link PointerType} (JNA's
 *     {@code ...ByReference}) or a {@link Structure} passed by reference (not {@code Structure.ByValue});</li>
 * <li>{@code GUID}: a 16-byte {@code Structure.ByValue} (libffi then passes the pointer to a copy, as the
 *     convention says for aggregates over 8 bytes);</li>
 * <li>{@code STRUCT8}: {@link Long} (the {@code FILETIME}'s 8 bytes as one integer, which is how the convention passes
 *     an 8-byte aggregate) or an 8-byte {@code Structure.ByValue}.</li>
 * </ul>
 * A failure is an {@link IllegalArgumentException} naming {@code Interface::Method} (or {@code module!Function}) and
 * the parameter.
 */
public final class CallCheck {

    private CallCheck() {
    }

    /**
     * Requires {@code args} (without {@code this}) to fit {@code method}'s lowered parameters.
     *
     * @throws IllegalArgumentException on a wrong count or a wrong kind
     */
    public static void requireArguments(NativeDeclaration method, Object[] args) {
        NativeSignature signature = method.signature().lowered();
        List<NativeKind> parameters = signature.parameters();
        if (args.length != parameters.size()) {
            throw new IllegalArgumentException(method.qualifiedName() + ": " + signature + " takes "
                    + parameters.size() + " argument(s)" + (method instanceof ComMethod ? " after this" : "") + ", got "
                    + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            NativeKind kind = parameters.get(i);
            if (!fits(kind, args[i])) {
                throw new IllegalArgumentException(method.qualifiedName() + ": parameter " + (i + 1) + " is "
                        + describe(kind) + ", got " + (args[i] == null ? "null" : args[i].getClass().getName()));
            }
        }
    }

    /**
     * Requires {@code method} to return {@code returnType} as JNA reads it: {@link Integer} for {@code INT32}
     * (HRESULT, ULONG), {@link Byte} for {@code BOOL8} (only AL is defined), {@link Pointer} for {@code POINTER} (and
     * the hidden result pointer a GUID return becomes), {@code void} for {@code VOID}, {@link Long} for {@code INT64}.
     *
     * @throws IllegalArgumentException if it does not
     */
    public static void requireReturn(NativeDeclaration method, Class<?> returnType) {
        NativeKind kind = method.signature().lowered().returns();
        if (returnType != expectedReturn(kind)) {
            throw new IllegalArgumentException(method.qualifiedName() + ": returns " + describe(kind)
                    + ", read as " + returnType.getName());
        }
    }

    private static Class<?> expectedReturn(NativeKind kind) {
        return switch (kind) {
            case VOID -> void.class;
            case BOOL8 -> Byte.class;
            case INT32 -> Integer.class;
            case INT64 -> Long.class;
            case POINTER -> Pointer.class;
            // A GUID return is lowered to POINTER; STRUCT8 is returned by no declared function.
            case GUID, STRUCT8 -> null;
        };
    }

    private static boolean fits(NativeKind kind, Object arg) {
        return switch (kind) {
            case INT32 -> arg instanceof Integer;
            case INT64 -> arg instanceof Long;
            case BOOL8 -> arg instanceof Byte;
            case POINTER -> arg == null || arg instanceof Pointer || arg instanceof PointerType
                    || (arg instanceof Structure && !(arg instanceof Structure.ByValue));
            case GUID -> byValueOfSize(arg, 16);
            case STRUCT8 -> arg instanceof Long || byValueOfSize(arg, 8);
            case VOID -> false;
        };
    }

    private static boolean byValueOfSize(Object arg, int size) {
        return arg instanceof Structure.ByValue && ((Structure) arg).size() == size;
    }

    private static String describe(NativeKind kind) {
        return switch (kind) {
            case BOOL8 -> "BOOL8 (C++ bool)";
            case INT32 -> "INT32 (a 4-byte integer)";
            case INT64 -> "INT64 (an 8-byte integer)";
            case POINTER -> "POINTER";
            case GUID -> "GUID (a 16-byte VSS_ID by value)";
            case STRUCT8 -> "STRUCT8 (FILETIME by value)";
            case VOID -> "VOID";
        };
    }
}
