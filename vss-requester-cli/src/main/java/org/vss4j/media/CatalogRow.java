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
 * @param dataOffset   where its data starts in data.tar
 */
public record CatalogRow(String entryName, String sourceRoot, String relativePath, FileMetadata metadata, long size,
        String sha256, long dataOffset) {
}
