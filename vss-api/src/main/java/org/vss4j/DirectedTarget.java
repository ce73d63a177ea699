package org.vss4j;

/**
 * {@code IVssComponent::GetDirectedTarget}: a directed restore of (ranges of) a source file to a destination file.
 *
 * @param sourcePath          the source directory
 * @param sourceFilename      the source file name
 * @param sourceRanges        the source byte ranges
 * @param destinationPath     the destination directory
 * @param destinationFilename the destination file name
 * @param destinationRanges   the destination byte ranges
 */
public record DirectedTarget(String sourcePath, String sourceFilename, String sourceRanges, String destinationPath,
        String destinationFilename, String destinationRanges) {
}
