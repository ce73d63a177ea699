package org.vss4j.abi;

import java.util.Objects;

/**
 * One number the mingw-w64 compiler computes for us: {@code sizeof(type)} or {@code offsetof(type, member)}, in bytes,
 * or the type class gcc gives {@code type} ({@link #typeClassOf}). Probes are values, so the same question asked by two
 * checks is compiled once.
 *
 * @param type   a C type name as spelled in the headers, e.g. {@code IVssAsyncVtbl} or {@code VSS_SNAPSHOT_PROP}
 * @param member a member of {@code type}, or {@code null} for {@code sizeof} and the type class
 * @param typeClass whether the question is the type class rather than a size or offset
 */
record LayoutProbe(String type, String member, boolean typeClass) {

    /** gcc's {@code integer_type_class} (gcc typeclass.h): every integer type, including enums and {@code char}. */
    static final long GCC_INTEGER_CLASS = 1;
    /** gcc's {@code boolean_type_class}: C {@code _Bool}. */
    static final long GCC_BOOLEAN_CLASS = 4;
    /** gcc's {@code pointer_type_class}. */
    static final long GCC_POINTER_CLASS = 5;
    /** gcc's {@code record_type_class}: a struct. */
    static final long GCC_RECORD_CLASS = 12;

    /** {@code sizeof(void *)}: 8 proves the values really come from an x64 compilation (8-byte pointers). */
    static final LayoutProbe POINTER_SIZE = sizeOf("void *");

    LayoutProbe {
        Objects.requireNonNull(type, "type");
    }

    static LayoutProbe sizeOf(String type) {
        return new LayoutProbe(type, null, false);
    }

    /**
     * {@code __builtin_classify_type(*(type *)0)}: gcc's class of {@code type} (gcc manual, "Other Builtins"), a
     * constant the compiler folds without evaluating the argument.
     */
    static LayoutProbe typeClassOf(String type) {
        return new LayoutProbe(type, null, true);
    }

    static LayoutProbe offsetOf(String type, String member) {
        return new LayoutProbe(type, Objects.requireNonNull(member, "member"), false);
    }

    boolean isSize() {
        return member == null && !typeClass;
    }

    /** The constant expression the generated C translation unit evaluates. */
    String cExpression() {
        if (typeClass) {
            return "__builtin_classify_type(*(" + type + " *)0)";
        }
        return isSize() ? "sizeof(" + type + ")" : "offsetof(" + type + ", " + member + ")";
    }
}
