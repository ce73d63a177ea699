package org.vss4j.files;

import java.time.Instant;

/**
 * A file's times and Win32 attributes ({@code FILE_BASIC_INFO}, Microsoft docs, "FILE_BASIC_INFO structure"). A null
 * time, and attributes of 0, mean "unknown" when read and "leave as it is" when set.
 *
 * @param creationTime   when it was created
 * @param lastAccessTime when it was last read
 * @param lastWriteTime  when its data was last written
 * @param changeTime     when its data or metadata last changed (read only; Windows maintains it)
 * @param attributes     the {@code FILE_ATTRIBUTE_*} bits (winnt.h)
 */
public record FileBasicInformation(Instant creationTime, Instant lastAccessTime, Instant lastWriteTime,
        Instant changeTime, int attributes) {
}
