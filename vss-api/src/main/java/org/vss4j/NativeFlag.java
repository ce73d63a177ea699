package org.vss4j;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** A Java enum whose constants are bits of a C flag mask; multi-bit convenience values are excluded when decoding. */
public interface NativeFlag extends NativeEnum {

    /** The single-bit constants of {@code type} set in {@code mask}. */
    static <E extends Enum<E> & NativeFlag> Set<E> decode(Class<E> type, int mask) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E e : type.getEnumConstants()) {
            int v = e.value();
            if (Integer.bitCount(v) == 1 && (mask & v) == v) {
                set.add(e);
            }
        }
        return set;
    }

    /** The OR of the values of {@code flags}. */
    static int encode(Collection<? extends NativeFlag> flags) {
        int mask = 0;
        for (NativeFlag f : flags) {
            mask |= f.value();
        }
        return mask;
    }
}
