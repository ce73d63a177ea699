package org.vss4j.sim.abi;

import org.vss4j.abi.AbiCatalog;
import org.vss4j.abi.ComMethod;

/**
 * The binding's declaration of a method the simulator implements: the constant of the vtable enum named after the
 * interface ({@link AbiCatalog#VTABLES}) with the method's name. The simulator lays its tables out from its own
 * {@link SlotTable}s and finds the declaration only by name, to hold each hand-written callback against the declared
 * signature ({@link VtableSpec#requireDeclared(ComMethod, Class, Class[])}).
 */
public final class Declarations {

    private Declarations() {
    }

    /**
     * The declaration of {@code interfaceName::method}.
     *
     * @param interfaceName the interface's name, e.g. {@code IVssAsync}
     * @param method the method's name, e.g. {@code Wait}
     * @return the binding's declaration of the method
     * @throws IllegalStateException if the binding declares no such interface or method
     */
    public static ComMethod of(String interfaceName, String method) {
        for (Class<? extends ComMethod> table : AbiCatalog.VTABLES) {
            if (table.getSimpleName().equals(interfaceName)) {
                for (ComMethod m : table.getEnumConstants()) {
                    if (m.name().equals(method)) {
                        return m;
                    }
                }
                throw new IllegalStateException(interfaceName + "::" + method + ": the binding's " + interfaceName
                        + " declares no such method");
            }
        }
        throw new IllegalStateException(interfaceName + "::" + method + ": the binding declares no vtable "
                + interfaceName);
    }

    /**
     * The declaration of the method of {@code slot}, by the interface that declares it and its name.
     *
     * @param slot the slot
     * @return the binding's declaration of the slot's method
     */
    public static ComMethod of(SlotTable.Slot slot) {
        return of(slot.declaredIn(), slot.name());
    }
}
