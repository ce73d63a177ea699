package org.vss4j.media;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a backup set records about the backup as a whole (docs/backup-sets.md, table {@code backup_set}): the backup
 * state given to {@code IVssBackupComponents::SetBackupState}, which Microsoft docs ("VSS Backup State") say cannot be
 * recovered from the Backup Components Document, and the shadow copy set it was read from.
 *
 * @param setId               the set's name in the media directory ({@link MediaLayout#checkSetId})
 * @param type                {@code copy}, {@code full}, {@code incremental}, {@code differential} or {@code log}
 * @param bootableSystemState whether the backup includes a bootable system state
 * @param componentMode       whether components were selected
 * @param partialFileSupport  whether the requester supports partial files
 * @param snapshotSetId       the shadow copy set, or null
 * @param snapshotTime        when the shadow copies were taken, or null
 * @param sources             each source: the volume or directory backed up, with its root directory in data.tar
 * @param parentSetId         the set an incremental or differential set builds on, or null
 */
public record SetMetadata(String setId, String type, boolean bootableSystemState, boolean componentMode,
        boolean partialFileSupport, UUID snapshotSetId, Instant snapshotTime, List<Source> sources,
        String parentSetId) {

    /**
     * Checks the set ids and the type, and copies the sources.
     *
     * @param setId               the set's name in the media directory ({@link MediaLayout#checkSetId})
     * @param type                {@code copy}, {@code full}, {@code incremental}, {@code differential} or {@code log}
     * @param bootableSystemState whether the backup includes a bootable system state
     * @param componentMode       whether components were selected
     * @param partialFileSupport  whether the requester supports partial files
     * @param snapshotSetId       the shadow copy set, or null
     * @param snapshotTime        when the shadow copies were taken, or null
     * @param sources             each source: the volume or directory backed up, with its root directory in data.tar
     * @param parentSetId         the set an incremental or differential set builds on, or null
     * @throws IllegalArgumentException if {@code setId} or {@code parentSetId} is not a valid set id
     */
    public SetMetadata {
        MediaLayout.checkSetId(setId);
        Objects.requireNonNull(type, "type");
        sources = List.copyOf(sources);
        if (parentSetId != null) {
            MediaLayout.checkSetId(parentSetId);
        }
    }

    /**
     * One source of a set.
     *
     * @param source the volume or directory as given ({@code D:\}, {@code D:\data})
     * @param root   its top-level directory in data.tar ({@code D}): one name, no {@code /}
     */
    public record Source(String source, String root) {
        /**
         * Checks that {@code root} can be a top-level directory of data.tar.
         *
         * @param source the volume or directory as given ({@code D:\}, {@code D:\data}); not null
         * @param root   its top-level directory in data.tar ({@code D}): one name, no {@code /}
         * @throws IllegalArgumentException if {@code root} is not a name Windows allows or holds {@code /}
         */
        public Source {
            Objects.requireNonNull(source, "source");
            String problem = EntryNames.problem(root);
            if (problem != null || root.contains("/")) {
                throw new IllegalArgumentException("the root " + root + " of source " + source
                        + " cannot be a top-level directory: " + (problem == null ? "it holds '/'" : problem));
            }
        }
    }
}
