package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deleted shadow copy leaves its place at once (renamed into the store's trash) and its files are deleted on
 * another thread; what a process that died left in the trash is removed by the next store opening the directory.
 */
class BackgroundDeletionTest {

    @TempDir
    Path state;
    @TempDir
    Path disk;

    private SimulatedMachine machine;

    @BeforeEach
    void files() throws Exception {
        for (int i = 0; i < 20; i++) {
            Files.writeString(disk.resolve("f" + i), "x");
        }
    }

    @AfterEach
    void close() {
        if (machine != null) {
            machine.close();
        }
    }

    private Path trash() {
        return state.resolve("snapshots").resolve(TrashBin.NAME);
    }

    @Test
    void aDeletionReturnsWithTheCopyGoneFromItsPlaceWhileItsFilesAreDeletedOnAnotherThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> deleters = new CopyOnWriteArrayList<>();
        ProgressListener blocking = (phase, done, total) -> {
            if (phase == ProgressListener.Phase.SHADOW_COPY_DELETION) {
                deleters.add(Thread.currentThread());
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        machine = SimulatedMachine.persistentAt(state);
        Volume v = machine.addVolume(disk, "D:\\");
        Snapshot s = machine.snapshotStore().createSet(UUID.randomUUID(), Map.of(UUID.randomUUID(), v), 1, this)
                .get(0);
        machine.snapshotStore().progress(blocking);

        assertThat(machine.snapshotStore().delete(s.id())).isTrue();

        assertThat(s.directory()).doesNotExist();
        assertThat(machine.snapshotStore().find(s.id())).isNull();
        release.countDown();
        machine.snapshotStore().awaitDeletions();
        assertThat(deleters).isNotEmpty().doesNotContain(Thread.currentThread());
        try (var left = Files.walk(trash())) {
            assertThat(left.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".lock")))
                    .as("the copy's files are gone").isEmpty();
        }
    }

    @Test
    void whatADeadProcessLeftInTheTrashIsRemovedByTheNextStoreButALiveOnesFolderStays() throws Exception {
        Path dead = Files.createDirectories(trash().resolve(UUID.randomUUID().toString()).resolve("copy/sub"));
        Files.writeString(dead.resolve("file"), "left");
        Path live = Files.createDirectories(trash().resolve("live").resolve("copy"));
        try (HeldLock held = HeldLock.tryTake(trash().resolve("live.lock"))) {
            assertThat(held).isNotNull();

            machine = SimulatedMachine.persistentAt(state);
            machine.snapshotStore().awaitDeletions();

            assertThat(trash().resolve(dead.getParent().getParent().getFileName())).doesNotExist();
            assertThat(live).isDirectory();
        }
    }

    @Test
    void closingTheMachineLeavesNoTrash() throws Exception {
        machine = SimulatedMachine.persistentAt(state);
        Volume v = machine.addVolume(disk, "D:\\");
        machine.snapshotStore().createSet(UUID.randomUUID(), Map.of(UUID.randomUUID(), v), 0, this);

        machine.close();
        machine = null;

        assertThat(trash()).doesNotExist();
        try (var left = Files.list(state.resolve("snapshots"))) {
            assertThat(left.filter(Files::isDirectory)).isEmpty();
        }
    }
}
