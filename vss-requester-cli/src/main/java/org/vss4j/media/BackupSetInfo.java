package org.vss4j.media;

/**
 * A published backup set as a listing shows it.
 *
 * @param metadata its metadata (id, type, time, sources, parent)
 * @param state    {@code complete} or {@code partial} (some files could not be saved)
 * @param files    the number of files stored
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
}
