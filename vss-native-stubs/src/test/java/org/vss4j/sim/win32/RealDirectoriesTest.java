package org.vss4j.sim.win32;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.com.Exports;
import org.vss4j.files.PrivilegedFileAccess;
import org.vss4j.files.Win32PrivilegedFileAccess;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * CreateFileW resolves the links of a name's directories on every open although it keeps the last real path of
 * each directory ({@link RealDirectories}): a link re-pointed, or a directory replaced, between two opens of the
 * same name is seen by the second.
 */
@ExtendWith(VssSimulatorExtension.class)
class RealDirectoriesTest {

    @TempDir
    Path temp;
    private final PrivilegedFileAccess access = new Win32PrivilegedFileAccess(Exports.current());

    @Test
    void aLinkRePointedBetweenTwoOpensIsFollowedWhereItPointsNow(SimulatedMachine machine) throws IOException {
        Path d = Files.createDirectories(temp.resolve("d"));
        Files.writeString(Files.createDirectories(d.resolve("a")).resolve("f.txt"), "in a");
        Files.writeString(Files.createDirectories(d.resolve("b")).resolve("f.txt"), "in b");
        Path link = Files.createSymbolicLink(d.resolve("link"), d.resolve("a"));
        machine.addVolume(d, "D:\\");
        Path name = link.resolve("f.txt");

        assertThat(read(name)).isEqualTo("in a");
        Files.delete(link);
        Files.createSymbolicLink(link, d.resolve("b"));
        assertThat(read(name)).isEqualTo("in b");

        // The real directory itself replaced by a link to the other: its real path is no longer the one kept.
        Files.delete(link);
        Files.createSymbolicLink(link, d.resolve("a"));
        assertThat(read(name)).isEqualTo("in a");
        Files.move(d.resolve("a"), d.resolve("a-moved"));
        Files.createSymbolicLink(d.resolve("a"), d.resolve("b"));
        assertThat(read(name)).isEqualTo("in b");

        // Gone: not found, not the directory it was.
        Files.delete(d.resolve("a"));
        assertThatThrownBy(() -> read(name)).isInstanceOf(NoSuchFileException.class);
    }

    private String read(Path p) throws IOException {
        try (InputStream in = access.openData(p)) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }
}
