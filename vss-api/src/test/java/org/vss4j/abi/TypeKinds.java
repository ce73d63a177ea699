package org.vss4j.abi;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@link NativeKind} of each C type, from what the compiler says about it ({@code sizeof} and gcc's type class,
 * {@link LayoutProbe#typeClassOf}), never from its name: a typedef that changed its size or became a struct would be
 * classified by what it now is. The one exception is {@code void}, a keyword that has no size.
 */
final class TypeKinds {

    private final Map<String, Optional<NativeKind>> kinds;

    TypeKinds(Map<String, Optional<NativeKind>> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    /** The probes that classify {@code types}: a size and a type class each. */
    static List<LayoutProbe> probes(Iterable<String> types) {
        Set<LayoutProbe> probes = new LinkedHashSet<>();
        for (String type : types) {
            if (!type.equals("void")) {
                probes.add(LayoutProbe.sizeOf(type));
                probes.add(LayoutProbe.typeClassOf(type));
            }
        }
        return List.copyOf(probes);
    }

    static TypeKinds of(Iterable<String> types, MingwLayout layout) {
        Map<String, Optional<NativeKind>> kinds = new LinkedHashMap<>();
        for (String type : types) {
            if (type.equals("void")) {
                kinds.put(type, Optional.of(NativeKind.VOID));
                continue;
            }
            OptionalLong size = layout.value(LayoutProbe.sizeOf(type));
            OptionalLong typeClass = layout.value(LayoutProbe.typeClassOf(type));
            kinds.put(type, size.isPresent() && typeClass.isPresent()
                    ? classify(size.getAsLong(), typeClass.getAsLong()) : Optional.empty());
        }
        return new TypeKinds(kinds);
    }

    /**
     * Windows x64 passes integers, enums and pointers in one 8-byte slot and aggregates of 8 bytes as if they were
     * integers; a 16-byte aggregate goes by reference (Microsoft docs, "x64 calling convention"). {@code bool},
     * {@code boolean} and C {@code _Bool} are all one byte.
     */
    static Optional<NativeKind> classify(long size, long gccTypeClass) {
        boolean integer = gccTypeClass == LayoutProbe.GCC_INTEGER_CLASS
                || gccTypeClass == LayoutProbe.GCC_BOOLEAN_CLASS;
        if (gccTypeClass == LayoutProbe.GCC_POINTER_CLASS && size == 8) {
            return Optional.of(NativeKind.POINTER);
        }
        if (integer && size == 1) {
            return Optional.of(NativeKind.BOOL8);
        }
        if (integer && size == 4) {
            return Optional.of(NativeKind.INT32);
        }
        if (integer && size == 8) {
            return Optional.of(NativeKind.INT64);
        }
        if (gccTypeClass == LayoutProbe.GCC_RECORD_CLASS && size == 8) {
            return Optional.of(NativeKind.STRUCT8);
        }
        if (gccTypeClass == LayoutProbe.GCC_RECORD_CLASS && size == 16) {
            return Optional.of(NativeKind.GUID);
        }
        return Optional.empty();
    }

    /** The kind of a type, or empty when the headers do not declare it or it fits no kind. */
    Optional<NativeKind> kind(String type) {
        Optional<NativeKind> kind = kinds.get(type);
        if (kind == null) {
            throw new IllegalArgumentException("type was never classified: " + type);
        }
        return kind;
    }
}
