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

    /** A vtable to check: its interface, what states the order ("Java enum", "simulator table") and its methods. */
    record Declared(String iface, String source, List<String> methods) {
        static Declared of(Class<? extends Enum<?>> vtable) {
            List<String> names = new ArrayList<>();
            for (Enum<?> method : vtable.getEnumConstants()) {
                names.add(method.name());
            }
            return new Declared(vtable.getSimpleName(), "Java enum", names);
        }

        String vtbl() {
            return iface + "Vtbl";
        }
    }

    static List<LayoutProbe> probes(Class<? extends Enum<?>> vtable) {
        return probes(Declared.of(vtable));
    }

    static List<LayoutProbe> probes(Declared vtable) {
        List<LayoutProbe> probes = new ArrayList<>();
        probes.add(LayoutProbe.sizeOf(vtable.vtbl()));
        for (String method : vtable.methods()) {
            probes.add(LayoutProbe.offsetOf(vtable.vtbl(), method));
        }
        return probes;
    }

    /** Every mismatch, one precise sentence each; empty when the enum conforms. */
    static List<String> problems(Class<? extends Enum<?>> vtable, MingwLayout layout) {
        return problems(Declared.of(vtable), layout);
    }

    /** Every mismatch of a declared slot order, one precise sentence each; empty when it conforms. */
    static List<String> problems(Declared vtable, MingwLayout layout) {
        String iface = vtable.iface();
        String vtbl = vtable.vtbl();
        String where = layout.where(vtbl);
        long pointer = layout.pointerSize();
        List<String> problems = new ArrayList<>();
        OptionalLong size = layout.value(LayoutProbe.sizeOf(vtbl));
        if (size.isEmpty()) {
            problems.add(iface + ": the mingw-w64 headers declare no " + vtbl + " (searched " + ProbeSource.HEADERS
                    + "); the interface cannot be checked");
            return withHint(iface, problems);
        }
        List<String> methods = vtable.methods();
        long slots = size.getAsLong() / pointer;
        String kind = vtable.source().equals("Java enum") ? " constants" : " methods";
        if (size.getAsLong() % pointer != 0 || slots != methods.size()) {
            problems.add(iface + ": " + vtable.source() + " has " + methods.size() + kind + ", mingw-w64 " + vtbl
                    + " has " + slots + " slots (" + layout.header(vtbl).orElse("?") + ", sizeof "
                    + size.getAsLong() + ")");
        }
        String slotWord = vtable.source().equals("Java enum") ? "Java" : vtable.source();
        for (int i = 0; i < methods.size(); i++) {
            String method = methods.get(i);
            OptionalLong offset = layout.value(LayoutProbe.offsetOf(vtbl, method));
            String subject = iface + "." + method + ": " + slotWord + " slot " + i + ", ";
            if (offset.isEmpty()) {
                problems.add(subject + "mingw-w64 has no such method (" + where + ")");
            } else if (offset.getAsLong() % pointer != 0) {
                problems.add(subject + "mingw-w64 byte offset " + offset.getAsLong() + " is not a slot (" + where
                        + ")");
            } else if (offset.getAsLong() / pointer != i) {
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
