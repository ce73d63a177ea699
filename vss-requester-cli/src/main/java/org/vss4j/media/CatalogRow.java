package org.vss4j.media;

/**
 * One file of a set as its catalog holds it.
 *
 * @param entryName    its entry in data.tar ({@code root/relative/path})
 * @param sourceRoot   its source's top-level directory
 * @param relativePath its path relative to the root, with {@code /}
 * @param metadata     writer, component, Windows path, times, attributes
 * @param size         its size in bytes
 * @param sha256       the SHA-256 of its data, lower-case hex
 * @param dataOffset   where its data starts in the data.tar of the set that holds it
 * @param storedIn     the earlier set of the chain whose data.tar holds the data (the file did not change since),
 *                     or null when this set holds it
 */
public record CatalogRow(String entryName, String sourceRoot, String relativePath, FileMetadata metadata, long size,
        String sha256, long dataOffset, String storedIn) {

    /**
     * A row whose data this set holds.
     *
     * @param entryName    its entry in data.tar ({@code root/relative/path})
     * @param sourceRoot   its source's top-level directory
     * @param relativePath its path relative to the root, with {@code /}
     * @param metadata     writer, component, Windows path, times, attributes
     * @param size         its size in bytes
     * @param sha256       the SHA-256 of its data, lower-case hex
     * @param dataOffset   where its data starts in data.tar
     */
    public CatalogRow(String entryName, String sourceRoot, String relativePath, FileMetadata metadata, long size,
            String sha256, long dataOffset) {
        this(entryName, sourceRoot, relativePath, metadata, size, sha256, dataOffset, null);
    }

    /**
     * Whether this set's data.tar holds the file's data.
     *
     * @return true if {@code storedIn} is null
     */
    public boolean storedHere() {
        return storedIn == null;
    }

    /**
     * The set whose data.tar holds the file's data.
     *
     * @param thisSet the id of the set this row belongs to
     * @return {@code storedIn}, or {@code thisSet} when the row's own set holds it
     */
    public String holder(String thisSet) {
        return storedIn == null ? thisSet : storedIn;
    }
}
