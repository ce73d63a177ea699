package org.vss4j.spi;

/** The Windows DLLs whose exports the binding calls. A provider resolves an export by this module and its name. */
public enum NativeModule {
    /** {@code vssapi.dll}: VSS requester/writer entry points. */
    VSSAPI("vssapi"),
    /** {@code ole32.dll}: COM initialisation and the CoTaskMem allocator. */
    OLE32("ole32"),
    /** {@code oleaut32.dll}: the BSTR allocator. */
    OLEAUT32("oleaut32"),
    /** {@code kernel32.dll}: links to shadow copy devices, volume names, directory enumeration (simulated elsewhere). */
    KERNEL32("kernel32"),
    /** {@code userenv.dll}: the machine-scope environment ({@code CreateEnvironmentBlock}). */
    USERENV("userenv"),
    /** {@code advapi32.dll}: the process token, the service control manager and the registry ({@code vss doctor}). */
    ADVAPI32("advapi32");

    private final String libraryName;

    NativeModule(String libraryName) {
        this.libraryName = libraryName;
    }

    /** The library name as JNA loads it ({@code vssapi} for {@code vssapi.dll}). */
    public String libraryName() {
        return libraryName;
    }
}
