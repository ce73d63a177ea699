package org.vss4j.abi;

import com.sun.jna.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Compares a JNA structure with the C type it mirrors: each Java field (named exactly like the C member) at
 * {@code offsetof}, {@code size()} equal to {@code sizeof}, and the declared {@code @NativeStruct.x64Size} equal to
 * both. For a union ({@code VSS_OBJECT_UNION}) every member is at offset 0 and the size is the largest member's.
 */
final class StructCheck {

    private StructCheck() {
    }

    static List<LayoutProbe> probes(Class<? extends Structure> struct) {
        List<LayoutProbe> probes = new ArrayList<>();
        NativeType.of(struct).ifPresent(type -> {
            probes.add(LayoutProbe.sizeOf(type.cName()));
            for (String field : JnaLayout.of(struct).fieldNames()) {
                probes.add(LayoutProbe.offsetOf(type.cName(), field));
            }
        });
        return probes;
    }

    /** Every mismatch, one precise sentence each; empty when the structure conforms. */
    static List<String> problems(Class<? extends Structure> struct, MingwLayout layout) {
        Optional<NativeType> declared = NativeType.of(struct);
        if (declared.isEmpty()) {
            return List.of(struct.getName() + ": no @NativeStruct naming its C type, so its layout cannot be checked");
        }
        NativeType type = declared.get();
        String subject = type.cName() + " (" + struct.getSimpleName() + ")";
        String where = layout.where(type.cName());
        JnaLayout jna = JnaLayout.of(struct);
        List<String> problems = new ArrayList<>();
        OptionalLong size = layout.value(LayoutProbe.sizeOf(type.cName()));
        if (size.isEmpty()) {
            return List.of(subject + ": the mingw-w64 headers declare no " + type.cName() + " (searched "
                    + ProbeSource.HEADERS + ")");
        }
        if (jna.size() != size.getAsLong()) {
            problems.add(subject + ": JNA size() " + jna.size() + ", mingw-w64 sizeof " + size.getAsLong() + " ("
                    + where + ")");
        }
        if (type.x64Size() != size.getAsLong()) {
            problems.add(subject + ": declared x64 size " + type.x64Size() + ", mingw-w64 sizeof " + size.getAsLong()
                    + " (" + where + ")");
        }
        for (String field : jna.fieldNames()) {
            OptionalLong offset = layout.value(LayoutProbe.offsetOf(type.cName(), field));
            String fieldSubject = type.cName() + "." + field + " (" + struct.getSimpleName() + "): JNA offset "
                    + jna.offset(field) + ", ";
            if (offset.isEmpty()) {
                problems.add(fieldSubject + "mingw-w64 has no such member (" + where + ")");
            } else if (offset.getAsLong() != jna.offset(field)) {
                problems.add(fieldSubject + "mingw-w64 offset " + offset.getAsLong() + " (" + where + ")");
            }
        }
        return problems;
    }
}
