package org.vss4j.com;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vss4j.spi.NativeModule;
import org.vss4j.spi.NativeProviders;
import org.vss4j.spi.VssNativeProvider;

/**
 * Typed calls to the exported functions the binding uses, resolved by export name through the provider seam.
 *
 * <p>Export names: {@code vsbackup.h} and mingw-w64's {@code vssapi.def} ({@code …Internal} are the real exports behind
 * the SDK's inline {@code CreateVssBackupComponents} etc.), ole32/oleaut32 as documented by Microsoft.
 */
public final class Exports {

    public static final String CREATE_VSS_BACKUP_COMPONENTS = "CreateVssBackupComponentsInternal";
    public static final String CREATE_VSS_EXAMINE_WRITER_METADATA = "CreateVssExamineWriterMetadataInternal";
    public static final String VSS_FREE_SNAPSHOT_PROPERTIES = "VssFreeSnapshotPropertiesInternal";
    public static final String CREATE_WRITER = "CreateWriter";
    public static final String CREATE_WRITER_EX = "CreateWriterEx";
    public static final String SYS_ALLOC_STRING = "SysAllocString";
    public static final String SYS_ALLOC_STRING_LEN = "SysAllocStringLen";
    public static final String SYS_FREE_STRING = "SysFreeString";
    public static final String SYS_STRING_LEN = "SysStringLen";
    public static final String CO_TASK_MEM_ALLOC = "CoTaskMemAlloc";
    public static final String CO_TASK_MEM_FREE = "CoTaskMemFree";
    public static final String CO_INITIALIZE_EX = "CoInitializeEx";
    public static final String CO_INITIALIZE_SECURITY = "CoInitializeSecurity";
    public static final String CO_UNINITIALIZE = "CoUninitialize";
    public static final String CREATE_SYMBOLIC_LINK = "CreateSymbolicLinkW";
    public static final String FIND_FIRST_FILE = "FindFirstFileW";
    public static final String FIND_NEXT_FILE = "FindNextFileW";
    public static final String FIND_CLOSE = "FindClose";
    public static final String GET_LOGICAL_DRIVES = "GetLogicalDrives";
    public static final String GET_VOLUME_PATH_NAME = "GetVolumePathNameW";
    public static final String GET_VOLUME_NAME_FOR_VOLUME_MOUNT_POINT = "GetVolumeNameForVolumeMountPointW";
    public static final String GET_LONG_PATH_NAME = "GetLongPathNameW";
    public static final String CREATE_ENVIRONMENT_BLOCK = "CreateEnvironmentBlock";
    public static final String DESTROY_ENVIRONMENT_BLOCK = "DestroyEnvironmentBlock";
    public static final String CLOSE_HANDLE = "CloseHandle";
    public static final String OPEN_PROCESS_TOKEN = "OpenProcessToken";
    public static final String GET_TOKEN_INFORMATION = "GetTokenInformation";
    public static final String LOOKUP_PRIVILEGE_NAME = "LookupPrivilegeNameW";
    public static final String OPEN_SC_MANAGER = "OpenSCManagerW";
    public static final String OPEN_SERVICE = "OpenServiceW";
    public static final String QUERY_SERVICE_STATUS = "QueryServiceStatus";
    public static final String QUERY_SERVICE_CONFIG = "QueryServiceConfigW";
    public static final String CLOSE_SERVICE_HANDLE = "CloseServiceHandle";
    public static final String REG_OPEN_KEY_EX = "RegOpenKeyExW";
    public static final String REG_ENUM_VALUE = "RegEnumValueW";
    public static final String REG_CLOSE_KEY = "RegCloseKey";

    /** {@code INVALID_HANDLE_VALUE} (handleapi.h): {@code (HANDLE)(LONG_PTR)-1}, what FindFirstFileW returns on failure. */
    public static final long INVALID_HANDLE_VALUE = -1L;
    /**
     * The pseudo handle of the current process: "a special constant, currently (HANDLE)-1" (Microsoft docs,
     * "GetCurrentProcess function"), passed to {@link #openProcessToken} without calling GetCurrentProcess.
     */
    public static final long CURRENT_PROCESS = -1L;
    /**
     * {@code HKEY_LOCAL_MACHINE} (winreg.h): {@code (HKEY)(ULONG_PTR)((LONG)0x80000002)}, so sign-extended on x64 to
     * {@code 0xFFFFFFFF80000002}.
     */
    public static final long HKEY_LOCAL_MACHINE = 0xFFFFFFFF80000002L;

    private static volatile Exports current;

    private final VssNativeProvider provider;
    private final Map<String, Function> functions = new ConcurrentHashMap<>();

    Exports(VssNativeProvider provider) {
        this.provider = provider;
    }

    /** The exports of the provider chosen for this process. */
    public static Exports current() {
        Exports e = current;
        if (e == null) {
            synchronized (Exports.class) {
                if (current == null) {
                    current = new Exports(NativeProviders.current());
                }
                e = current;
            }
        }
        return e;
    }

    /** The calling thread's Win32 last error after the last kernel32 call ({@link VssNativeProvider#lastError()}). */
    public int lastError() {
        return provider.lastError();
    }

    /** The provider these exports come from. */
    public VssNativeProvider provider() {
        return provider;
    }

    private Function fn(NativeModule module, String name) {
        return functions.computeIfAbsent(module + "!" + name, k -> provider.function(module, name));
    }

    /** {@code HRESULT CreateVssBackupComponentsInternal(IVssBackupComponents **ppBackup)}. */
    public int createVssBackupComponents(PointerByReference out) {
        return fn(NativeModule.VSSAPI, CREATE_VSS_BACKUP_COMPONENTS).invokeInt(new Object[] {out});
    }

    /** {@code HRESULT CreateVssExamineWriterMetadataInternal(BSTR bstrXML, IVssExamineWriterMetadata **ppMetadata)}. */
    public int createVssExamineWriterMetadata(Pointer bstrXml, PointerByReference out) {
        return fn(NativeModule.VSSAPI, CREATE_VSS_EXAMINE_WRITER_METADATA).invokeInt(new Object[] {bstrXml, out});
    }

    /** {@code void VssFreeSnapshotPropertiesInternal(VSS_SNAPSHOT_PROP *pProp)}: frees the six string members. */
    public void vssFreeSnapshotProperties(Pointer prop) {
        fn(NativeModule.VSSAPI, VSS_FREE_SNAPSHOT_PROPERTIES).invokeVoid(new Object[] {prop});
    }

    /** {@code HRESULT CreateWriter(CVssWriter *pWriter, IVssWriterImpl **ppImpl)} (vswriter.h). */
    public int createWriter(Pointer writer, PointerByReference impl) {
        return fn(NativeModule.VSSAPI, CREATE_WRITER).invokeInt(new Object[] {writer, impl});
    }

    /**
     * {@code HRESULT CreateWriterEx(CVssWriterEx *pWriter, IVssWriterImpl **ppImpl)} (vswriter.h): what the SDK's
     * {@code CVssWriterEx::Initialize} calls; the implementation then calls the object back through the longer
     * {@code CVssWriterEx} vtable. Exported by vssapi.dll under that name (mingw-w64's vssapi import library too).
     */
    public int createWriterEx(Pointer writer, PointerByReference impl) {
        return fn(NativeModule.VSSAPI, CREATE_WRITER_EX).invokeInt(new Object[] {writer, impl});
    }

    /** {@code BSTR SysAllocStringLen(const OLECHAR *strIn, UINT ui)}. */
    public Pointer sysAllocStringLen(Pointer chars, int length) {
        return fn(NativeModule.OLEAUT32, SYS_ALLOC_STRING_LEN).invokePointer(new Object[] {chars, length});
    }

    /** {@code void SysFreeString(BSTR bstrString)}; NULL is allowed. */
    public void sysFreeString(Pointer bstr) {
        fn(NativeModule.OLEAUT32, SYS_FREE_STRING).invokeVoid(new Object[] {bstr});
    }

    /** {@code UINT SysStringLen(BSTR pbstr)}: length in UTF-16 code units, without the terminator. */
    public int sysStringLen(Pointer bstr) {
        return fn(NativeModule.OLEAUT32, SYS_STRING_LEN).invokeInt(new Object[] {bstr});
    }

    /** {@code LPVOID CoTaskMemAlloc(SIZE_T cb)}. */
    public Pointer coTaskMemAlloc(long size) {
        return fn(NativeModule.OLE32, CO_TASK_MEM_ALLOC).invokePointer(new Object[] {size});
    }

    /** {@code void CoTaskMemFree(LPVOID pv)}; NULL is allowed. */
    public void coTaskMemFree(Pointer p) {
        fn(NativeModule.OLE32, CO_TASK_MEM_FREE).invokeVoid(new Object[] {p});
    }

    /** {@code HRESULT CoInitializeEx(LPVOID pvReserved, DWORD dwCoInit)}. */
    public int coInitializeEx(int coInit) {
        return fn(NativeModule.OLE32, CO_INITIALIZE_EX).invokeInt(new Object[] {null, coInit});
    }

    /**
     * {@code HRESULT CoInitializeSecurity(PSECURITY_DESCRIPTOR, LONG cAuthSvc, SOLE_AUTHENTICATION_SERVICE*, void*,
     * DWORD dwAuthnLevel, DWORD dwImpLevel, void *pAuthList, DWORD dwCapabilities, void*)}.
     */
    public int coInitializeSecurity(int authnLevel, int impLevel, int capabilities) {
        return fn(NativeModule.OLE32, CO_INITIALIZE_SECURITY).invokeInt(
                new Object[] {null, -1, null, null, authnLevel, impLevel, null, capabilities, null});
    }

    /** {@code void CoUninitialize()}. */
    public void coUninitialize() {
        fn(NativeModule.OLE32, CO_UNINITIALIZE).invokeVoid(new Object[0]);
    }

    /**
     * {@code BOOLEAN CreateSymbolicLinkW(LPCWSTR lpSymlinkFileName, LPCWSTR lpTargetFileName, DWORD dwFlags)}: returns
     * 0 on failure, with the Win32 error in {@code GetLastError} (read through {@link #lastError()}). The result is a one-byte BOOLEAN: only AL is defined.
     */
    public boolean createSymbolicLink(Pointer link, Pointer target, int flags) {
        Object ok = fn(NativeModule.KERNEL32, CREATE_SYMBOLIC_LINK).invoke(Byte.class, new Object[] {link, target, flags});
        return ((Byte) ok) != 0;
    }

    /**
     * {@code HANDLE FindFirstFileW(LPCWSTR lpFileName, LPWIN32_FIND_DATAW lpFindFileData)}: the first entry matching
     * {@code lpFileName} (a directory followed by {@code \*} lists it). {@link #INVALID_HANDLE_VALUE} on failure, with
     * the Win32 error in {@link #lastError()}. The handle is closed with {@link #findClose}.
     */
    public Pointer findFirstFile(Pointer fileName, Pointer findData) {
        return fn(NativeModule.KERNEL32, FIND_FIRST_FILE).invokePointer(new Object[] {fileName, findData});
    }

    /**
     * {@code BOOL FindNextFileW(HANDLE hFindFile, LPWIN32_FIND_DATAW lpFindFileData)}: false at the end
     * ({@code ERROR_NO_MORE_FILES}) or on failure. BOOL is 4 bytes.
     */
    public boolean findNextFile(Pointer handle, Pointer findData) {
        return fn(NativeModule.KERNEL32, FIND_NEXT_FILE).invokeInt(new Object[] {handle, findData}) != 0;
    }

    /** {@code BOOL FindClose(HANDLE hFindFile)}. */
    public boolean findClose(Pointer handle) {
        return fn(NativeModule.KERNEL32, FIND_CLOSE).invokeInt(new Object[] {handle}) != 0;
    }

    /**
     * {@code DWORD GetLogicalDrives(void)} (fileapi.h): the drive letters in use as a bitmask, bit 0 for {@code A:},
     * bit 25 for {@code Z:}; 0 on failure, with the Win32 error in {@link #lastError()}.
     */
    public int getLogicalDrives() {
        return fn(NativeModule.KERNEL32, GET_LOGICAL_DRIVES).invokeInt(new Object[0]);
    }

    /**
     * {@code BOOL GetVolumePathNameW(LPCWSTR lpszFileName, LPWSTR lpszVolumePathName, DWORD cchBufferLength)}: the
     * mount point {@code fileName} lives on, with a trailing backslash, into a buffer of {@code bufferChars} UTF-16
     * units (Microsoft docs, "GetVolumePathNameW function"). False on failure, with the Win32 error in
     * {@link #lastError()}. Both strings are UTF-16LE ({@link Utf16}), never the host's {@code wchar_t}.
     */
    public boolean getVolumePathName(Pointer fileName, Pointer volumePathName, int bufferChars) {
        return fn(NativeModule.KERNEL32, GET_VOLUME_PATH_NAME)
                .invokeInt(new Object[] {fileName, volumePathName, bufferChars}) != 0;
    }

    /**
     * {@code BOOL GetVolumeNameForVolumeMountPointW(LPCWSTR lpszVolumeMountPoint, LPWSTR lpszVolumeName,
     * DWORD cchBufferLength)}: the volume GUID path {@code \\?\Volume{GUID}\} of a drive root or mounted folder
     * given with its trailing backslash (Microsoft docs, "GetVolumeNameForVolumeMountPointW function"). False on
     * failure, with the Win32 error in {@link #lastError()}.
     */
    public boolean getVolumeNameForVolumeMountPoint(Pointer mountPoint, Pointer volumeName, int bufferChars) {
        return fn(NativeModule.KERNEL32, GET_VOLUME_NAME_FOR_VOLUME_MOUNT_POINT)
                .invokeInt(new Object[] {mountPoint, volumeName, bufferChars}) != 0;
    }

    /**
     * {@code DWORD GetLongPathNameW(LPCWSTR lpszShortPath, LPWSTR lpszLongPath, DWORD cchBuffer)} (fileapi.h): the
     * long form of an existing path, every 8.3 name in it replaced by its long name (Microsoft docs,
     * "GetLongPathNameW function"). Returns the length copied without the terminating NUL; if {@code bufferChars}
     * is too small, the size needed including the NUL (nothing is copied); 0 on failure ("such as if the file does
     * not exist"), with the Win32 error in {@link #lastError()}. A DWORD: compare it unsigned.
     */
    public int getLongPathName(Pointer shortPath, Pointer longPath, int bufferChars) {
        return fn(NativeModule.KERNEL32, GET_LONG_PATH_NAME).invokeInt(new Object[] {shortPath, longPath, bufferChars});
    }

    /**
     * {@code BOOL CreateEnvironmentBlock(LPVOID *lpEnvironment, HANDLE hToken, BOOL bInherit)} (userenv.h): with a NULL
     * token "the returned environment block contains system variables only" (Microsoft docs, "CreateEnvironmentBlock
     * function"); the block is UTF-16 {@code NAME=VALUE} strings ending with an empty one, freed with
     * {@link #destroyEnvironmentBlock}. False on failure, with the Win32 error in {@link #lastError()}.
     */
    public boolean createEnvironmentBlock(PointerByReference environment, Pointer token, boolean inherit) {
        return fn(NativeModule.USERENV, CREATE_ENVIRONMENT_BLOCK)
                .invokeInt(new Object[] {environment, token, inherit ? 1 : 0}) != 0;
    }

    /** {@code BOOL DestroyEnvironmentBlock(LPVOID lpEnvironment)} (userenv.h). */
    public boolean destroyEnvironmentBlock(Pointer environment) {
        return fn(NativeModule.USERENV, DESTROY_ENVIRONMENT_BLOCK).invokeInt(new Object[] {environment}) != 0;
    }

    /** {@code BOOL CloseHandle(HANDLE hObject)} (handleapi.h): closes a token handle of {@link #openProcessToken}. */
    public boolean closeHandle(Pointer handle) {
        return fn(NativeModule.KERNEL32, CLOSE_HANDLE).invokeInt(new Object[] {handle}) != 0;
    }

    /**
     * {@code BOOL OpenProcessToken(HANDLE ProcessHandle, DWORD DesiredAccess, PHANDLE TokenHandle)} (processthreadsapi.h;
     * exported by advapi32): the access token of {@code process} ({@link #CURRENT_PROCESS} for this one), closed with
     * {@link #closeHandle}. False on failure, with the Win32 error in {@link #lastError()}.
     */
    public boolean openProcessToken(Pointer process, int desiredAccess, PointerByReference token) {
        return fn(NativeModule.ADVAPI32, OPEN_PROCESS_TOKEN).invokeInt(new Object[] {process, desiredAccess, token})
                != 0;
    }

    /**
     * {@code BOOL GetTokenInformation(HANDLE TokenHandle, TOKEN_INFORMATION_CLASS TokenInformationClass,
     * LPVOID TokenInformation, DWORD TokenInformationLength, PDWORD ReturnLength)} (securitybaseapi.h): the
     * structure of {@code infoClass} into {@code info}; {@code returnLength} receives the size needed. False on
     * failure ({@code ERROR_INSUFFICIENT_BUFFER} when {@code length} is too small).
     */
    public boolean getTokenInformation(Pointer token, int infoClass, Pointer info, int length,
            IntByReference returnLength) {
        return fn(NativeModule.ADVAPI32, GET_TOKEN_INFORMATION)
                .invokeInt(new Object[] {token, infoClass, info, length, returnLength}) != 0;
    }

    /**
     * {@code BOOL LookupPrivilegeNameW(LPCWSTR lpSystemName, PLUID lpLuid, LPWSTR lpName, LPDWORD cchName)}
     * (winbase.h): the name ({@code SeBackupPrivilege}) of the privilege {@code luid} on the local system
     * ({@code systemName} NULL), as UTF-16 into {@code name}, a buffer of {@code cchName} characters; on return
     * {@code cchName} holds the name's length, or the size needed when the buffer is too small.
     */
    public boolean lookupPrivilegeName(Pointer systemName, Pointer luid, Pointer name, IntByReference cchName) {
        return fn(NativeModule.ADVAPI32, LOOKUP_PRIVILEGE_NAME)
                .invokeInt(new Object[] {systemName, luid, name, cchName}) != 0;
    }

    /**
     * {@code SC_HANDLE OpenSCManagerW(LPCWSTR lpMachineName, LPCWSTR lpDatabaseName, DWORD dwDesiredAccess)}
     * (winsvc.h): NULL on failure, with the Win32 error in {@link #lastError()}; closed with
     * {@link #closeServiceHandle}.
     */
    public Pointer openSCManager(Pointer machineName, Pointer databaseName, int desiredAccess) {
        return fn(NativeModule.ADVAPI32, OPEN_SC_MANAGER)
                .invokePointer(new Object[] {machineName, databaseName, desiredAccess});
    }

    /** {@code SC_HANDLE OpenServiceW(SC_HANDLE hSCManager, LPCWSTR lpServiceName, DWORD dwDesiredAccess)}. */
    public Pointer openService(Pointer scManager, Pointer serviceName, int desiredAccess) {
        return fn(NativeModule.ADVAPI32, OPEN_SERVICE).invokePointer(new Object[] {scManager, serviceName,
            desiredAccess});
    }

    /** {@code BOOL QueryServiceStatus(SC_HANDLE hService, LPSERVICE_STATUS lpServiceStatus)}: 28 bytes. */
    public boolean queryServiceStatus(Pointer service, Pointer status) {
        return fn(NativeModule.ADVAPI32, QUERY_SERVICE_STATUS).invokeInt(new Object[] {service, status}) != 0;
    }

    /**
     * {@code BOOL QueryServiceConfigW(SC_HANDLE hService, LPQUERY_SERVICE_CONFIGW lpServiceConfig, DWORD cbBufSize,
     * LPDWORD pcbBytesNeeded)}: the structure and its strings in one buffer; {@code ERROR_INSUFFICIENT_BUFFER} with
     * the size needed in {@code bytesNeeded} when {@code bufSize} is too small.
     */
    public boolean queryServiceConfig(Pointer service, Pointer config, int bufSize, IntByReference bytesNeeded) {
        return fn(NativeModule.ADVAPI32, QUERY_SERVICE_CONFIG)
                .invokeInt(new Object[] {service, config, bufSize, bytesNeeded}) != 0;
    }

    /** {@code BOOL CloseServiceHandle(SC_HANDLE hSCObject)}. */
    public boolean closeServiceHandle(Pointer handle) {
        return fn(NativeModule.ADVAPI32, CLOSE_SERVICE_HANDLE).invokeInt(new Object[] {handle}) != 0;
    }

    /**
     * {@code LSTATUS RegOpenKeyExW(HKEY hKey, LPCWSTR lpSubKey, DWORD ulOptions, REGSAM samDesired, PHKEY phkResult)}
     * (winreg.h): the Win32 error code itself ({@code ERROR_SUCCESS} = 0), not set as the last error.
     */
    public int regOpenKeyEx(Pointer key, Pointer subKey, int options, int samDesired, PointerByReference result) {
        return fn(NativeModule.ADVAPI32, REG_OPEN_KEY_EX)
                .invokeInt(new Object[] {key, subKey, options, samDesired, result});
    }

    /**
     * {@code LSTATUS RegEnumValueW(HKEY hKey, DWORD dwIndex, LPWSTR lpValueName, LPDWORD lpcchValueName,
     * LPDWORD lpReserved, LPDWORD lpType, LPBYTE lpData, LPDWORD lpcbData)}: value {@code index} of the key, its name
     * as UTF-16 (the name buffer's size and the name's length in characters), its type and data (sizes in bytes);
     * {@code ERROR_NO_MORE_ITEMS} past the last, {@code ERROR_MORE_DATA} when a buffer is too small.
     */
    public int regEnumValue(Pointer key, int index, Pointer name, IntByReference cchName, IntByReference type,
            Pointer data, IntByReference cbData) {
        return fn(NativeModule.ADVAPI32, REG_ENUM_VALUE)
                .invokeInt(new Object[] {key, index, name, cchName, null, type, data, cbData});
    }

    /** {@code LSTATUS RegCloseKey(HKEY hKey)}. */
    public int regCloseKey(Pointer key) {
        return fn(NativeModule.ADVAPI32, REG_CLOSE_KEY).invokeInt(new Object[] {key});
    }
}
