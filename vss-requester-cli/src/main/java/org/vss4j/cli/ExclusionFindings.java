package org.vss4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vss4j.diagnostics.FilesNotToSnapshot;

/**
 * The files VSS deletes from every shadow copy it makes (FilesNotToSnapshot; Microsoft docs, "Excluding Files from
 * Shadow Copies"): a backup read from a shadow copy lacks them without any error. Entries under user profiles
 * ({@code $UserProfile$}, {@code %UserProfile%}) take user data (Outlook's OST files, for example): a warning, so
 * nobody learns it from a restore. System entries (Windows Update's download cache, ...) are listed as ok.
 */
final class ExclusionFindings {

    static final String CHECK = "files-not-to-snapshot";

    private ExclusionFindings() {
    }

    static Finding of(Map<String, List<String>> values) {
        if (values.isEmpty()) {
            return Finding.ok(CHECK, "HKLM\\" + FilesNotToSnapshot.KEY + " lists nothing: VSS leaves out no files");
        }
        List<String> details = new ArrayList<>();
        List<String> userData = new ArrayList<>();
        int entries = 0;
        for (Map.Entry<String, List<String>> v : values.entrySet()) {
            for (String path : v.getValue()) {
                details.add(v.getKey() + ": " + path);
                entries++;
                String p = path.toLowerCase(Locale.ROOT);
                if (p.contains("$userprofile$") || p.contains("%userprofile%")) {
                    userData.add(v.getKey());
                }
            }
        }
        String summary = entries + " path(s) of " + values.size() + " application(s) may be deleted from every "
                + "shadow copy (HKLM\\" + FilesNotToSnapshot.KEY + ")";
        if (userData.isEmpty()) {
            return Finding.ok(CHECK, null, summary, details);
        }
        return Finding.warning(CHECK, null, summary + "; " + String.join(", ", userData.stream().distinct().toList())
                + " take(s) files from user profiles", details,
                "back these files up another way (their application's export), or accept that shadow copy backups "
                        + "lack them");
    }
}
