package org.vss4j.abi;

/** The mingw-w64 compiler or headers are not installed, so the Windows x64 layout cannot be computed here. */
final class MingwUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    MingwUnavailableException(String reason) {
        super(reason);
    }
}
