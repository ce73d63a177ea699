package org.vss4j.media;

/**
 * A published backup set as a listing shows it.
 *
 * @param metadata its metadata (id, type, time, sources, parent)
 * @param state    {@code complete} or {@code partial} (some files could not be saved)
 * @param files    the number of files whose data the set stores (an incremental or differential set lists more:
 *                 the unchanged ones, whose data an earlier set holds)
 * @param bytes    their bytes
 */
public record BackupSetInfo(SetMetadata metadata, String state, long files, long bytes) {

    /**
     * The set's id.
     *
     * @return {@code metadata().setId()}
     */
    public String setId() {
        return metadata.setId();
    }

    /**
     * The set this one builds on.
     *
     * @return {@code metadata().parentSetId()}: the parent of an incremental or differential set, else null
     */
    public String parentSetId() {
        return metadata.parentSetId();
    }
}
