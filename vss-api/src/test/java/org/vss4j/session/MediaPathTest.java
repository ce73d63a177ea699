package org.vss4j.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaPathTest {

    @TempDir
    Path media;

    @Test
    void everyWindowsPathFormLandsUnderTheMediaDirectory() {
        assertThat(MediaPath.under(media, "C:\\Users\\me\\a.txt")).isEqualTo(media.resolve("C/Users/me/a.txt"));
        assertThat(MediaPath.under(media, "c:\\x")).isEqualTo(media.resolve("C/x"));
        assertThat(MediaPath.under(media, "C:\\mnt\\data\\f")).isEqualTo(media.resolve("C/mnt/data/f"));
        assertThat(MediaPath.under(media, "\\\\?\\Volume{1b2c3d4e-0000-1111-2222-333344445555}\\db\\x.mdf"))
                .isEqualTo(media.resolve("Volume{1b2c3d4e-0000-1111-2222-333344445555}/db/x.mdf"));
        assertThat(MediaPath.under(media, "\\\\?\\D:\\deep")).isEqualTo(media.resolve("D/deep"));
        assertThat(MediaPath.under(media, "\\\\server\\share\\f")).isEqualTo(media.resolve("UNC/server/share/f"));
        assertThat(MediaPath.under(media, "\\\\?\\UNC\\server\\share\\f"))
                .isEqualTo(media.resolve("UNC/server/share/f"));
        assertThat(MediaPath.under(media, "C:\\")).isEqualTo(media.resolve("C"));
    }

    @Test
    void nothingLeadsOutsideTheMediaDirectory() {
        for (String bad : new String[] {"C:\\..\\..\\etc\\passwd", "C:\\a\\..\\..\\b", "C:\\a\\.\\b", "relative\\x",
            "C:relative", "\\rooted\\no-drive", "C:\\a/b", "C:\\a:stream", "", "\\\\?\\"}) {
            assertThatThrownBy(() -> MediaPath.under(media, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void windowsDeviceNamesAreRefusedInAnyCaseAndWithAnExtension() {
        for (String bad : new String[] {"C:\\CON", "C:\\dir\\prn", "C:\\Aux", "C:\\nul", "C:\\nul.txt",
            "C:\\NUL.tar.gz", "C:\\con .txt", "C:\\COM1", "C:\\com9.log", "C:\\LPT1", "C:\\lpt9",
            "C:\\COM\u00b9", "C:\\LPT\u00b3.txt", "C:\\nul\\under-a-device", "\\\\con\\share\\x"}) {
            assertThatThrownBy(() -> MediaPath.under(media, bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reserved device name").hasMessageContaining("Naming Files, Paths, and");
        }
    }

    @Test
    void namesThatOnlyLookLikeDevicesAreKept() {
        for (String name : new String[] {"CONSOLE", "com10", "LPT0x", "nul_", "a.con", "xnul.txt", "COMA", "AUXX.txt"}) {
            assertThat(MediaPath.under(media, "C:\\d\\" + name)).as(name).isEqualTo(media.resolve("C/d/" + name));
        }
    }

    @Test
    void aNameEndingInAPeriodOrASpaceIsRefusedSinceWindowsWouldStoreItAsAnother() {
        for (String bad : new String[] {"C:\\a.", "C:\\dir.\\x", "C:\\a ", "C:\\dir \\x", "C:\\a..."}) {
            assertThatThrownBy(() -> MediaPath.under(media, bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Windows drops a trailing").hasMessageContaining("collide");
        }
    }
}
