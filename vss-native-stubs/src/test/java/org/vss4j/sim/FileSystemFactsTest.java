package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vss4j.sim.FindCalls.ARCHIVE;
import static org.vss4j.sim.FindCalls.DIRECTORY;
import static org.vss4j.sim.FindCalls.ERROR_ACCESS_DENIED;
import static org.vss4j.sim.FindCalls.ERROR_PATH_NOT_FOUND;
import static org.vss4j.sim.FindCalls.ERROR_FILE_NOT_FOUND;
import static org.vss4j.sim.FindCalls.HIDDEN;
import static org.vss4j.sim.FindCalls.IO_REPARSE_TAG_CLOUD;
import static org.vss4j.sim.FindCalls.IO_REPARSE_TAG_DEDUP;
import static org.vss4j.sim.FindCalls.IO_REPARSE_TAG_MOUNT_POINT;
import static org.vss4j.sim.FindCalls.IO_REPARSE_TAG_SYMLINK;
import static org.vss4j.sim.FindCalls.IO_REPARSE_TAG_WOF;
import static org.vss4j.sim.FindCalls.OFFLINE;
import static org.vss4j.sim.FindCalls.RECALL_ON_DATA_ACCESS;
import static org.vss4j.sim.FindCalls.REPARSE_POINT;
import static org.vss4j.sim.FindCalls.SPARSE_FILE;
import static org.vss4j.sim.FindCalls.SYSTEM;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vss4j.BackupComponents;
import org.vss4j.SnapshotContext;
import org.vss4j.VssAsync;
import org.vss4j.sim.FindCalls.Found;

/**
 * File-system facts of a simulated volume as FindFirstFileW reports them — reparse points with their tags, links that
 * really lead where Windows' do, directories that deny access, case-sensitive directories — and how each shadow copy
 * keeps its volume's facts as they were when it was made, across processes for a persistent one.
 */
@ExtendWith(VssSimulatorExtension.class)
class FileSystemFactsTest {

    /** {@code VSS_VOLSNAP_ATTR_PERSISTENT}: a shadow copy the journal records. */
    private static final int PERSISTENT = 1;

    @TempDir
    Path temp;

    Path c;
    Volume volume;

    @BeforeEach
    void volume(SimulatedMachine machine) throws Exception {
        c = Files.createDirectories(temp.resolve("c"));
        Files.createDirectories(c.resolve("data"));
        for (String f : new String[] {"dedup.bin", "wof.exe", "hydrated.docx", "dehydrated.docx", "plain.txt"}) {
            Files.writeString(c.resolve("data").resolve(f), "content of " + f);
        }
        volume = machine.addVolume(c, "C:\\");
    }

    private Snapshot snapshot(SimulatedMachine machine) {
        return machine.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), volume, 0, 1, null);
    }

    @Test
    void dataCarryingReparsePointsAreListedWithTheirTagsAndHoldTheHostFilesContent() throws Exception {
        volume.facts().deduplicated("data/dedup.bin").wofCompressed("data\\wof.exe")
                .cloudPlaceholder("data/hydrated.docx", true).cloudPlaceholder("data/dehydrated.docx", false);
        Map<String, Found> found = FindCalls.byName("C:\\data\\*");
        assertThat(found.get("dedup.bin").attributes()).isEqualTo(ARCHIVE | REPARSE_POINT);
        assertThat(found.get("dedup.bin").reparseTag()).isEqualTo(IO_REPARSE_TAG_DEDUP);
        assertThat(found.get("dedup.bin").size()).isEqualTo(Files.size(c.resolve("data/dedup.bin")));
        assertThat(found.get("wof.exe").attributes()).isEqualTo(ARCHIVE | REPARSE_POINT);
        assertThat(found.get("wof.exe").reparseTag()).isEqualTo(IO_REPARSE_TAG_WOF);
        assertThat(found.get("hydrated.docx").attributes()).isEqualTo(ARCHIVE | REPARSE_POINT);
        assertThat(found.get("hydrated.docx").reparseTag()).isEqualTo(IO_REPARSE_TAG_CLOUD);
        assertThat(found.get("dehydrated.docx").attributes())
                .isEqualTo(ARCHIVE | REPARSE_POINT | RECALL_ON_DATA_ACCESS | OFFLINE | SPARSE_FILE);
        assertThat(found.get("dehydrated.docx").reparseTag()).isEqualTo(IO_REPARSE_TAG_CLOUD);
        assertThat(found.get("dehydrated.docx").size()).isEqualTo(Files.size(c.resolve("data/dehydrated.docx")));
        assertThat(found.get("plain.txt").attributes()).isEqualTo(ARCHIVE);
        assertThat(found.get("plain.txt").reparseTag()).isZero();
        // On the live volume the data is there (the sync engine hydrates a placeholder on access).
        assertThat(c.resolve("data/dehydrated.docx")).hasContent("content of dehydrated.docx");
        // What docs/simulator-file-system.md warns about: java.nio on Linux sees a plain regular file, where the JDK
        // on Windows says "other". Only the reparse tag from FindFirstFileW tells the truth on both.
        assertThat(Files.isRegularFile(c.resolve("data/dedup.bin"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void anyDataCarryingTagAndExtraAttributesCanBeStated() {
        int cloud3 = 0x9000301A; // IO_REPARSE_TAG_CLOUD_3 (ntifs.h)
        volume.facts().reparsePoint("data/plain.txt", cloud3, 0).attributes("data/plain.txt", HIDDEN | SYSTEM);
        Found f = FindCalls.byName("C:\\data\\*").get("plain.txt");
        assertThat(f.reparseTag()).isEqualTo(cloud3);
        assertThat(f.attributes()).isEqualTo(ARCHIVE | REPARSE_POINT | HIDDEN | SYSTEM);
    }

    @Test
    void factsThatCannotBeTrueAreRefused() {
        FileSystemFacts facts = volume.facts();
        assertThatThrownBy(() -> facts.deduplicated("data/none.bin")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> facts.deduplicated("data")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> facts.reparsePoint("data/plain.txt", IO_REPARSE_TAG_SYMLINK, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> facts.junction("data/j", Path.of("relative"))).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> facts.denyAccess("..\\elsewhere")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> facts.attributes("data/plain.txt", DIRECTORY)).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void symbolicLinksAreReparsePointsWhoseDirectoryFlagIsTheLinksOwn() throws Exception {
        volume.facts().symbolicLink("data/file-link", Path.of("plain.txt"), false)
                .symbolicLink("data/dir-link", temp.resolve("not-yet"), true);
        Map<String, Found> found = FindCalls.byName("C:\\data\\*");
        assertThat(found.get("file-link").attributes()).isEqualTo(ARCHIVE | REPARSE_POINT);
        assertThat(found.get("file-link").reparseTag()).isEqualTo(IO_REPARSE_TAG_SYMLINK);
        // A directory link to nothing (yet) is still a directory link.
        assertThat(found.get("dir-link").attributes()).isEqualTo(DIRECTORY | REPARSE_POINT);
        assertThat(found.get("dir-link").reparseTag()).isEqualTo(IO_REPARSE_TAG_SYMLINK);
        assertThat(Files.readSymbolicLink(c.resolve("data/file-link"))).isEqualTo(Path.of("plain.txt"));
        assertThat(c.resolve("data/file-link")).hasContent("content of plain.txt");
    }

    @Test
    void junctionsAndMountPointsAreDirectoryReparsePointsWithTheMountPointTag(SimulatedMachine machine)
            throws Exception {
        Path d = Files.createDirectories(temp.resolve("d"));
        Files.writeString(d.resolve("on-d.txt"), "d");
        Volume dVolume = machine.addVolume(d, "D:\\");
        volume.facts().junction("data/junction", c.resolve("data")).mountPoint("mnt", dVolume);
        Found j = FindCalls.byName("C:\\data\\*").get("junction");
        assertThat(j.attributes()).isEqualTo(DIRECTORY | REPARSE_POINT);
        assertThat(j.reparseTag()).isEqualTo(IO_REPARSE_TAG_MOUNT_POINT);
        Found mnt = FindCalls.byName("C:\\*").get("mnt");
        assertThat(mnt.attributes()).isEqualTo(DIRECTORY | REPARSE_POINT);
        assertThat(mnt.reparseTag()).isEqualTo(IO_REPARSE_TAG_MOUNT_POINT);
        // Through the mounted folder: the mounted volume's root.
        assertThat(FindCalls.names("C:\\mnt\\*")).containsExactly("on-d.txt", "System Volume Information");
    }

    @Test
    void aJunctionInsideAShadowCopyLeadsToTheLiveVolume(SimulatedMachine machine) throws Exception {
        Files.createDirectories(c.resolve("app"));
        Files.writeString(c.resolve("data/plain.txt"), "before the snapshot");
        volume.facts().junction("app/data-link", c.resolve("data"));
        Snapshot s = snapshot(machine);
        Files.writeString(c.resolve("data/plain.txt"), "after the snapshot");
        Files.writeString(c.resolve("data/new.txt"), "made after the snapshot");

        Path inCopy = s.directory().resolve("app/data-link");
        assertThat(Files.isSymbolicLink(inCopy)).isTrue();
        Found link = FindCalls.byName(s.directory() + "/app/*").get("data-link");
        assertThat(link.reparseTag()).isEqualTo(IO_REPARSE_TAG_MOUNT_POINT);
        assertThat(link.attributes()).isEqualTo(DIRECTORY | REPARSE_POINT);
        // The shadow copy's own data is the point in time ...
        assertThat(s.directory().resolve("data/plain.txt")).hasContent("before the snapshot");
        // ... but whoever follows the junction reads live data, as on Windows.
        assertThat(inCopy.resolve("plain.txt")).hasContent("after the snapshot");
        assertThat(FindCalls.names(inCopy + "/*")).contains("new.txt");
        machine.snapshotStore().delete(s.id());
    }

    @Test
    void aDeniedDirectoryIsListedInItsParentButCannotBeListedNorAnythingBelowItAndAMissingNameIsNotFound()
            throws Exception {
        Files.createDirectories(c.resolve("secret/inner"));
        volume.facts().denyAccess("secret");
        assertThat(FindCalls.byName("C:\\*").get("secret").attributes()).isEqualTo(DIRECTORY);
        assertThat(FindCalls.failure("C:\\secret\\*")).isEqualTo(ERROR_ACCESS_DENIED);
        // inner inherits the denial; it is opened by name, as traverse checking is bypassed for everyone.
        assertThat(FindCalls.failure("C:\\secret\\inner\\*")).isEqualTo(ERROR_ACCESS_DENIED);
        assertThat(FindCalls.failure("C:\\secret\\not-there\\*")).as("a name that is not there is not found")
                .isEqualTo(ERROR_PATH_NOT_FOUND);
        assertThat(FindCalls.failure(c + "/secret/*")).isEqualTo(ERROR_ACCESS_DENIED);
        assertThat(FindCalls.names("C:\\secret")).containsExactly("secret");
    }

    @Test
    void namesThatDifferOnlyByCaseAreBothListedAndMatchedExactlyInACaseSensitiveDirectory() throws Exception {
        Path cs = Files.createDirectories(c.resolve("cs"));
        Files.writeString(cs.resolve("Readme.md"), "one");
        Files.writeString(cs.resolve("README.md"), "two");
        volume.facts().caseSensitive("cs");
        Map<String, Found> found = FindCalls.byName("C:\\cs\\*");
        assertThat(found.keySet()).containsExactly(".", "..", "README.md", "Readme.md");
        assertThat(FindCalls.list("C:\\cs\\README.md")).singleElement().extracting(Found::size).isEqualTo(3L);
        assertThat(FindCalls.failure("C:\\cs\\readme.md")).isEqualTo(ERROR_FILE_NOT_FOUND);
        assertThat(FindCalls.names("C:\\data\\PLAIN.TXT")).as("elsewhere names match in any case")
                .containsExactly("plain.txt");
    }

    @Test
    void aShadowCopyHasItsVolumesFactsAsTheyWereWhenItWasMade(SimulatedMachine machine) throws Exception {
        Files.createDirectories(c.resolve("secret"));
        volume.facts().deduplicated("data/dedup.bin").denyAccess("secret");
        Snapshot s = snapshot(machine);
        volume.facts().wofCompressed("data/wof.exe");

        assertThat(FindCalls.byName("C:\\data\\*").get("wof.exe").reparseTag()).isEqualTo(IO_REPARSE_TAG_WOF);
        Map<String, Found> inCopy = FindCalls.byName(s.directory() + "/data/*");
        assertThat(inCopy.get("dedup.bin").reparseTag()).isEqualTo(IO_REPARSE_TAG_DEDUP);
        assertThat(inCopy.get("wof.exe").attributes()).as("compressed after the snapshot").isEqualTo(ARCHIVE);
        assertThat(FindCalls.failure(s.directory() + "/secret/*")).isEqualTo(ERROR_ACCESS_DENIED);
        assertThat(machine.snapshotStore().facts(s.id()).fact("data/wof.exe")).isEmpty();
        machine.snapshotStore().delete(s.id());
    }

    @Test
    void aShadowCopyMadeThroughVssHasTheFacts(SimulatedMachine machine) {
        volume.facts().deduplicated("data/dedup.bin");
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setContext(SnapshotContext.FILE_SHARE_BACKUP);
            b.startSnapshotSet();
            b.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
            try (VssAsync async = b.doSnapshotSet()) {
                async.awaitFinished(Duration.ofSeconds(30));
            }
            Snapshot s = machine.snapshots().get(0);
            assertThat(FindCalls.byName(s.directory() + "/data/*").get("dedup.bin").reparseTag())
                    .isEqualTo(IO_REPARSE_TAG_DEDUP);
        }
    }

    @Test
    void aDehydratedPlaceholderIsListedInAShadowCopyButItsDataCannotBeReadThere(SimulatedMachine machine)
            throws Exception {
        volume.facts().cloudPlaceholder("data/dehydrated.docx", false).cloudPlaceholder("data/hydrated.docx", true);
        Found live = FindCalls.byName("C:\\data\\*").get("dehydrated.docx");
        Snapshot s = snapshot(machine);
        Found inCopy = FindCalls.byName(s.directory() + "/data/*").get("dehydrated.docx");
        assertThat(inCopy.attributes()).isEqualTo(live.attributes());
        assertThat(inCopy.reparseTag()).isEqualTo(IO_REPARSE_TAG_CLOUD);
        assertThat(inCopy.size()).isEqualTo(live.size());
        // The host keeps a link's times to the microsecond (10 FILETIME units).
        assertThat(inCopy.lastWriteTime() / 10).isEqualTo(live.lastWriteTime() / 10);
        assertThatThrownBy(() -> Files.readAllBytes(s.directory().resolve("data/dehydrated.docx")))
                .isInstanceOf(FileSystemException.class);
        assertThat(s.directory().resolve("data/hydrated.docx")).hasContent("content of hydrated.docx");
        assertThat(c.resolve("data/dehydrated.docx")).hasContent("content of dehydrated.docx");
        machine.snapshotStore().delete(s.id());
    }

    @Test
    void aPersistentShadowCopysFactsAreSeenByALaterProcess(SimulatedMachine testMachine) throws Exception {
        Path state = Files.createDirectories(temp.resolve("state"));
        Path e = Files.createDirectories(temp.resolve("e"));
        Files.writeString(e.resolve("dedup.bin"), "d");
        Files.writeString(e.resolve("cloud.docx"), "cloud data");
        Files.createDirectories(e.resolve("private"));
        UUID id;
        java.time.Instant changed;
        SimulatedMachine first = SimulatedMachine.persistentAt(state);
        SimulatedMachine.install(first);
        try {
            Volume v = first.addVolume(e, "E:\\");
            v.facts().deduplicated("dedup.bin").cloudPlaceholder("cloud.docx", false).denyAccess("private")
                    .caseSensitive("private");
            changed = v.facts().changeTime("dedup.bin").orElseThrow();
            id = first.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), v, PERSISTENT, 1, null).id();
            v.facts().wofCompressed("dedup.bin");
        } finally {
            SimulatedMachine.install(testMachine);
            first.close();
        }

        SimulatedMachine second = SimulatedMachine.persistentAt(state);
        SimulatedMachine.install(second);
        try {
            Snapshot s = second.snapshotStore().find(id);
            FileSystemFacts facts = second.snapshotStore().facts(id);
            assertThat(facts.root()).isEqualTo(s.directory());
            assertThat(facts.fact("dedup.bin")).hasValueSatisfying(f -> assertThat(f.reparseTag())
                    .isEqualTo(IO_REPARSE_TAG_DEDUP));
            assertThat(facts.isAccessDenied("private")).isTrue();
            assertThat(facts.isCaseSensitive("private")).isTrue();
            // The ChangeTime of the original at snapshot time, not the host copy's.
            assertThat(facts.changeTime("dedup.bin")).hasValue(changed);
            Map<String, Found> listed = FindCalls.byName(s.directory() + "/*");
            assertThat(listed.get("dedup.bin").reparseTag()).isEqualTo(IO_REPARSE_TAG_DEDUP);
            assertThat(listed.get("cloud.docx").size()).isEqualTo("cloud data".length());
            assertThat(listed.get("cloud.docx").attributes() & RECALL_ON_DATA_ACCESS).isNotZero();
            assertThat(FindCalls.failure(s.directory() + "/private/*")).isEqualTo(ERROR_ACCESS_DENIED);
            second.snapshotStore().delete(id);
            try (Stream<Path> left = Files.list(state.resolve("snapshots"))) {
                // Only the device counter stays (device numbers never repeat on a machine), with its lock file, and the
                // lock of the journal (and, while this machine lives, the trash its files are deleted from).
                assertThat(left.map(f -> f.getFileName().toString()).filter(n -> !n.equals(TrashBin.NAME)))
                        .as("the record, the facts and the copy are gone")
                        .containsExactlyInAnyOrder("last-device-number", "last-device-number.lock", "journal.lock");
            }
        } finally {
            SimulatedMachine.install(testMachine);
            second.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain copies", "cp -a"})
    void theCopyKeepsLinksAsLinksAndDeletingOrRevertingNeverFollowsThem(String method, SimulatedMachine machine)
            throws IOException {
        boolean plain = method.equals("plain copies");
        if (!plain) {
            assumeTrue(Files.isExecutable(Path.of("/bin/cp")) || Files.isExecutable(Path.of("/usr/bin/cp")),
                    "needs cp");
        }
        machine.snapshotStore().useCopier(plain ? PointInTimeCopier.plainCopies()
                : PointInTimeCopier.withCloneCommand(List.of("cp", "-a")));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("precious.txt"), "keep me");
        volume.facts().junction("data/out", elsewhere).symbolicLink("data/rel", Path.of("plain.txt"), false)
                .symbolicLink("data/abs", c.resolve("data/plain.txt"), false).junction("top", elsewhere);
        Snapshot s = snapshot(machine);
        assertThat(s.copyMethod()).isEqualTo(plain ? CopyMethod.PLAIN_COPY : CopyMethod.REFLINK);
        for (String l : List.of("out", "rel", "abs")) {
            Path inCopy = s.directory().resolve("data").resolve(l);
            assertThat(Files.isSymbolicLink(inCopy)).as(l).isTrue();
            assertThat(Files.readSymbolicLink(inCopy)).isEqualTo(Files.readSymbolicLink(c.resolve("data").resolve(l)));
        }

        volume.facts().deduplicated("data/dedup.bin");
        machine.snapshotStore().revert(s);
        assertThat(elsewhere.resolve("precious.txt")).hasContent("keep me");
        assertThat(Files.isSymbolicLink(c.resolve("data/out"))).isTrue();
        assertThat(Files.isSymbolicLink(c.resolve("top"))).isTrue();
        assertThat(volume.facts().fact("data/out")).isPresent();
        assertThat(volume.facts().fact("data/dedup.bin")).as("the volume's facts are the shadow copy's again")
                .isEmpty();

        machine.snapshotStore().delete(s.id());
        assertThat(s.directory()).doesNotExist();
        assertThat(elsewhere.resolve("precious.txt")).hasContent("keep me");
        assertThat(c.resolve("data/plain.txt")).hasContent("content of plain.txt");
    }
}
