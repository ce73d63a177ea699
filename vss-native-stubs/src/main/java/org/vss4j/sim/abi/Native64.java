package org.vss4j.sim.abi;

/** Sizes of the Windows x64 ABI (the SDK's types on x64) that the simulated objects reproduce whatever the host is. */
final class Native64 {

    /** x64 pointer, 8 bytes: vtable entries are {@code slot * 8} apart. */
    static final int POINTER_SIZE = 8;

    private Native64() {
    }
}
