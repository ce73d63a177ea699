package org.vss4j.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The native signature of one vtable method or exported function, spelled from its Windows SDK prototype: the kind of
 * the return value and of each declared parameter. For a vtable method the implicit {@code this} (always a pointer,
 * always first) is not written; an exported function has none.
 *
 * @param returns    the return kind; {@link NativeKind#GUID} means a hidden result pointer ({@link #lowered()})
 * @param parameters the declared parameters, in order
 */
public record NativeSignature(NativeKind returns, List<NativeKind> parameters) {

    public NativeSignature {
        Objects.requireNonNull(returns, "returns");
        parameters = List.copyOf(parameters);
        if (parameters.contains(NativeKind.VOID)) {
            throw new IllegalArgumentException("void is a return kind only: " + parameters);
        }
    }

    public static NativeSignature of(NativeKind returns, NativeKind... parameters) {
        return new NativeSignature(returns, List.of(parameters));
    }

    /** Whether the caller passes a hidden result pointer after {@code this} (a member function returning a GUID). */
    public boolean hiddenResultPointer() {
        return returns == NativeKind.GUID;
    }

    /**
     * The signature as the machine sees it after {@code this}: a {@code GUID} result becomes a hidden
     * {@code VSS_ID *} first parameter and a pointer return (the same pointer, in RAX). This is also how the C
     * vtables of mingw-w64 spell such a method ({@code VSS_ID *(*GetCurrentSnapshotSetId)(IVssWriterImpl *This,
     * VSS_ID *__ret)}, vswriter.h).
     */
    public NativeSignature lowered() {
        if (!hiddenResultPointer()) {
            return this;
        }
        List<NativeKind> all = new ArrayList<>();
        all.add(NativeKind.POINTER);
        all.addAll(parameters);
        return new NativeSignature(NativeKind.POINTER, all);
    }

    /** {@code INT32(POINTER, INT32)}: the return kind, then the parameter kinds. */
    @Override
    public String toString() {
        return returns + parameters.toString().replace('[', '(').replace(']', ')');
    }
}
