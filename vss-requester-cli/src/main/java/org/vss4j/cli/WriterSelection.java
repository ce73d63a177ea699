package org.vss4j.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.WriterIdentity;
import org.vss4j.WriterMetadataEntry;

/**
 * Resolves writers named on the command line (class id or name) to writer class ids. Microsoft docs
 * ("Overview of Backup Initialization") note there is no way to list writers before GatherWriterMetadata, so this asks
 * a second, short-lived IVssBackupComponents, as they suggest.
 */
final class WriterSelection {

    private final Map<UUID, String> classes = new LinkedHashMap<>();
    /** Per writer class, its components' {@code LOGICAL\\PATH\\NAME}s as {@code --component} takes them. */
    private final Map<UUID, java.util.Set<String>> components = new LinkedHashMap<>();

    private WriterSelection() {
    }

    /** The writers on the machine now (only asked when the command line names any). */
    static WriterSelection discover(Duration timeout) {
        WriterSelection s = new WriterSelection();
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(timeout);
            for (int i = 0; i < bc.getWriterMetadataCount(); i++) {
                try (WriterMetadataEntry e = bc.getWriterMetadata(i)) {
                    WriterIdentity id = e.metadata().getIdentity();
                    s.classes.put(id.writerId(), id.writerName());
                    java.util.Set<String> paths = s.components.computeIfAbsent(id.writerId(),
                            k -> new java.util.LinkedHashSet<>());
                    e.metadata().read().components().forEach(c -> paths.add(c.logicalPath() == null
                            || c.logicalPath().isEmpty() ? c.name() : c.logicalPath() + "\\" + c.name()));
                }
            }
        }
        return s;
    }

    /** The class ids of {@code specs}, each a writer class id or a writer name (case-insensitive). */
    List<UUID> resolve(List<String> specs, String option) {
        List<UUID> ids = new ArrayList<>();
        for (String spec : specs) {
            ids.add(resolve(spec, option));
        }
        return ids;
    }

    private UUID resolve(String spec, String option) {
        java.util.Optional<UUID> asId = GuidArgument.parse(spec);
        if (asId.isPresent()) {
            UUID id = asId.get();
            if (!classes.containsKey(id)) {
                throw new UsageException(option + " " + spec + ": no writer of class {" + id
                        + "} on this machine; `vss writers` lists them");
            }
            return id;
        }
        String wanted = spec.strip().toLowerCase(Locale.ROOT);
        return classes.entrySet().stream().filter(e -> e.getValue().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new UsageException(option + " " + spec
                        + ": no writer with that name or class id on this machine; `vss writers` lists them"));
    }

    /**
     * Refuses a component the writer of class {@code classId} does not report ({@code LOGICAL\\PATH\\NAME},
     * without case, {@code /} taken as {@code \\}, as the session matches it), naming its components: the command
     * line's fault, found before the backup starts.
     */
    void requireComponent(UUID classId, String path, String option, String spec) {
        java.util.Set<String> known = components.getOrDefault(classId, java.util.Set.of());
        String wanted = path.replace('/', '\\');
        if (known.stream().noneMatch(c -> c.equalsIgnoreCase(wanted))) {
            throw new UsageException(option + " " + spec + ": writer '" + classes.get(classId) + "' has no component "
                    + path + "; its components: " + (known.isEmpty() ? "none" : String.join(", ", known))
                    + " (`vss writers` lists them)");
        }
    }
}
