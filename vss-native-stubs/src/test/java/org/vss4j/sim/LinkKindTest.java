package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vss4j.sim.FindCalls.ARCHIVE;
import static org.vss4j.sim.FindCalls.DIRECTORY;
import static org.vss4j.sim.FindCalls.ERROR_DIRECTORY;
import static org.vss4j.sim.FindCalls.IO_REPARSE_TAG_SYMLINK;
import static org.vss4j.sim.FindCalls.REPARSE_POINT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.sim.FindCalls.Found;
import org.vss4j.sim.win32.SymbolicLinks;

/**
 * A link made with {@code CreateSymbolicLinkW} is a directory link or a file link by {@code SYMBOLIC_LINK_FLAG_DIRECTORY},
 * fixed when it is made, whatever its target is (Microsoft docs, "CreateSymbolicLinkW function"); FindFirstFileW
 * reports the link's own kind, and a file link cannot be listed as a directory.
 */
@ExtendWith(VssSimulatorExtension.class)
class LinkKindTest {

    @TempDir
    Path c;
    @TempDir
    Path scratch;

    Volume volume;

    @BeforeEach
    void volume(SimulatedMachine machine) throws Exception {
        Files.writeString(c.resolve("file.txt"), "f");
        Files.createDirectories(c.resolve("dir"));
        Files.writeString(c.resolve("dir/in.txt"), "in");
        volume = machine.addVolume(c, "C:\\");
    }

    private static void link(String name, String target, int flags) {
        assertThat(Exports.current().createSymbolicLink(Utf16.toNative(name), Utf16.toNative(target), flags))
                .as("CreateSymbolicLinkW(%s, %s), last error %d", name, target, Exports.current().lastError())
                .isTrue();
    }

    @Test
    void insideAVolumeTheFlagNotTheTargetSaysWhetherTheLinkIsADirectory() {
        link("C:\\dir-link-to-file", "C:\\file.txt", SymbolicLinks.FLAG_DIRECTORY);
        link("C:\\file-link-to-dir", "C:\\dir", 0);
        link("C:\\dir-link-to-nothing", "C:\\not-yet", SymbolicLinks.FLAG_DIRECTORY);
        link("C:\\dir-link", "C:\\dir", SymbolicLinks.FLAG_DIRECTORY);
        Map<String, Found> found = FindCalls.byName("C:\\*");
        assertThat(found.get("dir-link-to-file").attributes()).isEqualTo(DIRECTORY | REPARSE_POINT);
        assertThat(found.get("dir-link-to-nothing").attributes()).isEqualTo(DIRECTORY | REPARSE_POINT);
        assertThat(found.get("file-link-to-dir").attributes()).isEqualTo(ARCHIVE | REPARSE_POINT);
        assertThat(found.get("file-link-to-dir").reparseTag()).isEqualTo(IO_REPARSE_TAG_SYMLINK);
        assertThat(FindCalls.names("C:\\dir-link\\*")).containsExactly(".", "..", "in.txt");
        // A file link opened as a directory: "The directory name is invalid".
        assertThat(FindCalls.failure("C:\\file-link-to-dir\\*")).isEqualTo(ERROR_DIRECTORY);
        assertThat(FindCalls.failure("C:\\dir-link-to-file\\*")).isEqualTo(ERROR_DIRECTORY);
    }

    @Test
    void theKindTravelsIntoAShadowCopy(SimulatedMachine machine) {
        link("C:\\dir-link-to-file", "C:\\file.txt", SymbolicLinks.FLAG_DIRECTORY);
        Snapshot s = machine.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), volume, 0, 1, null);
        assertThat(FindCalls.byName(s.deviceObject() + "\\*").get("dir-link-to-file").attributes())
                .isEqualTo(DIRECTORY | REPARSE_POINT);
        machine.snapshotStore().delete(s.id());
    }

    @Test
    void outsideEveryVolumeTheKindIsKeptUntilTheLinkIsDeleted() throws Exception {
        Path dirLink = scratch.resolve("dir-link-to-nothing");
        link(dirLink.toString(), c.resolve("not-yet").toString(), SymbolicLinks.FLAG_DIRECTORY);
        Path fileLink = scratch.resolve("file-link-to-dir");
        link(fileLink.toString(), "C:\\dir", 0);
        Map<String, Found> found = FindCalls.byName(scratch + "/*");
        assertThat(found.get("dir-link-to-nothing").attributes()).isEqualTo(DIRECTORY | REPARSE_POINT);
        assertThat(found.get("file-link-to-dir").attributes()).isEqualTo(ARCHIVE | REPARSE_POINT);
        assertThat(FindCalls.failure(fileLink + "/*")).isEqualTo(ERROR_DIRECTORY);

        // Deleted, and a link of the same name made on the host: what was recorded no longer counts.
        Files.delete(dirLink);
        Files.delete(fileLink);
        Files.createSymbolicLink(fileLink, c.resolve("dir"));
        assertThat(FindCalls.byName(scratch + "/*").get("file-link-to-dir").attributes())
                .isEqualTo(DIRECTORY | REPARSE_POINT);
        assertThat(FindCalls.names(fileLink + "/*")).contains("in.txt");
    }
}
