package org.vss4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotMountTest {

    private static final String DEVICE = "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy7";

    @TempDir
    Path tmp;

    private static SnapshotProperties snapshot(String device, String exposedName) {
        return new SnapshotProperties(UUID.randomUUID(), UUID.randomUUID(), 1, device, "\\\\?\\Volume{x}\\", "HOST",
                "HOST", exposedName, null, UUID.randomUUID(), 0, Instant.now(), SnapshotState.CREATED);
    }

    @Test
    void aDeviceThatIsADirectoryIsUsedAsIs() throws IOException {
        Path device = Files.createDirectory(tmp.resolve("shadow"));
        Files.writeString(device.resolve("a.txt"), "frozen");
        try (SnapshotMount m = SnapshotMount.open(snapshot(device.toString(), null), (link, target) -> {
            throw new AssertionError("no link needed");
        })) {
            assertThat(m.isLink()).isFalse();
            assertThat(Files.readString(m.root().resolve("a.txt"))).isEqualTo("frozen");
        }
        assertThat(device).exists();
    }

    @Test
    void aLocallyExposedSnapshotIsReadThroughItsExposedName() throws IOException {
        Path exposed = Files.createDirectory(tmp.resolve("X"));
        try (SnapshotMount m = SnapshotMount.open(snapshot(DEVICE, exposed.toString()), (link, target) -> {
            throw new AssertionError("no link needed");
        })) {
            assertThat(m.root()).isEqualTo(exposed);
        }
    }

    @Test
    void aDeviceJavaCannotOpenIsReachedThroughATemporaryDirectoryLinkRemovedOnClose() throws IOException {
        Path device = Files.createDirectory(tmp.resolve("device"));
        Files.writeString(device.resolve("b.txt"), "through the link");
        List<String> targets = new ArrayList<>();
        SnapshotMount m = SnapshotMount.open(snapshot(DEVICE, null), (link, target) -> {
            targets.add(target);
            // Stands in for CreateSymbolicLinkW: on this host a real directory symlink to the "device".
            Files.createSymbolicLink(link, device);
        });
        Path link = m.root();

        assertThat(targets).containsExactly(DEVICE + "\\");
        assertThat(m.isLink()).isTrue();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(link.resolve("b.txt"))).isEqualTo("through the link");

        m.close();
        m.close();
        assertThat(link).doesNotExist();
        assertThat(link.getParent()).doesNotExist();
        assertThat(device.resolve("b.txt")).exists();
        assertThatThrownBy(m::root).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aFailedLinkLeavesNothingBehind() {
        List<Path> made = new ArrayList<>();
        assertThatThrownBy(() -> SnapshotMount.open(snapshot(DEVICE, null), (link, target) -> {
            made.add(link);
            throw new VssException(0x80070522, "CreateSymbolicLinkW", link + " -> " + target);
        })).isInstanceOf(VssException.class).hasMessageContaining("CreateSymbolicLinkW");
        assertThat(made).hasSize(1);
        assertThat(made.get(0).getParent()).doesNotExist();
    }

    @Test
    void unparseableNamesAreNotMistakenForDirectories() {
        List<String> targets = new ArrayList<>();
        assertThatThrownBy(() -> SnapshotMount.open(snapshot("\u0000bad", null), (link, target) -> {
            targets.add(target);
            throw new IOException("refused");
        })).hasRootCauseMessage("refused");
        assertThat(targets).containsExactly("\u0000bad\\");
    }
}
