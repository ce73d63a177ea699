package org.vss4j.abi;

import java.util.Objects;

/**
 * One number the mingw-w64 compiler computes for us: {@code sizeof(type)} or {@code offsetof(type, member)}, in bytes.
 * Probes are values, so the same question asked by two checks is compiled once.
 *
 * @param type   a C type name as spelled in the headers, e.g. {@code IVssAsyncVtbl} or {@code VSS_SNAPSHOT_PROP}
 * @param member a member of {@code type}, or {@code null} for {@code sizeof}
 */
record LayoutProbe(String type, String member) {

    /** {@code sizeof(void *)}: 8 proves the values really come from an x64 compilation (8-byte pointers). */
    static final LayoutProbe POINTER_SIZE = sizeOf("void *");

    LayoutProbe {
        Objects.requireNonNull(type, "type");
    }

    static LayoutProbe sizeOf(String type) {
        return new LayoutProbe(type, null);
    }

    static LayoutProbe offsetOf(String type, String member) {
        return new LayoutProbe(type, Objects.requireNonNull(member, "member"));
    }

    boolean isSize() {
        return member == null;
    }

    /** The constant expression the generated C translation unit evaluates. */
    String cExpression() {
        return isSize() ? "sizeof(" + type + ")" : "offsetof(" + type + ", " + member + ")";
    }
}
