package org.vss4j.abi.struct;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code FILE_BASIC_INFO} (winbase.h), 40 bytes on x64: the four times (100 ns since 1601, UTC) and the attributes
 * that {@code GetFileInformationByHandleEx}/{@code SetFileInformationByHandle} read and write with the class
 * {@code FileBasicInfo} (0). On a set, a time of 0 and attributes of 0 leave the value as it is (Microsoft docs,
 * "FILE_BASIC_INFO structure"). Caller-allocated.
 */
@NativeStruct(value = "FILE_BASIC_INFO", x64Size = 40)
@Structure.FieldOrder({"CreationTime", "LastAccessTime", "LastWriteTime", "ChangeTime", "FileAttributes"})
public class FileBasicInfo extends Structure {
    /** {@code FileBasicInfo} of {@code FILE_INFO_BY_HANDLE_CLASS} (minwinbase.h). */
    public static final int CLASS = 0;

    public long CreationTime;
    public long LastAccessTime;
    public long LastWriteTime;
    public long ChangeTime;
    public int FileAttributes;

    public FileBasicInfo() {
        super(ALIGN_MSVC);
    }

    public FileBasicInfo(Pointer p) {
        super(p, ALIGN_MSVC);
        read();
    }
}
