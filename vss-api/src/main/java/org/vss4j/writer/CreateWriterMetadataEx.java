package org.vss4j.writer;

import com.sun.jna.Pointer;
import org.vss4j.abi.vtable.IVssCreateWriterMetadataEx;
import org.vss4j.com.CppBool;
import org.vss4j.com.Utf16;

/**
 * {@code IVssCreateWriterMetadataEx}, lent to {@link VssWriterEx#onIdentifyEx}: {@link CreateWriterMetadata} plus
 * {@code AddExcludeFilesFromSnapshot}. Its first vtable pointer leads to the twelve {@code IVssCreateWriterMetadata}
 * methods and then this one (vswriter.h: {@code : public IVssCreateWriterMetadata, public IUnknown}, MSVC layout); the
 * IUnknown behind the second pointer is never used: VSS owns the object (Microsoft docs, "CVssWriter class").
 */
public final class CreateWriterMetadataEx extends CreateWriterMetadata {

    CreateWriterMetadataEx(Pointer self, HandlerScope scope) {
        super(self, "IVssCreateWriterMetadataEx", scope);
    }

    /**
     * {@code AddExcludeFilesFromSnapshot(wszPath, wszFilespec, bRecursive)}: reports files this writer will delete from
     * the shadow copy. "Calling this method does not cause the files to be excluded": the writer deletes them itself
     * in {@code onPostSnapshot} (Microsoft docs, "IVssCreateWriterMetadataEx::AddExcludeFilesFromSnapshot").
     */
    public void addExcludeFilesFromSnapshot(String path, String filespec, boolean recursive) {
        call(path + filespec, IVssCreateWriterMetadataEx.AddExcludeFilesFromSnapshot, Utf16.toNative(path),
                Utf16.toNative(filespec), CppBool.of(recursive));
    }
}
