package org.vss4j.sim.vss;

import java.util.ArrayList;
import java.util.List;
import org.vss4j.abi.ComMethod;

/**
 * The slots of an interface that extends others by single inheritance, each taken from the interface that declares
 * it: the binding's vtable enums list every inherited slot again, so {@code IVssComponentEx2.values()} would name slot
 * 3 {@code IVssComponentEx2::GetLogicalPath}; fault plans and messages use the declaring interface's constant
 * ({@code IVssComponent::GetLogicalPath}). In the SDK headers each such interface's vtable starts with its base's
 * slots.
 */
final class SlotChain {

    private SlotChain() {
    }

    /** {@code chain} from the base to the most derived interface. */
    @SafeVarargs
    static List<ComMethod> of(Class<? extends ComMethod>... chain) {
        List<ComMethod> slots = new ArrayList<>();
        for (Class<? extends ComMethod> vtable : chain) {
            ComMethod[] all = vtable.getEnumConstants();
            for (int i = slots.size(); i < all.length; i++) {
                slots.add(all[i]);
            }
        }
        return slots;
    }
}
