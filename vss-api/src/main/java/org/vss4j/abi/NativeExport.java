package org.vss4j.abi;

import static org.vss4j.abi.NativeKind.BOOL8;
import static org.vss4j.abi.NativeKind.INT32;
import static org.vss4j.abi.NativeKind.INT64;
import static org.vss4j.abi.NativeKind.POINTER;
import static org.vss4j.abi.NativeKind.VOID;

import org.vss4j.spi.NativeModule;

/**
 * Every exported function the binding calls, one constant per function, named exactly as the DLL exports it, with the
 * module it comes from and its native signature spelled from the Windows SDK prototype quoted on the constant (the
 * header is named there). {@code SignatureConformanceTest} compares each signature with the prototype mingw-w64
 * declares (the two vssapi functions mingw-w64 lacks, {@code CreateWriter} and {@code CreateWriterEx}, with the SDK's);
 * {@link CallCheck} checks every call of {@code org.vss4j.com.Exports}, and the simulator builds its implementation's
 * callback from the same signature.
 *
 * <p>On x64 {@code WINAPI}/{@code STDAPICALLTYPE} ({@code __stdcall}) mean nothing: every function uses the one x64
 * convention (Microsoft docs, "x64 calling convention"). {@code BOOL} ({@code WINBOOL} in mingw-w64) is a 4-byte
 * int, {@code BOOLEAN} one byte; {@code LONG}, {@code DWORD}, {@code UINT} and enums 4 bytes; {@code SIZE_T} 8.
 */
public enum NativeExport implements NativeDeclaration {

    // vssapi.dll. The SDK's CreateVssBackupComponents etc. are inline functions over these exports (vsbackup.h).

    /** vsbackup.h: {@code HRESULT CreateVssBackupComponentsInternal(IVssBackupComponents **ppBackup)}. */
    CreateVssBackupComponentsInternal(NativeModule.VSSAPI, INT32, POINTER),
    /**
     * vsbackup.h: {@code HRESULT CreateVssExamineWriterMetadataInternal(BSTR bstrXML,
     * IVssExamineWriterMetadata **ppMetadata)}.
     */
    CreateVssExamineWriterMetadataInternal(NativeModule.VSSAPI, INT32, POINTER, POINTER),
    /** vsbackup.h: {@code void VssFreeSnapshotPropertiesInternal(VSS_SNAPSHOT_PROP *pProp)}. */
    VssFreeSnapshotPropertiesInternal(NativeModule.VSSAPI, VOID, POINTER),
    /** vswriter.h (Windows SDK; not in mingw-w64): {@code HRESULT CreateWriter(CVssWriter *pWriter, IVssWriterImpl **ppImpl)}. */
    CreateWriter(NativeModule.VSSAPI, INT32, POINTER, POINTER),
    /** vswriter.h (Windows SDK): {@code HRESULT CreateWriterEx(CVssWriterEx *pWriter, IVssWriterImpl **ppImpl)}. */
    CreateWriterEx(NativeModule.VSSAPI, INT32, POINTER, POINTER),

    // oleaut32.dll

    /** oleauto.h: {@code BSTR SysAllocStringLen(const OLECHAR *strIn, UINT ui)}. */
    SysAllocStringLen(NativeModule.OLEAUT32, POINTER, POINTER, INT32),
    /** oleauto.h: {@code void SysFreeString(BSTR bstrString)}. */
    SysFreeString(NativeModule.OLEAUT32, VOID, POINTER),
    /** oleauto.h: {@code UINT SysStringLen(BSTR pbstr)}. */
    SysStringLen(NativeModule.OLEAUT32, INT32, POINTER),

    // ole32.dll

    /** combaseapi.h: {@code LPVOID CoTaskMemAlloc(SIZE_T cb)}. */
    CoTaskMemAlloc(NativeModule.OLE32, POINTER, INT64),
    /** combaseapi.h: {@code void CoTaskMemFree(LPVOID pv)}. */
    CoTaskMemFree(NativeModule.OLE32, VOID, POINTER),
    /** combaseapi.h: {@code HRESULT CoInitializeEx(LPVOID pvReserved, DWORD dwCoInit)}. */
    CoInitializeEx(NativeModule.OLE32, INT32, POINTER, INT32),
    /**
     * combaseapi.h: {@code HRESULT CoInitializeSecurity(PSECURITY_DESCRIPTOR pSecDesc, LONG cAuthSvc,
     * SOLE_AUTHENTICATION_SERVICE *asAuthSvc, void *pReserved1, DWORD dwAuthnLevel, DWORD dwImpLevel,
     * void *pAuthList, DWORD dwCapabilities, void *pReserved3)}.
     */
    CoInitializeSecurity(NativeModule.OLE32, INT32, POINTER, INT32, POINTER, POINTER, INT32, INT32, POINTER, INT32,
            POINTER),
    /** combaseapi.h: {@code void CoUninitialize(void)}. */
    CoUninitialize(NativeModule.OLE32, VOID),

    // kernel32.dll

    /**
     * winbase.h: {@code BOOLEAN CreateSymbolicLinkW(LPCWSTR lpSymlinkFileName, LPCWSTR lpTargetFileName,
     * DWORD dwFlags)}; a one-byte result.
     */
    CreateSymbolicLinkW(NativeModule.KERNEL32, BOOL8, POINTER, POINTER, INT32),
    /** fileapi.h: {@code HANDLE FindFirstFileW(LPCWSTR lpFileName, LPWIN32_FIND_DATAW lpFindFileData)}. */
    FindFirstFileW(NativeModule.KERNEL32, POINTER, POINTER, POINTER),
    /** fileapi.h: {@code BOOL FindNextFileW(HANDLE hFindFile, LPWIN32_FIND_DATAW lpFindFileData)}. */
    FindNextFileW(NativeModule.KERNEL32, INT32, POINTER, POINTER),
    /** fileapi.h: {@code BOOL FindClose(HANDLE hFindFile)}. */
    FindClose(NativeModule.KERNEL32, INT32, POINTER),
    /** fileapi.h: {@code DWORD GetLogicalDrives(void)}. */
    GetLogicalDrives(NativeModule.KERNEL32, INT32),
    /**
     * fileapi.h: {@code BOOL GetVolumePathNameW(LPCWSTR lpszFileName, LPWSTR lpszVolumePathName,
     * DWORD cchBufferLength)}.
     */
    GetVolumePathNameW(NativeModule.KERNEL32, INT32, POINTER, POINTER, INT32),
    /**
     * fileapi.h: {@code BOOL GetVolumeNameForVolumeMountPointW(LPCWSTR lpszVolumeMountPoint, LPWSTR lpszVolumeName,
     * DWORD cchBufferLength)}.
     */
    GetVolumeNameForVolumeMountPointW(NativeModule.KERNEL32, INT32, POINTER, POINTER, INT32),
    /** fileapi.h: {@code DWORD GetLongPathNameW(LPCWSTR lpszShortPath, LPWSTR lpszLongPath, DWORD cchBuffer)}. */
    GetLongPathNameW(NativeModule.KERNEL32, INT32, POINTER, POINTER, INT32),
    /** handleapi.h: {@code BOOL CloseHandle(HANDLE hObject)}. */
    CloseHandle(NativeModule.KERNEL32, INT32, POINTER),
    /**
     * fileapi.h: {@code HANDLE CreateFileW(LPCWSTR lpFileName, DWORD dwDesiredAccess, DWORD dwShareMode,
     * LPSECURITY_ATTRIBUTES lpSecurityAttributes, DWORD dwCreationDisposition, DWORD dwFlagsAndAttributes,
     * HANDLE hTemplateFile)}.
     */
    CreateFileW(NativeModule.KERNEL32, POINTER, POINTER, INT32, INT32, POINTER, INT32, INT32, POINTER),
    /**
     * fileapi.h: {@code BOOL ReadFile(HANDLE hFile, LPVOID lpBuffer, DWORD nNumberOfBytesToRead,
     * LPDWORD lpNumberOfBytesRead, LPOVERLAPPED lpOverlapped)}.
     */
    ReadFile(NativeModule.KERNEL32, INT32, POINTER, POINTER, INT32, POINTER, POINTER),
    /**
     * winbase.h: {@code BOOL BackupRead(HANDLE hFile, LPBYTE lpBuffer, DWORD nNumberOfBytesToRead,
     * LPDWORD lpNumberOfBytesRead, WINBOOL bAbort, WINBOOL bProcessSecurity, LPVOID *lpContext)}.
     */
    BackupRead(NativeModule.KERNEL32, INT32, POINTER, POINTER, INT32, POINTER, INT32, INT32, POINTER),
    /**
     * winbase.h: {@code BOOL BackupSeek(HANDLE hFile, DWORD dwLowBytesToSeek, DWORD dwHighBytesToSeek,
     * LPDWORD lpdwLowByteSeeked, LPDWORD lpdwHighByteSeeked, LPVOID *lpContext)}.
     */
    BackupSeek(NativeModule.KERNEL32, INT32, POINTER, INT32, INT32, POINTER, POINTER, POINTER),
    /**
     * winbase.h: {@code BOOL BackupWrite(HANDLE hFile, LPBYTE lpBuffer, DWORD nNumberOfBytesToWrite,
     * LPDWORD lpNumberOfBytesWritten, WINBOOL bAbort, WINBOOL bProcessSecurity, LPVOID *lpContext)}.
     */
    BackupWrite(NativeModule.KERNEL32, INT32, POINTER, POINTER, INT32, POINTER, INT32, INT32, POINTER),
    /**
     * winbase.h: {@code BOOL GetFileInformationByHandleEx(HANDLE hFile,
     * FILE_INFO_BY_HANDLE_CLASS FileInformationClass, LPVOID lpFileInformation, DWORD dwBufferSize)}.
     */
    GetFileInformationByHandleEx(NativeModule.KERNEL32, INT32, POINTER, INT32, POINTER, INT32),
    /**
     * winbase.h: {@code BOOL SetFileInformationByHandle(HANDLE hFile, FILE_INFO_BY_HANDLE_CLASS FileInformationClass,
     * LPVOID lpFileInformation, DWORD dwBufferSize)}.
     */
    SetFileInformationByHandle(NativeModule.KERNEL32, INT32, POINTER, INT32, POINTER, INT32),
    /** winbase.h: {@code BOOL MoveFileExW(LPCWSTR lpExistingFileName, LPCWSTR lpNewFileName, DWORD dwFlags)}. */
    MoveFileExW(NativeModule.KERNEL32, INT32, POINTER, POINTER, INT32),

    // userenv.dll

    /** userenv.h: {@code BOOL CreateEnvironmentBlock(LPVOID *lpEnvironment, HANDLE hToken, BOOL bInherit)}. */
    CreateEnvironmentBlock(NativeModule.USERENV, INT32, POINTER, POINTER, INT32),
    /** userenv.h: {@code BOOL DestroyEnvironmentBlock(LPVOID lpEnvironment)}. */
    DestroyEnvironmentBlock(NativeModule.USERENV, INT32, POINTER),

    // advapi32.dll

    /**
     * processthreadsapi.h: {@code BOOL OpenProcessToken(HANDLE ProcessHandle, DWORD DesiredAccess,
     * PHANDLE TokenHandle)}.
     */
    OpenProcessToken(NativeModule.ADVAPI32, INT32, POINTER, INT32, POINTER),
    /**
     * securitybaseapi.h: {@code BOOL GetTokenInformation(HANDLE TokenHandle,
     * TOKEN_INFORMATION_CLASS TokenInformationClass, LPVOID TokenInformation, DWORD TokenInformationLength,
     * PDWORD ReturnLength)}.
     */
    GetTokenInformation(NativeModule.ADVAPI32, INT32, POINTER, INT32, POINTER, INT32, POINTER),
    /**
     * winbase.h: {@code BOOL LookupPrivilegeNameW(LPCWSTR lpSystemName, PLUID lpLuid, LPWSTR lpName,
     * LPDWORD cchName)}.
     */
    LookupPrivilegeNameW(NativeModule.ADVAPI32, INT32, POINTER, POINTER, POINTER, POINTER),
    /** winbase.h: {@code BOOL LookupPrivilegeValueW(LPCWSTR lpSystemName, LPCWSTR lpName, PLUID lpLuid)}. */
    LookupPrivilegeValueW(NativeModule.ADVAPI32, INT32, POINTER, POINTER, POINTER),
    /**
     * securitybaseapi.h: {@code BOOL AdjustTokenPrivileges(HANDLE TokenHandle, BOOL DisableAllPrivileges,
     * PTOKEN_PRIVILEGES NewState, DWORD BufferLength, PTOKEN_PRIVILEGES PreviousState, PDWORD ReturnLength)}.
     */
    AdjustTokenPrivileges(NativeModule.ADVAPI32, INT32, POINTER, INT32, POINTER, INT32, POINTER, POINTER),
    /**
     * winsvc.h: {@code SC_HANDLE OpenSCManagerW(LPCWSTR lpMachineName, LPCWSTR lpDatabaseName,
     * DWORD dwDesiredAccess)}.
     */
    OpenSCManagerW(NativeModule.ADVAPI32, POINTER, POINTER, POINTER, INT32),
    /** winsvc.h: {@code SC_HANDLE OpenServiceW(SC_HANDLE hSCManager, LPCWSTR lpServiceName, DWORD dwDesiredAccess)}. */
    OpenServiceW(NativeModule.ADVAPI32, POINTER, POINTER, POINTER, INT32),
    /** winsvc.h: {@code BOOL QueryServiceStatus(SC_HANDLE hService, LPSERVICE_STATUS lpServiceStatus)}. */
    QueryServiceStatus(NativeModule.ADVAPI32, INT32, POINTER, POINTER),
    /**
     * winsvc.h: {@code BOOL QueryServiceConfigW(SC_HANDLE hService, LPQUERY_SERVICE_CONFIGW lpServiceConfig,
     * DWORD cbBufSize, LPDWORD pcbBytesNeeded)}.
     */
    QueryServiceConfigW(NativeModule.ADVAPI32, INT32, POINTER, POINTER, INT32, POINTER),
    /**
     * winsvc.h: {@code BOOL QueryServiceStatusEx(SC_HANDLE hService, SC_STATUS_TYPE InfoLevel, LPBYTE lpBuffer,
     * DWORD cbBufSize, LPDWORD pcbBytesNeeded)}; {@code SC_STATUS_TYPE} is an enum (4 bytes).
     */
    QueryServiceStatusEx(NativeModule.ADVAPI32, INT32, POINTER, INT32, POINTER, INT32, POINTER),
    /**
     * winsvc.h: {@code BOOL ControlService(SC_HANDLE hService, DWORD dwControl, LPSERVICE_STATUS lpServiceStatus)}.
     */
    ControlService(NativeModule.ADVAPI32, INT32, POINTER, INT32, POINTER),
    /**
     * winsvc.h: {@code BOOL StartServiceW(SC_HANDLE hService, DWORD dwNumServiceArgs,
     * LPCWSTR *lpServiceArgVectors)}.
     */
    StartServiceW(NativeModule.ADVAPI32, INT32, POINTER, INT32, POINTER),
    /** winsvc.h: {@code BOOL CloseServiceHandle(SC_HANDLE hSCObject)}. */
    CloseServiceHandle(NativeModule.ADVAPI32, INT32, POINTER),
    /**
     * winreg.h: {@code LSTATUS RegOpenKeyExW(HKEY hKey, LPCWSTR lpSubKey, DWORD ulOptions, REGSAM samDesired,
     * PHKEY phkResult)}.
     */
    RegOpenKeyExW(NativeModule.ADVAPI32, INT32, POINTER, POINTER, INT32, INT32, POINTER),
    /**
     * winreg.h: {@code LSTATUS RegEnumValueW(HKEY hKey, DWORD dwIndex, LPWSTR lpValueName, LPDWORD lpcchValueName,
     * LPDWORD lpReserved, LPDWORD lpType, LPBYTE lpData, LPDWORD lpcbData)}.
     */
    RegEnumValueW(NativeModule.ADVAPI32, INT32, POINTER, INT32, POINTER, POINTER, POINTER, POINTER, POINTER, POINTER),
    /** winreg.h: {@code LSTATUS RegCloseKey(HKEY hKey)}. */
    RegCloseKey(NativeModule.ADVAPI32, INT32, POINTER);

    private final NativeModule module;
    private final NativeSignature signature;

    NativeExport(NativeModule module, NativeKind returns, NativeKind... parameters) {
        this.module = module;
        this.signature = NativeSignature.of(returns, parameters);
    }

    /** The DLL that exports the function. */
    public NativeModule module() {
        return module;
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    /** {@code kernel32!FindFirstFileW}. */
    @Override
    public String qualifiedName() {
        return module.libraryName() + "!" + name();
    }
}
