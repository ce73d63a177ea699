package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.vss4j.sim.abi.LeakLedger;
import org.vss4j.sim.abi.LeakReport;

/**
 * A simulated Windows machine as VSS sees it: volumes (host directories), writers, shadow copies, the machine-wide
 * "one snapshot set in creation" lock, a fault plan and the leak ledger. The simulator's exports and COM objects act on
 * the {@linkplain #current() current} machine, which is process-global like the real VSS service:
 * {@link #install(SimulatedMachine)} replaces it (the JUnit extension installs a fresh one per test).
 */
public final class SimulatedMachine implements AutoCloseable {

    /** Maximum number of volumes in one shadow copy set (Microsoft AddToSnapshotSet docs: 64). */
    public static final int MAX_VOLUMES_PER_SET = 64;

    /** The id of the machine's only provider, {@link SimulatedProvider#MICROSOFT_SOFTWARE}. */
    public static final UUID PROVIDER_ID = SimulatedProvider.MICROSOFT_SOFTWARE.id();

    private static final AtomicReference<SimulatedMachine> CURRENT = new AtomicReference<>();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String name;
    private final LeakLedger ledger = new LeakLedger();
    private final Faults faults = new Faults();
    private final List<Volume> volumes = new CopyOnWriteArrayList<>();
    private final List<SimulatedWriter> writers = new CopyOnWriteArrayList<>();
    private final Path snapshotRoot;
    private final SnapshotStore snapshots;
    private final AtomicReference<Object> setInCreation = new AtomicReference<>();
    private final ExecutorService async = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "vss-simulator-async-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private SimulatedMachine(String name) {
        this.name = name;
        try {
            this.snapshotRoot = Files.createTempDirectory("vss4j-sim-snapshots-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the snapshot directory", e);
        }
        this.snapshots = new SnapshotStore(snapshotRoot);
    }

    /** A machine with no volumes and no writers, named {@code SIMULATED-HOST}. */
    public static SimulatedMachine create() {
        return new SimulatedMachine("SIMULATED-HOST");
    }

    /** A machine with the given network name (reported as originating and service machine). */
    public static SimulatedMachine create(String machineName) {
        return new SimulatedMachine(machineName);
    }

    /** The machine the simulator serves now; an empty one is created on first use. */
    public static SimulatedMachine current() {
        SimulatedMachine m = CURRENT.get();
        if (m == null) {
            CURRENT.compareAndSet(null, create());
            m = CURRENT.get();
        }
        return m;
    }

    /** Makes {@code machine} the current one and returns the previous (not closed: the caller decides). */
    public static SimulatedMachine install(SimulatedMachine machine) {
        return CURRENT.getAndSet(machine);
    }

    /** Adds a supported volume: {@code directory}, reachable also by {@code aliases} (e.g. {@code C:\}). */
    public Volume addVolume(Path directory, String... aliases) {
        return add(directory, aliases, true);
    }

    /** Adds a volume no provider supports ({@code VSS_E_VOLUME_NOT_SUPPORTED} when added to a set). */
    public Volume addUnsupportedVolume(Path directory, String... aliases) {
        return add(directory, aliases, false);
    }

    private Volume add(Path directory, String[] aliases, boolean supported) {
        Path root;
        try {
            root = directory.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("a volume must be an existing directory: " + directory, e);
        }
        Volume v = new Volume(root, List.of(aliases), supported);
        volumes.add(v);
        return v;
    }

    /** Adds a writer that will take part in backups on this machine. */
    public SimulatedWriter addWriter(SimulatedWriter writer) {
        writers.add(writer);
        return writer;
    }

    public String name() {
        return name;
    }

    /** The shadow copy provider every snapshot of this machine is made by. */
    public SimulatedProvider provider() {
        return SimulatedProvider.MICROSOFT_SOFTWARE;
    }

    public List<Volume> volumes() {
        return List.copyOf(volumes);
    }

    /** The volume {@code name} designates (GUID name, alias or directory), if any. */
    public Optional<Volume> volume(String name) {
        return volumes.stream().filter(v -> v.isNamed(name)).findFirst();
    }

    public List<SimulatedWriter> writers() {
        return List.copyOf(writers);
    }

    /** The writer named {@code name}. */
    public SimulatedWriter writer(String name) {
        return writers.stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no writer " + name));
    }

    /** The shadow copies that exist now. */
    public List<Snapshot> snapshots() {
        return snapshots.all();
    }

    public SnapshotStore snapshotStore() {
        return snapshots;
    }

    public Faults faults() {
        return faults;
    }

    public LeakLedger ledger() {
        return ledger;
    }

    /** What leaked or was misused on this machine so far. */
    public LeakReport leakReport() {
        return ledger.report();
    }

    /** Takes the machine-wide "snapshot set in creation" lock for {@code requester}; false if another holds it. */
    public boolean beginSnapshotSet(Object requester) {
        return setInCreation.compareAndSet(null, requester) || setInCreation.get() == requester;
    }

    /** Releases the lock if {@code requester} holds it. */
    public void endSnapshotSet(Object requester) {
        setInCreation.compareAndSet(requester, null);
    }

    /** Runs an asynchronous operation's work on a simulator thread. */
    public void runAsync(Runnable work) {
        async.execute(work);
    }

    /** Deletes every snapshot directory and stops the simulator's threads. */
    @Override
    public void close() {
        async.shutdownNow();
        snapshots.clear();
        SnapshotStore.deleteTree(snapshotRoot);
    }

}
