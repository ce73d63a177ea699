package org.vss4j.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.RestoreMethod;
import org.vss4j.WriterRestore;
import org.vss4j.cli.BackupRunFixture.Run;
import org.vss4j.files.FileAttribute;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.Volume;

/**
 * {@code vss restore --writers} gives each restored file what the plain restore gives it: its security descriptor and
 * alternate data streams (BackupWrite, SeRestorePrivilege), its times and settable attributes, and the directories it
 * creates their stored metadata; what this host could not apply is named as 'not applied', with the exit code
 * unchanged. A damaged streams entry fails the file before it takes its place: the file there stays as it was.
 */
class RestoreWritersMetadataTest {

    private static final byte[] SD = {1, 0, 4, (byte) 0x80, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] ZONE = "[ZoneTransfer]\nZoneId=3".getBytes(UTF_8);
    private static final Instant WRITTEN = Instant.parse("2026-11-30T10:15:30.123Z");
    private static final Instant SUB_WRITTEN = Instant.parse("2026-11-29T08:00:00Z");

    @TempDir
    Path root;

    RestoreWritersFixture fixture;

    @BeforeEach
    void backedUpWithMetadata() throws IOException {
        fixture = new RestoreWritersFixture(root);
        fixture.write("data/orders.db", "42 orders");
        fixture.write("data/sub/old.db", "old orders");
        Files.setLastModifiedTime(fixture.disk.resolve("data/orders.db"), FileTime.from(WRITTEN));
        Files.setLastModifiedTime(fixture.disk.resolve("data/sub"), FileTime.from(SUB_WRITTEN));
        fixture.backUp(m -> {
            m.addWriter(orders());
            d(m).facts().securityDescriptor("data/orders.db", SD).alternateStream("data/orders.db",
                    "Zone.Identifier", ZONE).attributes("data/orders.db", FileAttribute.HIDDEN | FileAttribute.READONLY);
        }, "D:\\data");
    }

    /** The live files damaged: one overwritten, a directory with its file gone. */
    private void damage() throws IOException {
        fixture.write("data/orders.db", "damaged");
        Files.delete(fixture.disk.resolve("data/sub/old.db"));
        Files.delete(fixture.disk.resolve("data/sub"));
    }

    private static SimulatedWriter orders() {
        return RestoreWritersFixture.ordersWriter()
                .restoreMethod(RestoreMethod.RESTORE_IF_CAN_REPLACE, null, null, WriterRestore.ALWAYS, false)
                .build();
    }

    private static Volume d(SimulatedMachine m) {
        return m.volumes().stream().filter(v -> v.aliases().contains("D:\\")).findFirst().orElseThrow();
    }

    private Run restore(Consumer<SimulatedMachine> plan, String... more) {
        String[] args = Stream.concat(Stream.of("restore", fixture.media.toString(), "--writers"), Stream.of(more))
                .toArray(String[]::new);
        return fixture.vss(m -> {
            m.addWriter(orders());
            plan.accept(m);
        }, args);
    }

    @Test
    void securityDescriptorStreamsTimesAndAttributesComeBackWithTheData() throws IOException {
        damage();
        Run r = restore(m -> { }, "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(fixture.read("data/orders.db")).isEqualTo("42 orders");
        Volume v = d(r.machine());
        assertThat(v.facts().securityDescriptor("data/orders.db")).hasValue(SD);
        assertThat(v.facts().alternateStreams("data/orders.db").get("Zone.Identifier")).isEqualTo(ZONE);
        assertThat(v.facts().fact("data/orders.db")).hasValueSatisfying(f -> assertThat(f.attributes()
                & (FileAttribute.HIDDEN | FileAttribute.READONLY))
                .isEqualTo(FileAttribute.HIDDEN | FileAttribute.READONLY));
        assertThat(Files.getLastModifiedTime(fixture.disk.resolve("data/orders.db")).toInstant()).isEqualTo(WRITTEN);
        // The directory the restore created has its stored last-write time, not the time its file was written into it.
        assertThat(Files.getLastModifiedTime(fixture.disk.resolve("data/sub")).toInstant()).isEqualTo(SUB_WRITTEN);
        assertThat(r.json().get("notApplied")).isEmpty();
        assertThat(r.err()).doesNotContain("not applied");
        try (Stream<Path> left = Files.list(fixture.disk.resolve("data"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".vss-restore-"));
        }
    }

    @Test
    void whatThisHostCouldNotApplyIsNamedAndTheExitCodeStaysZero() throws IOException {
        damage();
        // Elevated, but without SeRestorePrivilege: BackupWrite cannot write the security descriptor.
        Run text = restore(m -> m.token().drop("SeRestorePrivilege"));

        assertThat(text.exit()).as(text.out() + text.err()).isZero();
        assertThat(fixture.read("data/orders.db")).isEqualTo("42 orders");
        assertThat(text.out()).contains("Orders Writer\\orders: restored (2 file(s), ALL)")
                .containsPattern("(?m)^  not applied D/data/orders\\.db: security,ads::Zone\\.Identifier:\\$DATA "
                        + "not restored.*ERROR_NOT_ALL_ASSIGNED");
        assertThat(text.err()).contains("vss: restore: 1 security descriptors, alternate data streams, times or "
                + "attributes of restored files and directories were not applied; the files' data is restored (each "
                + "is named on stdout, 'not applied')");
        assertThat(d(text.machine()).facts().securityDescriptor("data/orders.db")).isEmpty();
        // The times and attributes do not need the privilege.
        assertThat(Files.getLastModifiedTime(fixture.disk.resolve("data/orders.db")).toInstant()).isEqualTo(WRITTEN);

        fixture.write("data/orders.db", "damaged again");
        Run json = restore(m -> m.token().drop("SeRestorePrivilege"), "--json");
        assertThat(json.exit()).as(json.out() + json.err()).isZero();
        JsonNode doc = json.json();
        assertThat(doc.get("allRestored").asBoolean()).isTrue();
        assertThat(doc.get("notApplied")).singleElement().satisfies(n -> assertThat(n.asText())
                .startsWith("D/data/orders.db: security,ads::Zone.Identifier:$DATA not restored"));
        assertThat(json.err()).contains("were not applied", "each is named in notApplied");
    }

    @Test
    void aDamagedStreamsEntryFailsTheFileBeforeItTakesItsPlace() throws IOException {
        damage();
        Path tar = Files.list(fixture.media).filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("."))
                .findFirst().orElseThrow().resolve("data.tar");
        byte[] bytes = Files.readAllBytes(tar);
        int at = indexOf(bytes, ZONE);
        assertThat(at).isPositive();
        bytes[at + 1] ^= 1;
        Files.write(tar, bytes);

        Run r = restore(m -> { });

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.COMPONENTS_NOT_RESTORED);
        assertThat(r.out()).contains("Orders Writer\\orders: ", "D/data/orders.db", "do not match the catalog's "
                + "SHA-256");
        // Never a file that looks restored without its security descriptor: the damaged one stays.
        assertThat(fixture.read("data/orders.db")).isEqualTo("damaged");
        try (Stream<Path> left = Files.list(fixture.disk.resolve("data"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".vss-restore-"));
        }
    }

    private static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
