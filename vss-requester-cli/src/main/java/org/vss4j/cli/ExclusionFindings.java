package org.vss4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vss4j.diagnostics.FilesNotToSnapshot;

/**
 * The files VSS deletes from every shadow copy it makes (FilesNotToSnapshot; Microsoft docs, "Excluding Files from
 * Shadow Copies"): a backup read from a shadow copy lacks them without any error. Entries under user profiles
 * ({@code $UserProfile$}, {@code %UserProfile%}) are user data (Outlook's OST files, for example): a warning, so
 * nobody learns it from a restore. System entries (Windows Update's download cache, ...) are listed as ok. On the
 * simulator the values come from the simulated registry (by default the simulator's own choice of values,
 * docs/simulator.md), and the finding says so: they are not this machine's.
 */
final class ExclusionFindings {

    static final String CHECK = "files-not-to-snapshot";

    private ExclusionFindings() {
    }

    /** The finding for this machine's registry values. */
    static Finding of(Map<String, List<String>> values) {
        return of(values, false);
    }

    /** The finding for {@code values}, read from the simulated registry when {@code simulated}. */
    static Finding of(Map<String, List<String>> values, boolean simulated) {
        String key = "HKLM\\" + FilesNotToSnapshot.KEY + (simulated ? " in the simulated registry" : "");
        if (values.isEmpty()) {
            return Finding.ok(CHECK, key + " lists nothing: VSS leaves out no files");
        }
        List<String> details = new ArrayList<>();
        List<String> userData = new ArrayList<>();
        int entries = 0;
        for (Map.Entry<String, List<String>> v : values.entrySet()) {
            for (String path : v.getValue()) {
                details.add(v.getKey() + ": " + path);
                entries++;
                String p = path.toLowerCase(Locale.ROOT);
                if ((p.contains("$userprofile$") || p.contains("%userprofile%")) && !userData.contains(v.getKey())) {
                    userData.add(v.getKey());
                }
            }
        }
        String summary = entries + " path(s) of " + values.size() + " application(s) may be deleted from every "
                + "shadow copy (" + key + (simulated ? ", not this machine's" : "") + ")";
        if (userData.isEmpty()) {
            return Finding.ok(CHECK, null, summary, details);
        }
        String fix = "back these files up another way (their application's export), or accept that shadow copy "
                + "backups lack them";
        return Finding.warning(CHECK, null, summary + "; those of " + String.join(", ", userData)
                + " are user files (under user profiles)", details, simulated
                        ? "none on the simulator (these are the simulated machine's values); on Windows: " + fix
                        : fix);
    }
}
