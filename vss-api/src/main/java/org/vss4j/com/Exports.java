package org.vss4j.com;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vss4j.abi.CallCheck;
import org.vss4j.abi.NativeExport;
import org.vss4j.spi.NativeProviders;
import org.vss4j.spi.VssNativeProvider;

/**
 * Typed calls to the exported functions the binding uses ({@link NativeExport}: each one's module, name and declared
 * signature), resolved through the provider seam, every call checked against the declaration ({@link #call}).
 *
 * <p>Export names: {@code vsbackup.h} and mingw-w64's {@code vssapi.def} ({@code …Internal} are the real exports behind
 * the SDK's inline {@code CreateVssBackupComponents} etc.), ole32/oleaut32 as documented by Microsoft.
 */
public final class Exports {


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
    private final Map<NativeExport, Function> functions = new ConcurrentHashMap<>();

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

    /**
     * Calls {@code export} with {@code args}, reading its result as {@code returnType} ({@code Integer} for the 4-byte
     * results, {@code Byte} for a one-byte {@code BOOLEAN}, {@code Pointer}, {@code void}). Both are checked against
     * the export's declared signature first ({@link CallCheck}): a wrong count or kind is an
     * {@link IllegalArgumentException} naming {@code module!Function} and the parameter, before the function is even
     * resolved.
     */
    <T> T call(NativeExport export, Class<T> returnType, Object... args) {
        CallCheck.requireReturn(export, returnType);
        CallCheck.requireArguments(export, args);
        Function function = functions.computeIfAbsent(export,
                e -> provider.function(e.module(), e.name()));
        return returnType.cast(function.invoke(returnType, args));
    }

    /** {@code HRESULT CreateVssBackupComponentsInternal(IVssBackupComponents **ppBackup)}. */
    public int createVssBackupComponents(PointerByReference out) {
        return call(NativeExport.CreateVssBackupComponentsInternal, Integer.class, out);
    }

    /** {@code HRESULT CreateVssExamineWriterMetadataInternal(BSTR bstrXML, IVssExamineWriterMetadata **ppMetadata)}. */
    public int createVssExamineWriterMetadata(Pointer bstrXml, PointerByReference out) {
        return call(NativeExport.CreateVssExamineWriterMetadataInternal, Integer.class, bstrXml, out);
    }

    /** {@code void VssFreeSnapshotPropertiesInternal(VSS_SNAPSHOT_PROP *pProp)}: frees the six string members. */
    public void vssFreeSnapshotProperties(Pointer prop) {
        call(NativeExport.VssFreeSnapshotPropertiesInternal, void.class, prop);
    }

    /** {@code HRESULT CreateWriter(CVssWriter *pWriter, IVssWriterImpl **ppImpl)} (vswriter.h). */
    public int createWriter(Pointer writer, PointerByReference impl) {
        return call(NativeExport.CreateWriter, Integer.class, writer, impl);
    }

    /**
     * {@code HRESULT CreateWriterEx(CVssWriterEx *pWriter, IVssWriterImpl **ppImpl)} (vswriter.h): what the SDK's
     * {@code CVssWriterEx::Initialize} calls; the implementation then calls the object back through the longer
     * {@code CVssWriterEx} vtable. Exported by vssapi.dll under that name (mingw-w64's vssapi import library too).
     */
    public int createWriterEx(Pointer writer, PointerByReference impl) {
        return call(NativeExport.CreateWriterEx, Integer.class, writer, impl);
    }

    /** {@code BSTR SysAllocStringLen(const OLECHAR *strIn, UINT ui)}. */
    public Pointer sysAllocStringLen(Pointer chars, int length) {
        return call(NativeExport.SysAllocStringLen, Pointer.class, chars, length);
    }

    /** {@code void SysFreeString(BSTR bstrString)}; NULL is allowed. */
    public void sysFreeString(Pointer bstr) {
        call(NativeExport.SysFreeString, void.class, bstr);
    }

    /** {@code UINT SysStringLen(BSTR pbstr)}: length in UTF-16 code units, without the terminator. */
    public int sysStringLen(Pointer bstr) {
        return call(NativeExport.SysStringLen, Integer.class, bstr);
    }

    /** {@code LPVOID CoTaskMemAlloc(SIZE_T cb)}. */
    public Pointer coTaskMemAlloc(long size) {
        return call(NativeExport.CoTaskMemAlloc, Pointer.class, size);
    }

    /** {@code void CoTaskMemFree(LPVOID pv)}; NULL is allowed. */
    public void coTaskMemFree(Pointer p) {
        call(NativeExport.CoTaskMemFree, void.class, p);
    }

    /** {@code HRESULT CoInitializeEx(LPVOID pvReserved, DWORD dwCoInit)}. */
    public int coInitializeEx(int coInit) {
        return call(NativeExport.CoInitializeEx, Integer.class, null, coInit);
    }

    /**
     * {@code HRESULT CoInitializeSecurity(PSECURITY_DESCRIPTOR, LONG cAuthSvc, SOLE_AUTHENTICATION_SERVICE*, void*,
     * DWORD dwAuthnLevel, DWORD dwImpLevel, void *pAuthList, DWORD dwCapabilities, void*)}.
     */
    public int coInitializeSecurity(int authnLevel, int impLevel, int capabilities) {
        return call(NativeExport.CoInitializeSecurity, Integer.class,
                null, -1, null, null, authnLevel, impLevel, null, capabilities, null);
    }

    /** {@code void CoUninitialize()}. */
    public void coUninitialize() {
        call(NativeExport.CoUninitialize, void.class);
    }

    /**
     * {@code BOOLEAN CreateSymbolicLinkW(LPCWSTR lpSymlinkFileName, LPCWSTR lpTargetFileName, DWORD dwFlags)}: returns
     * 0 on failure, with the Win32 error in {@code GetLastError} (read through {@link #lastError()}). The result is a one-byte BOOLEAN: only AL is defined.
     */
    public boolean createSymbolicLink(Pointer link, Pointer target, int flags) {
        return call(NativeExport.CreateSymbolicLinkW, Byte.class, link, target, flags) != 0;
    }

    /**
     * {@code HANDLE FindFirstFileW(LPCWSTR lpFileName, LPWIN32_FIND_DATAW lpFindFileData)}: the first entry matching
     * {@code lpFileName} (a directory followed by {@code \*} lists it). {@link #INVALID_HANDLE_VALUE} on failure, with
     * the Win32 error in {@link #lastError()}. The handle is closed with {@link #findClose}.
     */
    public Pointer findFirstFile(Pointer fileName, Pointer findData) {
        return call(NativeExport.FindFirstFileW, Pointer.class, fileName, findData);
    }

    /**
     * {@code BOOL FindNextFileW(HANDLE hFindFile, LPWIN32_FIND_DATAW lpFindFileData)}: false at the end
     * ({@code ERROR_NO_MORE_FILES}) or on failure. BOOL is 4 bytes.
     */
    public boolean findNextFile(Pointer handle, Pointer findData) {
        return call(NativeExport.FindNextFileW, Integer.class, handle, findData) != 0;
    }

    /** {@code BOOL FindClose(HANDLE hFindFile)}. */
    public boolean findClose(Pointer handle) {
        return call(NativeExport.FindClose, Integer.class, handle) != 0;
    }

    /**
     * {@code DWORD GetLogicalDrives(void)} (fileapi.h): the drive letters in use as a bitmask, bit 0 for {@code A:},
     * bit 25 for {@code Z:}; 0 on failure, with the Win32 error in {@link #lastError()}.
     */
    public int getLogicalDrives() {
        return call(NativeExport.GetLogicalDrives, Integer.class);
    }

    /**
     * {@code BOOL GetVolumePathNameW(LPCWSTR lpszFileName, LPWSTR lpszVolumePathName, DWORD cchBufferLength)}: the
     * mount point {@code fileName} lives on, with a trailing backslash, into a buffer of {@code bufferChars} UTF-16
     * units (Microsoft docs, "GetVolumePathNameW function"). False on failure, with the Win32 error in
     * {@link #lastError()}. Both strings are UTF-16LE ({@link Utf16}), never the host's {@code wchar_t}.
     */
    public boolean getVolumePathName(Pointer fileName, Pointer volumePathName, int bufferChars) {
        return call(NativeExport.GetVolumePathNameW, Integer.class, fileName, volumePathName, bufferChars) != 0;
    }

    /**
     * {@code BOOL GetVolumeNameForVolumeMountPointW(LPCWSTR lpszVolumeMountPoint, LPWSTR lpszVolumeName,
     * DWORD cchBufferLength)}: the volume GUID path {@code \\?\Volume{GUID}\} of a drive root or mounted folder
     * given with its trailing backslash (Microsoft docs, "GetVolumeNameForVolumeMountPointW function"). False on
     * failure, with the Win32 error in {@link #lastError()}.
     */
    public boolean getVolumeNameForVolumeMountPoint(Pointer mountPoint, Pointer volumeName, int bufferChars) {
        return call(NativeExport.GetVolumeNameForVolumeMountPointW, Integer.class, mountPoint, volumeName, bufferChars) != 0;
    }

    /**
     * {@code DWORD GetLongPathNameW(LPCWSTR lpszShortPath, LPWSTR lpszLongPath, DWORD cchBuffer)} (fileapi.h): the
     * long form of an existing path, every 8.3 name in it replaced by its long name (Microsoft docs,
     * "GetLongPathNameW function"). Returns the length copied without the terminating NUL; if {@code bufferChars}
     * is too small, the size needed including the NUL (nothing is copied); 0 on failure ("such as if the file does
     * not exist"), with the Win32 error in {@link #lastError()}. A DWORD: compare it unsigned.
     */
    public int getLongPathName(Pointer shortPath, Pointer longPath, int bufferChars) {
        return call(NativeExport.GetLongPathNameW, Integer.class, shortPath, longPath, bufferChars);
    }

    /**
     * {@code BOOL CreateEnvironmentBlock(LPVOID *lpEnvironment, HANDLE hToken, BOOL bInherit)} (userenv.h): with a NULL
     * token "the returned environment block contains system variables only" (Microsoft docs, "CreateEnvironmentBlock
     * function"); the block is UTF-16 {@code NAME=VALUE} strings ending with an empty one, freed with
     * {@link #destroyEnvironmentBlock}. False on failure, with the Win32 error in {@link #lastError()}.
     */
    public boolean createEnvironmentBlock(PointerByReference environment, Pointer token, boolean inherit) {
        return call(NativeExport.CreateEnvironmentBlock, Integer.class, environment, token, inherit ? 1 : 0) != 0;
    }

    /** {@code BOOL DestroyEnvironmentBlock(LPVOID lpEnvironment)} (userenv.h). */
    public boolean destroyEnvironmentBlock(Pointer environment) {
        return call(NativeExport.DestroyEnvironmentBlock, Integer.class, environment) != 0;
    }

    /** {@code BOOL CloseHandle(HANDLE hObject)} (handleapi.h): closes a token handle of {@link #openProcessToken}. */
    public boolean closeHandle(Pointer handle) {
        return call(NativeExport.CloseHandle, Integer.class, handle) != 0;
    }

    /**
     * {@code BOOL OpenProcessToken(HANDLE ProcessHandle, DWORD DesiredAccess, PHANDLE TokenHandle)} (processthreadsapi.h;
     * exported by advapi32): the access token of {@code process} ({@link #CURRENT_PROCESS} for this one), closed with
     * {@link #closeHandle}. False on failure, with the Win32 error in {@link #lastError()}.
     */
    public boolean openProcessToken(Pointer process, int desiredAccess, PointerByReference token) {
        return call(NativeExport.OpenProcessToken, Integer.class, process, desiredAccess, token)
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
        return call(NativeExport.GetTokenInformation, Integer.class, token, infoClass, info, length, returnLength) != 0;
    }

    /**
     * {@code BOOL LookupPrivilegeNameW(LPCWSTR lpSystemName, PLUID lpLuid, LPWSTR lpName, LPDWORD cchName)}
     * (winbase.h): the name ({@code SeBackupPrivilege}) of the privilege {@code luid} on the local system
     * ({@code systemName} NULL), as UTF-16 into {@code name}, a buffer of {@code cchName} characters; on return
     * {@code cchName} holds the name's length, or the size needed when the buffer is too small.
     */
    public boolean lookupPrivilegeName(Pointer systemName, Pointer luid, Pointer name, IntByReference cchName) {
        return call(NativeExport.LookupPrivilegeNameW, Integer.class, systemName, luid, name, cchName) != 0;
    }

    /**
     * {@code SC_HANDLE OpenSCManagerW(LPCWSTR lpMachineName, LPCWSTR lpDatabaseName, DWORD dwDesiredAccess)}
     * (winsvc.h): NULL on failure, with the Win32 error in {@link #lastError()}; closed with
     * {@link #closeServiceHandle}.
     */
    public Pointer openSCManager(Pointer machineName, Pointer databaseName, int desiredAccess) {
        return call(NativeExport.OpenSCManagerW, Pointer.class, machineName, databaseName, desiredAccess);
    }

    /** {@code SC_HANDLE OpenServiceW(SC_HANDLE hSCManager, LPCWSTR lpServiceName, DWORD dwDesiredAccess)}. */
    public Pointer openService(Pointer scManager, Pointer serviceName, int desiredAccess) {
        return call(NativeExport.OpenServiceW, Pointer.class, scManager, serviceName,
            desiredAccess);
    }

    /** {@code BOOL QueryServiceStatus(SC_HANDLE hService, LPSERVICE_STATUS lpServiceStatus)}: 28 bytes. */
    public boolean queryServiceStatus(Pointer service, Pointer status) {
        return call(NativeExport.QueryServiceStatus, Integer.class, service, status) != 0;
    }

    /**
     * {@code BOOL QueryServiceConfigW(SC_HANDLE hService, LPQUERY_SERVICE_CONFIGW lpServiceConfig, DWORD cbBufSize,
     * LPDWORD pcbBytesNeeded)}: the structure and its strings in one buffer; {@code ERROR_INSUFFICIENT_BUFFER} with
     * the size needed in {@code bytesNeeded} when {@code bufSize} is too small.
     */
    public boolean queryServiceConfig(Pointer service, Pointer config, int bufSize, IntByReference bytesNeeded) {
        return call(NativeExport.QueryServiceConfigW, Integer.class, service, config, bufSize, bytesNeeded) != 0;
    }

    /**
     * {@code BOOL QueryServiceStatusEx(SC_HANDLE hService, SC_STATUS_TYPE InfoLevel, LPBYTE lpBuffer,
     * DWORD cbBufSize, LPDWORD pcbBytesNeeded)} (winsvc.h): with {@code SC_STATUS_PROCESS_INFO} (0) a
     * {@code SERVICE_STATUS_PROCESS} (36 bytes) into {@code buffer}; needs SERVICE_QUERY_STATUS.
     */
    public boolean queryServiceStatusEx(Pointer service, int infoLevel, Pointer buffer, int bufSize,
            IntByReference bytesNeeded) {
        return call(NativeExport.QueryServiceStatusEx, Integer.class, service, infoLevel, buffer, bufSize,
                bytesNeeded) != 0;
    }

    /**
     * {@code BOOL ControlService(SC_HANDLE hService, DWORD dwControl, LPSERVICE_STATUS lpServiceStatus)} (winsvc.h):
     * sends a control code (SERVICE_CONTROL_STOP needs SERVICE_STOP); the latest status goes to {@code status}
     * (28 bytes).
     */
    public boolean controlService(Pointer service, int control, Pointer status) {
        return call(NativeExport.ControlService, Integer.class, service, control, status) != 0;
    }

    /**
     * {@code BOOL StartServiceW(SC_HANDLE hService, DWORD dwNumServiceArgs, LPCWSTR *lpServiceArgVectors)}
     * (winsvc.h), here without arguments; needs SERVICE_START.
     */
    public boolean startService(Pointer service) {
        return call(NativeExport.StartServiceW, Integer.class, service, 0, null) != 0;
    }

    /** {@code BOOL CloseServiceHandle(SC_HANDLE hSCObject)}. */
    public boolean closeServiceHandle(Pointer handle) {
        return call(NativeExport.CloseServiceHandle, Integer.class, handle) != 0;
    }

    /**
     * {@code LSTATUS RegOpenKeyExW(HKEY hKey, LPCWSTR lpSubKey, DWORD ulOptions, REGSAM samDesired, PHKEY phkResult)}
     * (winreg.h): the Win32 error code itself ({@code ERROR_SUCCESS} = 0), not set as the last error.
     */
    public int regOpenKeyEx(Pointer key, Pointer subKey, int options, int samDesired, PointerByReference result) {
        return call(NativeExport.RegOpenKeyExW, Integer.class, key, subKey, options, samDesired, result);
    }

    /**
     * {@code LSTATUS RegEnumValueW(HKEY hKey, DWORD dwIndex, LPWSTR lpValueName, LPDWORD lpcchValueName,
     * LPDWORD lpReserved, LPDWORD lpType, LPBYTE lpData, LPDWORD lpcbData)}: value {@code index} of the key, its name
     * as UTF-16 (the name buffer's size and the name's length in characters), its type and data (sizes in bytes);
     * {@code ERROR_NO_MORE_ITEMS} past the last, {@code ERROR_MORE_DATA} when a buffer is too small.
     */
    public int regEnumValue(Pointer key, int index, Pointer name, IntByReference cchName, IntByReference type,
            Pointer data, IntByReference cbData) {
        return call(NativeExport.RegEnumValueW, Integer.class, key, index, name, cchName, null, type, data, cbData);
    }

    /** {@code LSTATUS RegCloseKey(HKEY hKey)}. */
    public int regCloseKey(Pointer key) {
        return call(NativeExport.RegCloseKey, Integer.class, key);
    }
    /**
     * {@code HANDLE CreateFileW(LPCWSTR lpFileName, DWORD dwDesiredAccess, DWORD dwShareMode,
     * LPSECURITY_ATTRIBUTES lpSecurityAttributes, DWORD dwCreationDisposition, DWORD dwFlagsAndAttributes,
     * HANDLE hTemplateFile)} (fileapi.h), with no security attributes and no template: {@link #INVALID_HANDLE_VALUE}
     * on failure, with the Win32 error in {@link #lastError()}; closed with {@link #closeHandle}.
     */
    public Pointer createFile(Pointer fileName, int desiredAccess, int shareMode, int creationDisposition,
            int flagsAndAttributes) {
        return call(NativeExport.CreateFileW, Pointer.class, fileName, desiredAccess, shareMode, null,
                creationDisposition, flagsAndAttributes, null);
    }

    /**
     * {@code BOOL ReadFile(HANDLE hFile, LPVOID lpBuffer, DWORD nNumberOfBytesToRead, LPDWORD lpNumberOfBytesRead,
     * LPOVERLAPPED lpOverlapped)} (fileapi.h), synchronous (no OVERLAPPED): TRUE with 0 bytes read at the end of the
     * file ("ReadFile function").
     */
    public boolean readFile(Pointer file, Pointer buffer, int length, IntByReference read) {
        return call(NativeExport.ReadFile, Integer.class, file, buffer, length, read, null) != 0;
    }

    /**
     * {@code BOOL BackupRead(HANDLE hFile, LPBYTE lpBuffer, DWORD nNumberOfBytesToRead, LPDWORD lpNumberOfBytesRead,
     * BOOL bAbort, BOOL bProcessSecurity, LPVOID *lpContext)} (winbase.h): the file's streams as WIN32_STREAM_ID
     * headers, names and data; TRUE with 0 bytes read after the last. The context it allocates is freed only by a
     * call with {@code bAbort} TRUE (Microsoft docs, "BackupRead function").
     */
    public boolean backupRead(Pointer file, Pointer buffer, int length, IntByReference read, boolean abort,
            boolean processSecurity, PointerByReference context) {
        return call(NativeExport.BackupRead, Integer.class, file, buffer, length, read, abort ? 1 : 0,
                processSecurity ? 1 : 0, context) != 0;
    }

    /**
     * {@code BOOL BackupSeek(HANDLE hFile, DWORD dwLowBytesToSeek, DWORD dwHighBytesToSeek, LPDWORD lpdwLowByteSeeked,
     * LPDWORD lpdwHighByteSeeked, LPVOID *lpContext)} (winbase.h): skips forward in the current stream's data, never
     * past its end ("BackupSeek function"); FALSE when it moved less than asked, the distance moved in the two halves.
     */
    public boolean backupSeek(Pointer file, long distance, IntByReference lowMoved, IntByReference highMoved,
            PointerByReference context) {
        return call(NativeExport.BackupSeek, Integer.class, file, (int) distance, (int) (distance >>> 32), lowMoved,
                highMoved, context) != 0;
    }

    /**
     * {@code BOOL BackupWrite(HANDLE hFile, LPBYTE lpBuffer, DWORD nNumberOfBytesToWrite,
     * LPDWORD lpNumberOfBytesWritten, BOOL bAbort, BOOL bProcessSecurity, LPVOID *lpContext)} (winbase.h): restores
     * streams in BackupRead's format; its context is freed by a call with {@code bAbort} TRUE ("BackupWrite
     * function").
     */
    public boolean backupWrite(Pointer file, Pointer buffer, int length, IntByReference written, boolean abort,
            boolean processSecurity, PointerByReference context) {
        return call(NativeExport.BackupWrite, Integer.class, file, buffer, length, written, abort ? 1 : 0,
                processSecurity ? 1 : 0, context) != 0;
    }

    /**
     * {@code BOOL GetFileInformationByHandleEx(HANDLE hFile, FILE_INFO_BY_HANDLE_CLASS FileInformationClass,
     * LPVOID lpFileInformation, DWORD dwBufferSize)} (winbase.h).
     */
    public boolean getFileInformationByHandleEx(Pointer file, int infoClass, Pointer info, int size) {
        return call(NativeExport.GetFileInformationByHandleEx, Integer.class, file, infoClass, info, size) != 0;
    }

    /**
     * {@code BOOL SetFileInformationByHandle(HANDLE hFile, FILE_INFO_BY_HANDLE_CLASS FileInformationClass,
     * LPVOID lpFileInformation, DWORD dwBufferSize)} (winbase.h).
     */
    public boolean setFileInformationByHandle(Pointer file, int infoClass, Pointer info, int size) {
        return call(NativeExport.SetFileInformationByHandle, Integer.class, file, infoClass, info, size) != 0;
    }

    /**
     * {@code BOOL MoveFileExW(LPCWSTR lpExistingFileName, LPCWSTR lpNewFileName, DWORD dwFlags)} (winbase.h).
     */
    public boolean moveFileEx(Pointer existingFileName, Pointer newFileName, int flags) {
        return call(NativeExport.MoveFileExW, Integer.class, existingFileName, newFileName, flags) != 0;
    }

    /**
     * {@code BOOL LookupPrivilegeValueW(LPCWSTR lpSystemName, LPCWSTR lpName, PLUID lpLuid)} (winbase.h): the LUID
     * of the privilege {@code name} on the local system ({@code systemName} NULL) into the 8-byte {@code luid}.
     */
    public boolean lookupPrivilegeValue(Pointer systemName, Pointer name, Pointer luid) {
        return call(NativeExport.LookupPrivilegeValueW, Integer.class, systemName, name, luid) != 0;
    }

    /**
     * {@code BOOL AdjustTokenPrivileges(HANDLE TokenHandle, BOOL DisableAllPrivileges, PTOKEN_PRIVILEGES NewState,
     * DWORD BufferLength, PTOKEN_PRIVILEGES PreviousState, PDWORD ReturnLength)} (securitybaseapi.h), without the
     * previous state. TRUE does not mean the privileges were enabled: the last error is then
     * {@code ERROR_NOT_ALL_ASSIGNED} if the token holds some of them not (Microsoft docs, "AdjustTokenPrivileges
     * function"), so read {@link #lastError()} after success too.
     */
    public boolean adjustTokenPrivileges(Pointer token, boolean disableAll, Pointer newState) {
        return call(NativeExport.AdjustTokenPrivileges, Integer.class, token, disableAll ? 1 : 0, newState, 0, null,
                null) != 0;
    }

    /**
     * {@code AdjustTokenPrivileges} with its previous state: {@code previousState} (of {@code bufferLength} bytes)
     * receives "the previous state of any privileges that the function modifies", to be passed back as NewState to
     * undo the change, and {@code returnLength} the size that needs; a buffer too small fails with
     * {@code ERROR_INSUFFICIENT_BUFFER} (Microsoft docs, "AdjustTokenPrivileges function"). As for
     * {@link #adjustTokenPrivileges(Pointer, boolean, Pointer)}, read {@link #lastError()} after success too.
     */
    public boolean adjustTokenPrivileges(Pointer token, boolean disableAll, Pointer newState, int bufferLength,
            Pointer previousState, IntByReference returnLength) {
        return call(NativeExport.AdjustTokenPrivileges, Integer.class, token, disableAll ? 1 : 0, newState,
                bufferLength, previousState, returnLength) != 0;
    }
}
