package org.vss4j.abi;

/**
 * A native function the binding calls, with its signature declared once as data: a vtable method ({@link ComMethod})
 * or an exported function ({@link NativeExport}). {@link CallCheck} checks every call against it, and the simulator
 * builds its callback from it.
 */
public interface NativeDeclaration {

    /** {@code Interface::Method} for a vtable method, {@code module!Function} for an export; used in error messages. */
    String qualifiedName();

    /** The native signature, spelled from the Windows SDK prototype. */
    NativeSignature signature();
}
