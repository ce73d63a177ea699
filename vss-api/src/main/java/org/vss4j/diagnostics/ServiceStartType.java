package org.vss4j.diagnostics;

import org.vss4j.NativeEnum;

/** {@code QUERY_SERVICE_CONFIGW.dwStartType} (winsvc.h; Microsoft docs, "QUERY_SERVICE_CONFIGW structure"). */
public enum ServiceStartType implements NativeEnum {
    BOOT_START(0, "SERVICE_BOOT_START"),
    SYSTEM_START(1, "SERVICE_SYSTEM_START"),
    AUTO_START(2, "SERVICE_AUTO_START"),
    /** Started on demand: by the service control manager when a program asks, as COM does for the VSS service. */
    DEMAND_START(3, "SERVICE_DEMAND_START"),
    /** "A service that cannot be started": starting it fails with ERROR_SERVICE_DISABLED. */
    DISABLED(4, "SERVICE_DISABLED");

    private final int value;
    private final String nativeName;

    ServiceStartType(int value, String nativeName) {
        this.value = value;
        this.nativeName = nativeName;
    }

    @Override
    public int value() {
        return value;
    }

    @Override
    public String nativeName() {
        return nativeName;
    }
}
