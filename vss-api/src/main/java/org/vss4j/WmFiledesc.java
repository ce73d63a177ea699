package org.vss4j;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.vss4j.abi.vtable.IVssWMFiledesc;

/**
 * {@code IVssWMFiledesc}: one file set of a Writer Metadata Document (include/exclude files, a component's files,
 * alternate location mappings) or of a Backup Components Document (new targets). Owned: close it.
 */
public final class WmFiledesc extends ComGetters {

    /** Takes ownership of one reference to {@code p}. */
    public WmFiledesc(Pointer p) {
        super(p, "IVssWMFiledesc", 0);
    }

    /** {@code GetPath(&bstr)}. */
    public String getPath() {
        return getBstr(IVssWMFiledesc.GetPath);
    }

    /** {@code GetFilespec(&bstr)}. */
    public String getFilespec() {
        return getBstr(IVssWMFiledesc.GetFilespec);
    }

    /** {@code GetRecursive(bool *)}: C++ {@code bool}, one byte (vswriter.h). */
    public boolean getRecursive() {
        return getCppBool(IVssWMFiledesc.GetRecursive);
    }

    /** {@code GetAlternateLocation(&bstr)}: null when the file set has none. */
    public String getAlternateLocation() {
        return getBstr(IVssWMFiledesc.GetAlternateLocation);
    }

    /** {@code GetBackupTypeMask(DWORD *)}: the {@code VSS_FILE_SPEC_BACKUP_TYPE} mask. */
    public int getBackupTypeMask() {
        return getInt32(IVssWMFiledesc.GetBackupTypeMask);
    }

    /** Every property in one record. */
    public FileSet read() {
        return new FileSet(getPath(), getFilespec(), getRecursive(), getAlternateLocation(), getBackupTypeMask());
    }

    /** The file sets {@code open(0) .. open(count - 1)}, each read whole and released. */
    static List<FileSet> readAll(int count, IntFunction<WmFiledesc> open) {
        List<FileSet> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            try (WmFiledesc f = open.apply(i)) {
                out.add(f.read());
            }
        }
        return out;
    }
}
