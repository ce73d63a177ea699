package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupType;
import org.vss4j.session.BackupSession;
import org.vss4j.session.BackupSessionBuilder;
import org.vss4j.session.ComponentSelection;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.WithSimulatedMachine;
import org.vss4j.sim.WriterComponent;

/**
 * Incremental and differential sets of files no writer claims, on a simulated machine: which set each builds on,
 * what each stores, and that restoring each set gives exactly the tree as it was when that set was taken.
 */
@WithSimulatedMachine
class ChainedBackupSetTest {

    @TempDir
    Path disk;
    @TempDir
    Path media;
    @TempDir
    Path targets;

    @BeforeEach
    void volume(SimulatedMachine machine) {
        machine.addVolume(disk, "D:\\");
    }

    @Test
    void eachSetOfAVolumeChainStoresWhatChangedAndRestoresItsOwnTree() throws IOException {
        Map<String, Map<String, String>> asTaken = new LinkedHashMap<>();
        write("a.txt", "alpha");
        write("dir/b.txt", "bravo");
        write("dir/c.txt", "charlie");
        take(BackupType.FULL, "full-1", null, asTaken);
        take(BackupType.COPY, "copy-1", null, asTaken);

        write("dir/b.txt", "BRAVO"); // same size, new content and last-write time
        write("d.txt", "delta");
        Files.delete(disk.resolve("dir/c.txt"));
        BackupSetInfo inc2 = take(BackupType.INCREMENTAL, "inc-2", "full-1", asTaken);
        assertThat(inc2.parentSetId()).isEqualTo("full-1");
        assertThat(stored("inc-2")).isEqualTo(Map.of("D/d.txt", "inc-2", "D/dir/b.txt", "inc-2", "D/a.txt", "full-1"));
        assertThat(inc2.files()).isEqualTo(2);

        // Same size, and a last-write time before the parent's snapshot, but not the one the parent recorded.
        write("a.txt", "ALPHA");
        Files.setLastModifiedTime(disk.resolve("a.txt"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        write("e.txt", "echo");
        take(BackupType.INCREMENTAL, "inc-3", "inc-2", asTaken);
        assertThat(stored("inc-3")).isEqualTo(Map.of("D/a.txt", "inc-3", "D/e.txt", "inc-3", "D/dir/b.txt", "inc-2",
                "D/d.txt", "inc-2"));

        write("f.txt", "foxtrot");
        take(BackupType.DIFFERENTIAL, "diff-4", "full-1", asTaken);
        assertThat(stored("diff-4").values()).containsOnly("diff-4");
        assertThat(stored("diff-4").keySet()).containsExactlyInAnyOrder("D/a.txt", "D/dir/b.txt", "D/d.txt",
                "D/e.txt", "D/f.txt");

        take(BackupType.LOG, "log-5", null, asTaken);
        write("g.txt", "golf");
        take(BackupType.INCREMENTAL, "inc-6", "inc-3", asTaken);
        assertThat(stored("inc-6")).containsEntry("D/g.txt", "inc-6").containsEntry("D/f.txt", "inc-6")
                .containsEntry("D/a.txt", "inc-3").containsEntry("D/d.txt", "inc-2");

        BackupSetReader reader = BackupSetReader.open(media);
        Map<String, List<String>> chains = Map.of("full-1", List.of("full-1"), "copy-1", List.of("copy-1"),
                "inc-2", List.of("full-1", "inc-2"), "inc-3", List.of("full-1", "inc-2", "inc-3"),
                "diff-4", List.of("full-1", "diff-4"), "log-5", List.of("log-5"),
                "inc-6", List.of("full-1", "inc-2", "inc-3", "inc-6"));
        for (Map.Entry<String, Map<String, String>> set : asTaken.entrySet()) {
            String id = set.getKey();
            Path target = targets.resolve(id);
            RestoreReport r = reader.restore(id, target, List.of(), false);
            assertThat(r.complete()).as(id).isTrue();
            assertThat(r.chain()).as(id).isEqualTo(chains.get(id));
            assertThat(MediaFixtures.tree(target.resolve("D"))).as(id).isEqualTo(set.getValue());
            VerifyReport v = reader.verify(id);
            assertThat(v.problems()).as(id).isEmpty();
            assertThat(v.chain()).as(id).isEqualTo(chains.get(id));
            assertThat(reader.chain(id)).as(id).isEqualTo(chains.get(id));
        }
        // One path of a chained set, taken from the set that holds it.
        RestoreReport one = reader.restore("inc-6", targets.resolve("one"), List.of("D/d.txt"), false);
        assertThat(one.restored()).containsExactly("D/d.txt");
        assertThat(targets.resolve("one/D/d.txt")).hasContent("delta");
    }

    @Test
    void theParentIsTheNewestCompleteSetOfATypeThatMayPrecede(SimulatedMachine machine) throws IOException {
        writer(machine);
        write("data/a.db", "alpha");
        assertThat(parent(BackupType.INCREMENTAL)).isEmpty();
        component(BackupType.FULL, "full-1", null);
        component(BackupType.COPY, "copy-1", null);
        assertThat(parent(BackupType.INCREMENTAL)).hasValue("full-1"); // a copy set is never a parent
        component(BackupType.INCREMENTAL, "inc-2", "full-1");
        assertThat(parent(BackupType.INCREMENTAL)).hasValue("inc-2");
        assertThat(parent(BackupType.DIFFERENTIAL)).hasValue("full-1"); // incrementals in between do not count
        component(BackupType.DIFFERENTIAL, "diff-3", "full-1");
        // A complete log set of the same sources, the newest (written directly: the writer's file group has no logs).
        try (BackupSetWriter w = BackupSetWriter.start(media, new SetMetadata("log-4", "log", false, true, false,
                null, null, List.of(new SetMetadata.Source("D:\\", "D")), null))) {
            w.snapshotTaken(java.util.UUID.randomUUID(), Instant.now());
            assertThat(w.finish().state()).isEqualTo("complete");
        }
        assertThat(parent(BackupType.INCREMENTAL)).hasValue("inc-2"); // neither the differential nor the log set
        assertThat(parent(BackupType.DIFFERENTIAL)).hasValue("full-1");

        // A newer full set that is partial is skipped.
        try (BackupSession s = componentSession(BackupType.FULL, null).start()) {
            s.items().stream().filter(i -> i.originalPath().endsWith("a.db")).findFirst().ifPresent(i -> {
                try {
                    Files.delete(i.inSnapshot());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(SessionBackupSet.backUp(s, media, new BackupSetRequest("full-5", List.of("D:\\"), null))
                    .state()).isEqualTo("partial");
        }
        assertThat(parent(BackupType.DIFFERENTIAL)).hasValue("full-1");
        // So is a newer full set whose outcome was never recorded (unconfirmed).
        try (BackupSetWriter w = BackupSetWriter.start(media, new SetMetadata("full-6", "full", false, true, false,
                null, null, List.of(new SetMetadata.Source("D:\\", "D")), null))) {
            w.snapshotTaken(java.util.UUID.randomUUID(), Instant.now());
            assertThat(w.publishUnconfirmed().state()).isEqualTo(PublishedSet.UNCONFIRMED);
        }
        assertThat(parent(BackupType.DIFFERENTIAL)).hasValue("full-1");

        // The sources as Windows compares paths: case-insensitively, in any order; only the same ones.
        assertThat(BackupChain.parentFor(media, List.of("d:\\"), BackupType.INCREMENTAL)
                .map(p -> p.set().setId())).hasValue("inc-2");
        assertThat(BackupChain.parentFor(media, List.of("D:\\", "E:\\"), BackupType.INCREMENTAL)).isEmpty();
        assertThat(BackupSetReader.open(media).list()).extracting(BackupSetInfo::setId, BackupSetInfo::parentSetId)
                .contains(org.assertj.core.groups.Tuple.tuple("inc-2", "full-1"),
                        org.assertj.core.groups.Tuple.tuple("diff-3", "full-1"),
                        org.assertj.core.groups.Tuple.tuple("full-1", null));
    }

    @Test
    void theSourcesOfASetMatchInAnyOrderAndCase(SimulatedMachine machine) throws IOException {
        writer(machine);
        write("data/a.db", "alpha");
        try (BackupSession s = componentSession(BackupType.FULL, null).start()) {
            SessionBackupSet.backUp(s, media, new BackupSetRequest("full-de", List.of("D:\\data", "E:\\"), null));
        }
        assertThat(BackupChain.parentFor(media, List.of("e:\\", "d:\\DATA"), BackupType.INCREMENTAL)
                .map(p -> p.set().setId())).hasValue("full-de");
        assertThat(BackupChain.parentFor(media, List.of("D:\\data"), BackupType.INCREMENTAL)).isEmpty();
    }

    @Test
    void anIncrementalOrDifferentialWithoutAParentIsRefusedAndTheSessionAborted(SimulatedMachine machine)
            throws IOException {
        writer(machine);
        write("data/a.db", "alpha");
        component(BackupType.COPY, "copy-1", null);
        for (BackupType type : List.of(BackupType.INCREMENTAL, BackupType.DIFFERENTIAL)) {
            try (BackupSession s = componentSession(type, null).start()) {
                assertThatThrownBy(() -> SessionBackupSet.backUp(s, media, new BackupSetRequest("x", List.of("D:\\"),
                        null))).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("builds on an earlier set, and none was given");
                assertThatThrownBy(s::complete).isInstanceOf(IllegalStateException.class);
            }
        }
        assertThat(BackupSetReader.open(media).list()).extracting(BackupSetInfo::setId).containsExactly("copy-1");
    }

    @Test
    void aMissingSetOfTheChainIsAnErrorNamingIt() throws IOException {
        write("a.txt", "alpha");
        write("b.txt", "bravo");
        take(BackupType.FULL, "full-1", null, new LinkedHashMap<>());
        write("b.txt", "BRAVO");
        take(BackupType.INCREMENTAL, "inc-2", "full-1", new LinkedHashMap<>());
        MediaLayout.deleteTree(media.resolve("full-1"));

        BackupSetReader reader = BackupSetReader.open(media);
        Path target = targets.resolve("t");
        assertThatThrownBy(() -> reader.restore("inc-2", target, List.of(), false))
                .isInstanceOfSatisfying(BrokenChainException.class, e -> {
                    assertThat(e.missingSet()).isEqualTo("full-1");
                    assertThat(e.getMessage()).contains("inc-2", "full-1", "missing");
                });
        assertThat(target).doesNotExist(); // nothing written
        VerifyReport v = reader.verify("inc-2");
        assertThat(v.ok()).isFalse();
        assertThat(v.problems()).extracting(VerifyReport.Problem::kind).containsOnly(VerifyReport.Kind.CHAIN);
        assertThat(v.problems()).extracting(VerifyReport.Problem::name).contains("full-1", "D/a.txt");
        assertThat(v.files()).isEqualTo(1); // its own data still verified
    }

    @Test
    void aDamagedSetOfTheChainOrAForeignStoredInIsAnErrorNamingTheSet() throws Exception {
        write("a.txt", "alpha");
        take(BackupType.FULL, "full-1", null, new LinkedHashMap<>());
        take(BackupType.COPY, "copy-2", null, new LinkedHashMap<>());
        take(BackupType.INCREMENTAL, "inc-3", "full-1", new LinkedHashMap<>());
        take(BackupType.INCREMENTAL, "inc-4", "full-1", new LinkedHashMap<>());
        BackupSetReader reader = BackupSetReader.open(media);

        // A row of inc-4 says copy-2 holds its data: copy-2 is no set of inc-4's chain.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:"
                + media.resolve("inc-4/catalog.db"));
                java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE files SET stored_in = 'copy-2' WHERE entry_name = 'D/a.txt'");
        }
        assertThatThrownBy(() -> reader.restore("inc-4", targets.resolve("t4"), List.of(), false))
                .isInstanceOfSatisfying(BrokenChainException.class, e -> assertThat(e.missingSet())
                        .isEqualTo("copy-2"));
        assertThat(reader.verify("inc-4").problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(VerifyReport.Kind.CHAIN);
            assertThat(p.detail()).contains("copy-2", "not of the chain");
        });

        // The full set's catalog is damaged.
        Files.write(media.resolve("full-1/catalog.db"), new byte[4096]);
        assertThatThrownBy(() -> reader.restore("inc-3", targets.resolve("t3"), List.of(), false))
                .isInstanceOfSatisfying(BrokenChainException.class, e -> {
                    assertThat(e.missingSet()).isEqualTo("full-1");
                    assertThat(e.getMessage()).contains("inc-3", "full-1", "cannot be read");
                });
        assertThat(targets.resolve("t3")).doesNotExist();
    }

    @Test
    void verifyOfAChainedSetReadsTheDataItTakesFromEarlierSetsAndRestoreRefusesItWhenDamaged() throws Exception {
        write("a.txt", "alpha");
        write("b.txt", "bravo");
        take(BackupType.FULL, "full-1", null, new LinkedHashMap<>());
        write("b.txt", "BRAVO");
        take(BackupType.INCREMENTAL, "inc-2", "full-1", new LinkedHashMap<>());
        BackupSetReader reader = BackupSetReader.open(media);
        assertThat(reader.verify("inc-2").ok()).isTrue();

        // One byte of a.txt's data in the full set's data.tar: inc-2 takes that file from full-1.
        CatalogRow a = reader.files("full-1").stream().filter(r -> r.entryName().equals("D/a.txt")).findFirst()
                .orElseThrow();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(media.resolve("full-1/data.tar"),
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'A'}), a.dataOffset());
        }
        VerifyReport v = reader.verify("inc-2");
        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(VerifyReport.Kind.CHECKSUM);
            assertThat(p.name()).isEqualTo("D/a.txt");
            assertThat(p.detail()).contains("set full-1", a.sha256());
        });
        assertThat(v.files()).isEqualTo(1); // its own data is whole
        // The restore reads the chain and refuses the damaged file by name (exit code 12 in vss restore).
        RestoreReport r = reader.restore("inc-2", targets.resolve("t"), List.of(), false);
        assertThat(r.complete()).isFalse();
        assertThat(r.refused()).extracting(RestoreReport.Refusal::name).containsExactly("D/a.txt");
        assertThat(targets.resolve("t/D/b.txt")).hasContent("BRAVO");
    }

    @Test
    void verifyFindsARowWhoseEarlierSetDoesNotHoldItsEntry() throws Exception {
        write("a.txt", "alpha");
        take(BackupType.FULL, "full-1", null, new LinkedHashMap<>());
        take(BackupType.INCREMENTAL, "inc-2", "full-1", new LinkedHashMap<>());
        assertThat(BackupSetReader.open(media).verify("inc-2").ok()).isTrue();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:"
                + media.resolve("full-1/catalog.db"));
                java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE files SET sha256 = '00' WHERE entry_name = 'D/a.txt'");
        }
        VerifyReport v = BackupSetReader.open(media).verify("inc-2");
        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(VerifyReport.Kind.CHAIN);
            assertThat(p.name()).isEqualTo("D/a.txt");
        });
    }

    @Test
    void aWritersDifferencedFilesAndBackupStampsChainThroughTheStoredDocument(SimulatedMachine machine)
            throws IOException {
        Instant cut = Instant.parse("2024-05-01T12:00:00Z");
        SimulatedWriter w = machine.addWriter(SimulatedWriter.builder("Orders DB Writer")
                .component(WriterComponent.fileGroup("", "orders").withFile(FileSpec.of("D:\\data", "*", true)))
                .build());
        java.util.concurrent.atomic.AtomicInteger stamps = new java.util.concurrent.atomic.AtomicInteger();
        w.recordsAt(org.vss4j.sim.WriterEvent.POST_SNAPSHOT, "", "orders", d -> d.withBackupStamp("stamp-"
                + stamps.incrementAndGet()).withDifferencedFile(new org.vss4j.DifferencedFile("D:\\data", "*.db",
                        true, null, cut)));
        write("data/old.db", "old");
        write("data/new.db", "new");
        write("data/log.txt", "log"); // not differenced: always taken
        Files.setLastModifiedTime(disk.resolve("data/old.db"), FileTime.from(cut.minusSeconds(3600)));
        component(BackupType.FULL, "full-1", null);
        BackupSetReader reader = BackupSetReader.open(media);
        assertThat(reader.components("full-1")).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("orders");
            assertThat(c.writerName()).isEqualTo("Orders DB Writer");
            assertThat(c.backupSucceeded()).isTrue();
            assertThat(c.backupStamp()).isEqualTo("stamp-1");
        });
        assertThat(stored("full-1").keySet()).containsExactlyInAnyOrder("D/data/old.db", "D/data/new.db",
                "D/data/log.txt");

        Map<String, String> tree = MediaFixtures.tree(disk);
        ParentSet parent = BackupChain.parentFor(media, List.of("D:\\"), BackupType.INCREMENTAL).orElseThrow();
        // Read back from the stored Backup Components Document, and given to SetPreviousBackupStamp.
        assertThat(parent.previous().stamps()).extracting(org.vss4j.session.ComponentStamp::stamp)
                .containsExactly("stamp-1");
        machine.faults().recordCalls();
        component(BackupType.INCREMENTAL, "inc-2", "full-1");
        assertThat(machine.faults().callLog()).contains("IVssBackupComponents::SetPreviousBackupStamp");
        assertThat(Files.readString(media.resolve("inc-2/documents/backup-components.xml")))
                .contains("previousBackupStamp=\"stamp-1\"");
        assertThat(reader.components("inc-2")).extracting(ComponentRow::backupStamp).containsExactly("stamp-2");
        // The writer left old.db out as unchanged: listed with the full set's data; the rest taken again.
        assertThat(stored("inc-2")).isEqualTo(Map.of("D/data/old.db", "full-1", "D/data/new.db", "inc-2",
                "D/data/log.txt", "inc-2"));
        assertThat(reader.verify("inc-2").problems()).isEmpty();
        RestoreReport r = reader.restore("inc-2", targets.resolve("inc-2"), List.of(), false);
        assertThat(r.complete()).isTrue();
        assertThat(r.chain()).containsExactly("full-1", "inc-2");
        assertThat(MediaFixtures.tree(targets.resolve("inc-2/D"))).isEqualTo(tree);
    }

    private java.util.Optional<String> parent(BackupType type) throws IOException {
        return BackupChain.parentFor(media, List.of("D:\\"), type).map(p -> p.set().setId());
    }

    private void writer(SimulatedMachine machine) {
        machine.addWriter(SimulatedWriter.builder("Orders DB Writer")
                .component(WriterComponent.fileGroup("", "orders").withFile(FileSpec.of("D:\\data", "*", true)))
                .build());
    }

    private static BackupSessionBuilder componentSession(BackupType type, ParentSet parent) {
        BackupSessionBuilder b = BackupSession.builder().components(ComponentSelection.writer("Orders DB Writer"))
                .type(type).phaseTimeout(Duration.ofMinutes(1));
        return parent == null ? b : b.previous(parent.previous());
    }

    /** A component-mode set of the writer's files, building on {@code expectedParent} as {@code parentFor} finds. */
    private BackupSetInfo component(BackupType type, String id, String expectedParent) throws IOException {
        ParentSet parent = null;
        if (type == BackupType.INCREMENTAL || type == BackupType.DIFFERENTIAL) {
            parent = BackupChain.parentFor(media, List.of("D:\\"), type).orElseThrow();
            assertThat(parent.set().setId()).isEqualTo(expectedParent);
        }
        BackupSetInfo info;
        try (BackupSession s = componentSession(type, parent).start()) {
            info = SessionBackupSet.backUp(s, media, new BackupSetRequest(id, List.of("D:\\"), parent));
        }
        assertThat(info.state()).isEqualTo("complete");
        assertThat(info.parentSetId()).isEqualTo(expectedParent);
        return info;
    }

    /**
     * A volume-mode set of D: building on {@code parentId}. On the simulator a volume set is partial: its System
     * Volume Information cannot be listed without SeBackupPrivilege. So the parent is named here rather than found by
     * {@link BackupChain#parentFor} (which takes complete sets only; tested in component mode below).
     */
    private BackupSetInfo take(BackupType type, String id, String parentId, Map<String, Map<String, String>> asTaken)
            throws IOException {
        ParentSet parent = parentId == null ? null
                : BackupChain.parentSet(media, BackupSetReader.open(media).set(parentId));
        asTaken.put(id, MediaFixtures.tree(disk));
        BackupSetInfo info;
        try (BackupSession s = session(type, parent).start()) {
            info = SessionBackupSet.backUp(s, media, new BackupSetRequest(id, List.of("D:\\"), parent));
        }
        assertThat(BackupSetReader.open(media).failedFiles(id)).allSatisfy(f -> assertThat(f)
                .startsWith("D:\\System Volume Information: "));
        return info;
    }

    private static BackupSessionBuilder session(BackupType type, ParentSet parent) {
        return VolumeSets.session(type, parent);
    }

    /** Each listed file of {@code setId} with the set that holds its data. */
    private Map<String, String> stored(String setId) throws IOException {
        return BackupSetReader.open(media).files(setId).stream().collect(Collectors.toMap(CatalogRow::entryName,
                r -> r.holder(setId), (x, y) -> x, TreeMap::new));
    }

    private void write(String relative, String content) throws IOException {
        Path p = disk.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
