package org.vss4j.diagnostics;

import org.vss4j.NativeEnum;

/** {@code SERVICE_STATUS.dwCurrentState} (winsvc.h; Microsoft docs, "SERVICE_STATUS structure"). */
public enum ServiceState implements NativeEnum {
    STOPPED(1, "SERVICE_STOPPED"),
    START_PENDING(2, "SERVICE_START_PENDING"),
    STOP_PENDING(3, "SERVICE_STOP_PENDING"),
    RUNNING(4, "SERVICE_RUNNING"),
    CONTINUE_PENDING(5, "SERVICE_CONTINUE_PENDING"),
    PAUSE_PENDING(6, "SERVICE_PAUSE_PENDING"),
    PAUSED(7, "SERVICE_PAUSED");

    private final int value;
    private final String nativeName;

    ServiceState(int value, String nativeName) {
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
