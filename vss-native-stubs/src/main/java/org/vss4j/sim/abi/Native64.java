package org.vss4j.sim.abi;

/** Sizes of the Windows x64 ABI that the simulated objects reproduce whatever the host is (reference section 1). */
final class Native64 {

    /** x64 pointer: vtable entries are {@code slot * 8} apart (reference section 1, conventions). */
    static final int POINTER_SIZE = 8;

    private Native64() {
    }
}
