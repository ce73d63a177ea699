package org.vss4j.media;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupType;
import org.vss4j.files.FileAttribute;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentSelection;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.Volume;
import org.vss4j.sim.WithSimulatedMachine;
import org.vss4j.sim.WriterComponent;

/**
 * Backup semantics in a set (docs/backup-semantics.md): a file whose ACL denies the user is backed up only with
 * SeBackupPrivilege enabled; security descriptors and alternate data streams go into the set and come back on a
 * restore onto a simulated volume with SeRestorePrivilege; elsewhere the report says what was not applied.
 */
@WithSimulatedMachine
class BackupSemanticsSetTest {

    private static final byte[] SD = {1, 0, 4, (byte) 0x80, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    @TempDir
    Path disk;
    @TempDir
    Path media;
    private Volume volume;

    @BeforeEach
    void volume(SimulatedMachine machine) throws IOException {
        Files.createDirectories(disk.resolve("data"));
        Files.writeString(disk.resolve("data/good.db"), "good");
        Files.writeString(disk.resolve("data/secret.db"), "secret");
        volume = machine.addVolume(disk, "D:\\");
        machine.addWriter(SimulatedWriter.builder("Orders DB Writer")
                .component(WriterComponent.fileGroup("", "orders").withFile(FileSpec.of("D:\\data", "*", false)))
                .build());
    }

    private static BackupSetInfo backUp(String setId, Path media) throws IOException {
        try (BackupSession session = BackupSession.builder()
                .components(ComponentSelection.writer("Orders DB Writer"))
                .type(BackupType.COPY)
                .phaseTimeout(Duration.ofMinutes(1))
                .start()) {
            return SessionBackupSet.backUp(session, media, setId);
        }
    }

    @Test
    void aFileItsUserCannotOpenIsBackedUpWithSeBackupPrivilegeEnabled(SimulatedMachine machine) throws IOException {
        volume.facts().denyAccess("data/secret.db");
        // An elevated administrator: the privilege is held, disabled, until the backup session enables it.
        assertThat(machine.token().isEnabled("SeBackupPrivilege")).isFalse();

        BackupSetInfo set = backUp("copy-1", media);

        assertThat(set.state()).isEqualTo("complete");
        // The session enabled it for its lifetime only: disabled again once it closed.
        assertThat(machine.token().isEnabled("SeBackupPrivilege")).isFalse();
        BackupSetReader reader = BackupSetReader.open(media);
        CatalogRow secret = reader.files("copy-1").stream().filter(r -> r.entryName().endsWith("secret.db"))
                .findFirst().orElseThrow();
        try (InputStream in = reader.open("copy-1", secret)) {
            assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("secret");
        }
    }

    @Test
    void withoutThePrivilegeTheDeniedFileFailsAndTheSetIsPartialNamingIt(SimulatedMachine machine)
            throws IOException {
        volume.facts().denyAccess("data/secret.db");
        // Elevated (VSS lets it in), but the token lacks the privilege: AdjustTokenPrivileges gives
        // ERROR_NOT_ALL_ASSIGNED.
        machine.token().drop("SeBackupPrivilege");

        BackupSetInfo set = backUp("copy-2", media);

        assertThat(set.state()).isEqualTo("partial");
        assertThat(set.files()).isEqualTo(1);
        assertThat(BackupSetReader.open(media).failedFiles("copy-2")).singleElement().asString()
                .startsWith("D:\\data\\secret.db: ").contains("ERROR_ACCESS_DENIED");
    }

    @Test
    void securityDescriptorsAndAlternateStreamsRoundTripThroughASetIntoARestoreOnASimulatedVolume(
            SimulatedMachine machine, @TempDir Path other) throws IOException {
        volume.facts().securityDescriptor("data/good.db", SD)
                .alternateStream("data/good.db", "Zone.Identifier", "[ZoneTransfer]\nZoneId=3".getBytes(UTF_8))
                .attributes("data/good.db", FileAttribute.HIDDEN);

        BackupSetInfo set = backUp("copy-3", media);
        assertThat(set.state()).isEqualTo("complete");
        BackupSetReader reader = BackupSetReader.open(media);
        assertThat(reader.verify("copy-3").problems()).isEmpty();
        // tar still gives the plain files; the streams are beside them, under the reserved directory.
        assertThat(entries(media.resolve("copy-3/data.tar"))).contains("D/data/good.db", "D/data/secret.db",
                ".vss4j-streams/D/data/good.db").doesNotContain(".vss4j-streams/D/data/secret.db");
        assertThat(reader.files("copy-3")).extracting(CatalogRow::entryName)
                .noneMatch(n -> n.startsWith(".vss4j-streams"));

        Volume restoreVolume = machine.addVolume(other, "E:\\");
        RestoreReport report = reader.restore("copy-3", other.resolve("restored"), List.of(), false);

        assertThat(report.complete()).isTrue();
        // Files and their directories get everything back (DirectoryMetadataTest for the directories').
        assertThat(report.notApplied()).isEmpty();
        // Enabled for the restore only: put back as it was (disabled) once the restore ended.
        assertThat(machine.token().isEnabled("SeRestorePrivilege")).isFalse();
        String restored = "restored/D/data/good.db";
        assertThat(restoreVolume.facts().securityDescriptor(restored)).hasValue(SD);
        assertThat(restoreVolume.facts().alternateStreams(restored).get("Zone.Identifier"))
                .isEqualTo("[ZoneTransfer]\nZoneId=3".getBytes(UTF_8));
        assertThat(restoreVolume.facts().fact(restored)).hasValueSatisfying(
                f -> assertThat(f.attributes() & FileAttribute.HIDDEN).isNotZero());
        assertThat(Files.readString(other.resolve(restored))).isEqualTo("good");
        assertThat(Files.exists(other.resolve("restored/.vss4j-streams"))).isFalse();
    }

    @Test
    void whereTheStreamsCannotBeWrittenTheReportSaysSo(@TempDir Path target) throws IOException {
        volume.facts().alternateStream("data/good.db", "s", "x".getBytes(UTF_8));
        backUp("copy-4", media);

        // The target is on no simulated volume: nowhere keeps streams there (ERROR_NOT_SUPPORTED).
        RestoreReport report = BackupSetReader.open(media).restore("copy-4", target, List.of(), false);

        assertThat(report.restored()).contains("D/data/good.db");
        assertThat(report.notApplied()).filteredOn(l -> l.contains("ads::")).singleElement().asString()
                .startsWith("D/data/good.db: ads::s:$DATA not restored").contains("ERROR_NOT_SUPPORTED");
        // Nor its attributes and creation time (SetFileInformationByHandle refuses them there, rather than drop them);
        // its last-write time is set alone, as any file system keeps one.
        assertThat(report.notApplied()).filteredOn(l -> l.contains("attributes and creation time not restored (the "
                + "last-write time is)")).hasSize(report.restored().size() + 2)
                .allSatisfy(l -> assertThat(l).contains("ERROR_NOT_SUPPORTED"));
        java.time.temporal.ChronoUnit ms = java.time.temporal.ChronoUnit.MILLIS;
        java.time.Instant original = Files.getLastModifiedTime(volume.root().resolve("data/good.db")).toInstant();
        assertThat(Files.getLastModifiedTime(target.resolve("D/data/good.db")).toInstant().truncatedTo(ms))
                .isEqualTo(original.truncatedTo(ms));
        // Each directory the restore created once, deepest first.
        assertThat(report.notApplied()).filteredOn(l -> l.contains("/: ")).extracting(l -> l.substring(0,
                l.indexOf(": "))).containsExactly("D/data/", "D/");
        assertThat(Files.readString(target.resolve("D/data/good.db"))).isEqualTo("good");
    }

    @Test
    void withoutSeRestorePrivilegeTheSecurityDescriptorIsNotAppliedAndTheReportSaysWhy(SimulatedMachine machine,
            @TempDir Path other) throws IOException {
        volume.facts().securityDescriptor("data/good.db", SD);
        backUp("copy-5", media);
        Volume restoreVolume = machine.addVolume(other, "E:\\");
        machine.token().drop("SeRestorePrivilege");

        RestoreReport report = BackupSetReader.open(media).restore("copy-5", other, List.of(), false);

        assertThat(report.complete()).isTrue();
        assertThat(report.notApplied()).singleElement().asString()
                .startsWith("D/data/good.db: security not restored")
                .contains("Win32 error 1307").contains("ERROR_NOT_ALL_ASSIGNED");
        assertThat(restoreVolume.facts().securityDescriptor("D/data/good.db")).isEmpty();
    }

    @Test
    void onlySecurityAlternateStreamsAndExtendedAttributesAreKept() throws IOException {
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        for (int id : new int[] {1, 8, 3, 7, 4}) {
            raw.writeBytes(new org.vss4j.files.BackupStreamHeader(id, 0, 2, id == 4 ? ":s:$DATA" : "").toBytes());
            raw.writeBytes(new byte[] {(byte) id, (byte) id});
        }
        FileStreams kept = FileStreams.read(org.vss4j.files.BackupStreamReader.of(
                new java.io.ByteArrayInputStream(raw.toByteArray()), "f"), "f").orElseThrow();
        assertThat(kept.kinds()).isEqualTo("security,ads::s:$DATA");
    }

    private static List<String> entries(Path tar) throws IOException {
        List<String> out = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.isFile()) {
                    out.add(e.getName());
                }
            }
        }
        return out;
    }
}
