package org.vss4j.com;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
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

    /** {@code INVALID_HANDLE_VALUE} (handleapi.h): {@code (HANDLE)(LONG_PTR)-1}, what FindFirstFileW returns on failure. */
    public static final long INVALID_HANDLE_VALUE = -1L;

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
}
