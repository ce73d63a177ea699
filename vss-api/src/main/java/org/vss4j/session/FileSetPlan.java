package org.vss4j.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vss4j.BackupType;
import org.vss4j.FileSet;
import org.vss4j.FileSpecBackupType;
import org.vss4j.WriterComponentInfo;

/**
 * The file sets a backup takes and the volumes they live on, decided before the shadow copy set is started:
 * <ul>
 * <li>a log backup takes only database log files (Microsoft docs, "VSS Backup State": files added with
 * {@code AddDatabaseLogFiles}); every other type takes file-group files, database files and log files;</li>
 * <li>a file set whose backup-type mask does not ask for this backup type is left out
 * ({@code VSS_FSBT_*_BACKUP_REQUIRED}, vss.h); a mask of 0 (writers older than the mask) asks for all;</li>
 * <li>every volume a file set lives on joins the set: its normal location's and its alternate path's, mount folders
 * included, since {@link VolumeResolver} splits paths at mount points.</li>
 * </ul>
 */
final class FileSetPlan {

    private final List<FileSource> sources = new ArrayList<>();
    private final Map<String, String> volumes = new LinkedHashMap<>();

    /** File sets of the components to add (component mode). */
    static FileSetPlan forComponents(List<SelectedComponent> selected, BackupType type, PathPlanner planner) {
        FileSetPlan plan = new FileSetPlan();
        for (SelectedComponent s : selected) {
            for (WriterComponentInfo member : s.members()) {
                for (FileSet f : fileSets(member, type)) {
                    plan.add(s.writer().refOf(member), s.ref(), f, planner, true);
                }
            }
        }
        return plan;
    }

    /**
     * Every writer's file sets, to tell which component a volume file belongs to (volume mode); their volumes do not
     * join the set.
     */
    static FileSetPlan forAttribution(List<GatheredWriter> writers, BackupType type, PathPlanner planner) {
        FileSetPlan plan = new FileSetPlan();
        for (GatheredWriter w : writers) {
            for (WriterComponentInfo c : w.components()) {
                for (FileSet f : fileSets(c, type)) {
                    try {
                        plan.add(w.refOf(c), null, f, planner, false);
                    } catch (UnresolvablePathException e) {
                        // The files stay in the backup as plain volume files; the user is told why they are not
                        // attributed (a file set on no volume of this machine holds none of them: DEBUG only).
                        planner.ignored(e, "files of this file set on the backed-up volumes are not attributed to "
                                + "the component");
                    }
                }
            }
        }
        return plan;
    }

    /**
     * @throws UnresolvablePathException naming the writer, the component and the file set when a path of it cannot
     *                                   be resolved (a selected component is never silently left without its files)
     */
    private void add(ComponentRef component, ComponentRef added, FileSet f, PathPlanner planner, boolean snapshot) {
        ResolvedPath normal = resolve(planner, f.path(), component, f, "file set");
        ResolvedPath alternate = f.alternateLocation() == null || f.alternateLocation().isEmpty() ? null
                : resolve(planner, f.alternateLocation(), component, f, "alternate location");
        FileSpecPattern pattern;
        try {
            pattern = FileSpecPattern.of(f.filespec());
        } catch (UnresolvablePathException e) {
            throw e.of(component.writer(), whose(component, f, "file set"));
        }
        sources.add(new FileSource(component, added, normal, alternate, pattern, f.recursive()));
        if (snapshot) {
            addVolume(normal);
            if (alternate != null) {
                addVolume(alternate);
            }
        }
    }

    private static ResolvedPath resolve(PathPlanner planner, String path, ComponentRef component, FileSet f,
            String role) {
        try {
            return planner.resolve(path);
        } catch (UnresolvablePathException e) {
            throw e.of(component.writer(), whose(component, f, role));
        }
    }

    private static String whose(ComponentRef component, FileSet f, String role) {
        return role + " " + f.path() + " (filespec " + f.filespec() + ") of component '" + component.fullPath()
                + "' of writer " + component.writer();
    }

    void addVolume(ResolvedPath volume) {
        volumes.putIfAbsent(volume.volumeId().toLowerCase(java.util.Locale.ROOT), volume.volumeName());
    }

    List<FileSource> sources() {
        return List.copyOf(sources);
    }

    /** Volume id (lower case) to the name to add to the shadow copy set, in the order first needed. */
    Map<String, String> volumes() {
        return new LinkedHashMap<>(volumes);
    }

    /** The file sets of {@code c} a backup of {@code type} takes. */
    static List<FileSet> fileSets(WriterComponentInfo c, BackupType type) {
        List<FileSet> all = new ArrayList<>();
        if (type == BackupType.LOG) {
            all.addAll(c.logFiles());
        } else {
            all.addAll(c.files());
            all.addAll(c.databaseFiles());
            all.addAll(c.logFiles());
        }
        int required = requiredBit(type).value();
        return all.stream().filter(f -> f.backupTypeMask() == 0 || (f.backupTypeMask() & required) != 0).toList();
    }

    private static FileSpecBackupType requiredBit(BackupType type) {
        return switch (type) {
            case INCREMENTAL -> FileSpecBackupType.INCREMENTAL_BACKUP_REQUIRED;
            case DIFFERENTIAL -> FileSpecBackupType.DIFFERENTIAL_BACKUP_REQUIRED;
            case LOG -> FileSpecBackupType.LOG_BACKUP_REQUIRED;
            default -> FileSpecBackupType.FULL_BACKUP_REQUIRED;
        };
    }
}
