package org.vss4j.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.struct.Win32FindDataW;
import org.vss4j.com.FileTimes;

/**
 * The binding reads each {@code WIN32_FIND_DATAW} member by member at the offsets of {@link Win32FindDataW#OFFSETS};
 * here the entries are written through the JNA {@code Structure} itself (the layout the ABI conformance test checks),
 * so a wrong offset, a wrong byte order or a name read past its NUL shows.
 */
class FindDataBufferTest {

    private final FindDataBuffer buffer = new FindDataBuffer();

    private void write(String name, int attributes, int reserved0, long size, long lastWriteTicks) {
        Win32FindDataW d = new Win32FindDataW(buffer.pointer());
        d.dwFileAttributes = attributes;
        d.ftLastWriteTime.dwLowDateTime = (int) lastWriteTicks;
        d.ftLastWriteTime.dwHighDateTime = (int) (lastWriteTicks >>> 32);
        d.ftCreationTime.dwLowDateTime = -1;
        d.ftCreationTime.dwHighDateTime = -1;
        d.nFileSizeHigh = (int) (size >>> 32);
        d.nFileSizeLow = (int) size;
        d.dwReserved0 = reserved0;
        d.dwReserved1 = 0x55555555;
        Arrays.fill(d.cFileName, (byte) 'Z');
        byte[] chars = name.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(chars, 0, d.cFileName, 0, chars.length);
        if (chars.length < d.cFileName.length) {
            d.cFileName[chars.length] = 0;
            d.cFileName[chars.length + 1] = 0;
        }
        Arrays.fill(d.cAlternateFileName, (byte) 'Y');
        d.write();
    }

    @Test
    void everyMemberIsReadWhereTheStructurePutsIt() {
        long ticks = FileTimes.fromInstant(Instant.parse("2024-02-29T12:34:56.789Z"));
        write("report.txt", FileAttribute.ARCHIVE | FileAttribute.HIDDEN, 0x12345678, 5L << 32 | 0xFFFF_FFF0L, ticks);
        DirectoryEntry e = buffer.entry();
        assertThat(e.name()).isEqualTo("report.txt");
        assertThat(e.attributes()).isEqualTo(FileAttribute.ARCHIVE | FileAttribute.HIDDEN);
        // Not a reparse point: dwReserved0 is undefined ("WIN32_FIND_DATAW structure"), so no tag.
        assertThat(e.reparseTag()).isZero();
        assertThat(e.size()).isEqualTo(5L << 32 | 0xFFFF_FFF0L);
        assertThat(e.lastWrite()).isEqualTo(Instant.parse("2024-02-29T12:34:56.789Z"));
    }

    @Test
    void aReparsePointsTagIsDwReserved0() {
        write("link", FileAttribute.DIRECTORY | FileAttribute.REPARSE_POINT, 0xA000000C, 0, 0);
        DirectoryEntry e = buffer.entry();
        assertThat(e.isReparsePoint()).isTrue();
        assertThat(e.reparseTag()).isEqualTo(0xA000000C);
    }

    @Test
    void theNameEndsAtItsNulWhateverFollowsAndKeepsSurrogatePairs() {
        write("a much longer name than the next one.dat", FileAttribute.ARCHIVE, 0, 1, 0);
        assertThat(buffer.entry().name()).isEqualTo("a much longer name than the next one.dat");
        write("\u00e9t\u00e9 \ud83d\ude00.txt", FileAttribute.ARCHIVE, 0, 1, 0);
        assertThat(buffer.entry().name()).isEqualTo("\u00e9t\u00e9 \ud83d\ude00.txt");
    }

    @Test
    void aNameOfMaxPathUnitsWithoutNulIsReadToTheEndOfItsArrayOnly() {
        String longest = "n".repeat(Win32FindDataW.MAX_PATH);
        write(longest, FileAttribute.ARCHIVE, 0, 1, 0);
        assertThat(buffer.entry().name()).isEqualTo(longest);
    }
}
