package org.vss4j;

/**
 * {@code IVssComponent::GetPartialFile}: a file of which only some byte ranges are to be backed up.
 *
 * @param path     the directory
 * @param filename the file name
 * @param ranges   the byte ranges ({@code offset:length,...}) or the path of a ranges file
 * @param metadata writer metadata for the file, or null
 */
public record PartialFile(String path, String filename, String ranges, String metadata) {
}
