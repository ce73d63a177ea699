package org.vss4j.cli;

import org.vss4j.com.Exports;

/**
 * A drive letter no volume or exposed shadow copy uses, for {@code vss snapshot expose ID} without a target.
 * {@code ExposeSnapshot} does not pick one itself: a NULL {@code wszExpose} is valid only with
 * {@code VSS_VOLSNAP_ATTR_EXPOSED_REMOTELY} (Microsoft docs, "IVssBackupComponents::ExposeSnapshot"), so the command
 * asks {@code GetLogicalDrives} (Microsoft docs, "GetLogicalDrives function (fileapi.h)") which letters are taken and
 * takes the highest free one, from {@code Z:} down to {@code C:} ({@code A:} and {@code B:} stay reserved for floppy
 * drives by convention). Letters handed out to removable media grow upwards from the lowest free one, so the top of
 * the alphabet is the least likely to collide.
 */
final class FreeDriveLetter {

    private FreeDriveLetter() {
    }

    /** {@code "X:"}, the highest free letter; a usage error when none is free or the letters cannot be read. */
    static String pick() {
        Exports exports = Exports.current();
        int used = exports.getLogicalDrives();
        if (used == 0) {
            throw new UsageException("cannot tell which drive letters are free (GetLogicalDrives failed, Win32 error "
                    + exports.lastError() + "): name one, e.g. `vss snapshot expose ID X:`");
        }
        return pick(used);
    }

    /** The highest letter from Z: to C: whose bit in {@code used} (bit 0 = A:) is clear. */
    static String pick(int used) {
        for (char letter = 'Z'; letter >= 'C'; letter--) {
            if ((used & (1 << (letter - 'A'))) == 0) {
                return letter + ":";
            }
        }
        throw new UsageException("every drive letter from C: to Z: is in use: expose the shadow copy at an empty "
                + "folder instead, `vss snapshot expose ID DIR`");
    }
}
