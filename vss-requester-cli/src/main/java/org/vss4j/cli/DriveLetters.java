package org.vss4j.cli;

import com.sun.jna.Memory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;

/**
 * The drive letter of each volume, to show a person {@code C:\} next to the volume GUID name a shadow copy's
 * properties carry (VSS_SNAPSHOT_PROP's m_pwszOriginalVolumeName): the letters GetLogicalDrives reports, each read
 * back to its volume with GetVolumeNameForVolumeMountPointW (Microsoft docs, "GetLogicalDrives function",
 * "GetVolumeNameForVolumeMountPointW function"), through the export seam. A volume with no letter has none here.
 */
final class DriveLetters {

    /** "A reasonable size for the buffer to accommodate the largest possible volume GUID path is 50 characters." */
    private static final int VOLUME_NAME_CHARS = 50;

    private final Map<String, String> byVolume = new HashMap<>();

    private DriveLetters() {
    }

    /** The machine's drive letters now; empty when they cannot be read. */
    static DriveLetters read() {
        DriveLetters letters = new DriveLetters();
        try {
            Exports x = Exports.current();
            int mask = x.getLogicalDrives();
            for (int i = 0; i < 26; i++) {
                if ((mask & (1 << i)) == 0) {
                    continue;
                }
                String root = (char) ('A' + i) + ":\\";
                Memory out = new Memory(2L * VOLUME_NAME_CHARS);
                out.setShort(0, (short) 0);
                if (x.getVolumeNameForVolumeMountPoint(Utf16.toNative(root), out, VOLUME_NAME_CHARS)) {
                    letters.byVolume.putIfAbsent(Utf16.read(out).toLowerCase(Locale.ROOT), root);
                }
            }
        } catch (RuntimeException cannotTell) {
            // Only a name for a person: without it the GUID name alone is shown.
        }
        return letters;
    }

    /** The drive root ({@code C:\}) of the volume {@code volumeGuidName}; null when it has no letter. */
    String of(String volumeGuidName) {
        return volumeGuidName == null ? null : byVolume.get(volumeGuidName.toLowerCase(Locale.ROOT));
    }
}
