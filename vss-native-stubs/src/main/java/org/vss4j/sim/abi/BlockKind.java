package org.vss4j.sim.abi;

/** What a tracked native block is, so a leak report and a wrong-allocator free can say it. */
public enum BlockKind {
    /** A BSTR from {@code SysAllocString}/{@code SysAllocStringLen}; freed with {@code SysFreeString}. */
    BSTR("BSTR", "SysFreeString"),
    /** A block from {@code CoTaskMemAlloc} (or a string VSS hands out through it); freed with {@code CoTaskMemFree}. */
    CO_TASK_MEM("CoTaskMem block", "CoTaskMemFree"),
    /**
     * A {@code VSS_SNAPSHOT_PROP} filled by {@code GetSnapshotProperties}: its six strings are owned by the caller until
     * {@code VssFreeSnapshotProperties} (Microsoft docs, "VSS_SNAPSHOT_PROP structure").
     */
    SNAPSHOT_PROPERTIES("VSS_SNAPSHOT_PROP strings", "VssFreeSnapshotProperties"),
    /** A search handle from {@code FindFirstFileW}; closed with {@code FindClose} (Microsoft docs, "FindClose"). */
    FIND_HANDLE("find handle", "FindClose"),
    /** An environment block from {@code CreateEnvironmentBlock}; freed with {@code DestroyEnvironmentBlock}. */
    ENVIRONMENT_BLOCK("environment block", "DestroyEnvironmentBlock"),
    /** A token handle from {@code OpenProcessToken}; closed with {@code CloseHandle}. */
    TOKEN_HANDLE("token handle", "CloseHandle"),
    /** A file or directory handle from {@code CreateFileW}; closed with {@code CloseHandle}. */
    FILE_HANDLE("file handle", "CloseHandle"),
    /**
     * The context {@code BackupRead} or {@code BackupWrite} allocates at its first call; freed by a last call with
     * {@code bAbort} TRUE (Microsoft docs, "BackupRead function").
     */
    BACKUP_CONTEXT("BackupRead/BackupWrite context", "BackupRead or BackupWrite with bAbort TRUE"),
    /** A handle from {@code OpenSCManagerW} or {@code OpenServiceW}; closed with {@code CloseServiceHandle}. */
    SERVICE_HANDLE("service handle", "CloseServiceHandle"),
    /** A registry key handle from {@code RegOpenKeyExW}; closed with {@code RegCloseKey}. */
    REGISTRY_KEY("registry key", "RegCloseKey");

    private final String description;
    private final String freeFunction;

    BlockKind(String description, String freeFunction) {
        this.description = description;
        this.freeFunction = freeFunction;
    }

    /**
     * What a block of this kind is called in a leak report.
     *
     * @return the description, e.g. {@code BSTR}
     */
    public String description() {
        return description;
    }

    /**
     * The function that must free a block of this kind.
     *
     * @return the function's name, e.g. {@code SysFreeString}
     */
    public String freeFunction() {
        return freeFunction;
    }
}
