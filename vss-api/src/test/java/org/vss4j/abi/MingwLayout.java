package org.vss4j.abi;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The Windows x64 layout mingw-w64 computed: a value for every probe the headers could answer, "absent" for every
 * probe they rejected (unknown type or member), and the header that declares each typedef.
 */
final class MingwLayout {

    private final Map<LayoutProbe, Long> values;
    private final Set<LayoutProbe> rejected;
    private final Map<String, String> headerByType;

    MingwLayout(Map<LayoutProbe, Long> values, Set<LayoutProbe> rejected, Map<String, String> headerByType) {
        this.values = Map.copyOf(values);
        this.rejected = Set.copyOf(rejected);
        this.headerByType = Map.copyOf(headerByType);
    }

    /** The value, or empty when the headers do not declare the type or member. */
    OptionalLong value(LayoutProbe probe) {
        Long value = values.get(probe);
        if (value != null) {
            return OptionalLong.of(value);
        }
        if (rejected.contains(probe)) {
            return OptionalLong.empty();
        }
        throw new IllegalArgumentException("probe was never compiled: " + probe.cExpression());
    }

    long pointerSize() {
        return value(LayoutProbe.POINTER_SIZE).orElseThrow();
    }

    /** The header file name declaring a typedef, e.g. {@code vsbackup.h}. */
    Optional<String> header(String type) {
        return Optional.ofNullable(headerByType.get(type));
    }

    /** {@code "vsbackup.h IVssBackupComponentsVtbl"}: the source of a fact, for failure messages. */
    String where(String type) {
        return header(type).map(h -> h + " " + type).orElse(type + ", declared in no header");
    }
}
