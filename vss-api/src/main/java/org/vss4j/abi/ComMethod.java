package org.vss4j.abi;

/**
 * A method of a COM vtable. Implemented only by the enums in {@code org.vss4j.abi.vtable}, each named exactly after its
 * COM interface, whose constants are the methods in slot order: the {@link #ordinal()} is the vtable slot.
 */
public interface ComMethod extends NativeDeclaration {

    /** The slot in the vtable; for the enums in this package, the enum ordinal. */
    int ordinal();

    /** The method name, spelled as in the Windows SDK headers. */
    String name();

    /** The vtable slot; an alias of {@link #ordinal()} that says what the number means. */
    default int slot() {
        return ordinal();
    }

    /** The COM interface that declares this vtable, e.g. {@code IVssBackupComponents}. */
    default String interfaceName() {
        return ((Enum<?>) this).getDeclaringClass().getSimpleName();
    }

    /**
     * The native signature, declared once on the constant from the SDK prototype its javadoc spells; checked against
     * the mingw-w64 headers by {@code SignatureConformanceTest}.
     */
    @Override
    default NativeSignature signature() {
        // Every enum of org.vss4j.abi.vtable overrides this (SignatureConformanceTest checks it); only tables the
        // binding never calls through, such as the simulator's MSXML one, may leave it out.
        throw new UnsupportedOperationException(qualifiedName() + " declares no native signature");
    }

    /** {@code Interface::Method}, as used in error messages. */
    @Override
    default String qualifiedName() {
        return interfaceName() + "::" + name();
    }
}
