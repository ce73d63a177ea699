package org.vss4j;

import java.time.Instant;

/**
 * {@code IVssComponent::GetDifferencedFile}: files a writer marked for an incremental or differential backup, by last
 * modification time or by a writer-specific LSN.
 *
 * @param path             the directory
 * @param filespec         the file name pattern
 * @param recursive        whether subdirectories are included (a 4-byte {@code BOOL} in the ABI)
 * @param lsn              the writer's LSN string, or null when the time applies
 * @param lastModifyTime   the last modification time ({@code FILETIME}); {@code 1601-01-01T00:00:00Z} for none
 */
public record DifferencedFile(String path, String filespec, boolean recursive, String lsn, Instant lastModifyTime) {
}
