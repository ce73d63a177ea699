package org.vss4j.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Compares a vtable enum with mingw-w64's C vtable struct {@code <Interface>Vtbl} (the widl naming in vss.h,
 * vswriter.h, vsbackup.h, unknwnbase.h): every constant's ordinal equals
 * {@code offsetof(Vtbl, Method) / sizeof(void *)}, every name exists as spelled, and the struct has exactly as many
 * slots as the enum has constants. The slot count is {@code sizeof(Vtbl) / sizeof(void *)}, exact because a Vtbl
 * holds only function pointers and mingw-w64 defines {@code BEGIN_INTERFACE}/{@code END_INTERFACE} empty for gcc
 * (combaseapi.h).
 */
final class VtableCheck {

    private VtableCheck() {
    }

    static String vtblType(Class<? extends Enum<?>> vtable) {
        return vtable.getSimpleName() + "Vtbl";
    }

    static List<LayoutProbe> probes(Class<? extends Enum<?>> vtable) {
        List<LayoutProbe> probes = new ArrayList<>();
        probes.add(LayoutProbe.sizeOf(vtblType(vtable)));
        for (Enum<?> method : vtable.getEnumConstants()) {
            probes.add(LayoutProbe.offsetOf(vtblType(vtable), method.name()));
        }
        return probes;
    }

    /** Every mismatch, one precise sentence each; empty when the enum conforms. */
    static List<String> problems(Class<? extends Enum<?>> vtable, MingwLayout layout) {
        String iface = vtable.getSimpleName();
        String vtbl = vtblType(vtable);
        String where = layout.where(vtbl);
        long pointer = layout.pointerSize();
        List<String> problems = new ArrayList<>();
        OptionalLong size = layout.value(LayoutProbe.sizeOf(vtbl));
        if (size.isEmpty()) {
            problems.add(iface + ": the mingw-w64 headers declare no " + vtbl + " (searched " + ProbeSource.HEADERS
                    + "); the interface cannot be checked");
            return withHint(iface, problems);
        }
        Enum<?>[] methods = vtable.getEnumConstants();
        long slots = size.getAsLong() / pointer;
        if (size.getAsLong() % pointer != 0 || slots != methods.length) {
            problems.add(iface + ": Java enum has " + methods.length + " constants, mingw-w64 " + vtbl + " has "
                    + slots + " slots (" + layout.header(vtbl).orElse("?") + ", sizeof " + size.getAsLong() + ")");
        }
        for (Enum<?> method : methods) {
            OptionalLong offset = layout.value(LayoutProbe.offsetOf(vtbl, method.name()));
            String subject = iface + "." + method.name() + ": Java slot " + method.ordinal() + ", ";
            if (offset.isEmpty()) {
                problems.add(subject + "mingw-w64 has no such method (" + where + ")");
            } else if (offset.getAsLong() % pointer != 0) {
                problems.add(subject + "mingw-w64 byte offset " + offset.getAsLong() + " is not a slot (" + where
                        + ")");
            } else if (offset.getAsLong() / pointer != method.ordinal()) {
                problems.add(subject + "mingw-w64 slot " + offset.getAsLong() / pointer + " (" + where + ")");
            }
        }
        return withHint(iface, problems);
    }

    private static List<String> withHint(String iface, List<String> problems) {
        return MingwDeviations.hint(iface)
                .map(hint -> problems.stream().map(p -> p + hint).toList())
                .orElse(problems);
    }
}
