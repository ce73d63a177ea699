package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.vss4j.ProviderType;
import org.vss4j.sim.abi.LeakLedger;
import org.vss4j.sim.abi.LeakReport;
import org.vss4j.sim.vss.AsyncOperation;
import org.vss4j.sim.vss.HostedWriter;
import org.vss4j.sim.vss.WriterParticipant;
import org.vss4j.sim.win32.FindHandles;
import org.vss4j.sim.win32.VolumeNames;
import org.vss4j.sim.win32.Win32Names;
import org.vss4j.sim.win32.Win32Path;

/**
 * A simulated Windows machine as VSS sees it: volumes (host directories), writers, shadow copies, the machine-wide
 * holds of the one shadow copy set being built and created, a fault plan and the leak ledger. The simulator's exports and COM objects act on
 * the {@linkplain #current() current} machine, which is process-global like the real VSS service:
 * {@link #install(SimulatedMachine)} replaces it (the JUnit extension installs a fresh one per test).
 */
public final class SimulatedMachine implements AutoCloseable {

    /** Maximum number of volumes in one shadow copy set (Microsoft AddToSnapshotSet docs: 64). */
    public static final int MAX_VOLUMES_PER_SET = 64;

    /** The id of the machine's only provider, {@link SimulatedProvider#MICROSOFT_SOFTWARE}. */
    public static final UUID PROVIDER_ID = SimulatedProvider.MICROSOFT_SOFTWARE.id();

    /**
     * A hardware provider for tests of what only hardware providers support ({@code BreakSnapshotSet}, transportable
     * shadow copies and their import; Microsoft BreakSnapshotSet and ImportSnapshots docs). Ids are the simulator's own.
     */
    public static final SimulatedProvider HARDWARE_PROVIDER = new SimulatedProvider(
            UUID.fromString("5e1a7ed0-4a2d-4c3b-9f00-000000000003"), "vss4j simulated hardware provider",
            ProviderType.HARDWARE, "1.0", UUID.fromString("5e1a7ed0-4a2d-4c3b-9f00-000000000004"),
            UUID.fromString("5e1a7ed0-4a2d-4c3b-9f00-000000000005"));

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SimulatedMachine.class);
    /** The state directory's lock of the one shadow copy set in creation (docs/reliability.md). */
    static final String SET_LOCK = "snapshot-set.lock";
    private static final AtomicReference<SimulatedMachine> CURRENT = new AtomicReference<>();
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Told of every machine {@link #install installed}: see {@link #onInstall}. */
    private static final List<java.util.function.Consumer<SimulatedMachine>> INSTALL_HOOKS =
            new CopyOnWriteArrayList<>();

    private final String name;
    private final LeakLedger ledger = new LeakLedger();
    private final Faults faults = new Faults();
    /** The FindFirstFileW searches open on this machine; they end when it closes. */
    private final FindHandles findHandles = new FindHandles();
    private final List<Volume> volumes = new CopyOnWriteArrayList<>();
    /** The volume of each shadow copy exposed locally ({@link #mountedVolumes()}), kept so that it stays one object. */
    private final Map<UUID, Volume> exposedVolumes = new ConcurrentHashMap<>();
    private final List<SimulatedWriter> writers = new CopyOnWriteArrayList<>();
    /** Writers reached through their native CVssWriter object (CreateWriter, then Subscribe). */
    private final List<HostedWriter> hosted = new CopyOnWriteArrayList<>();
    private final Map<UUID, UUID> alternateWriters = new ConcurrentHashMap<>();
    private final SimulatedEnvironment environment;
    /** The boot volume set explicitly, or null: then the volume aliased %SystemDrive%\. */
    private volatile Volume bootVolume;
    private final Path snapshotRoot;
    private final Path exposureRoot;
    /** Where persistent state lives across processes ({@link #persistentAt}), or null. */
    private final Path stateDirectory;
    /**
     * The directories the simulator writes (the snapshot and exposure folders), as written and real: no volume lies
     * at or inside one ({@link #addVolume}).
     */
    private final java.util.Set<Path> storageDirectories;
    private final SnapshotStore snapshots;
    /** The records of the state directory this machine skipped when it opened it. */
    private final List<UnreadableRecord> unreadableRecords;
    /** What interrupted operations had left in the state directory, removed when this machine opened it. */
    private final List<LeftOver> leftOvers;
    private final List<UnmarkedDirectory> unmarked;
    /** The requesters of this machine holding the state directory's set lock, and that lock while any does. */
    private final java.util.Set<Object> setLockHolders = new java.util.HashSet<>();
    private HeldLock setLock;
    private volatile SimulatedProvider provider = SimulatedProvider.MICROSOFT_SOFTWARE;
    /** The requester process's access token: elevation and privileges (SeCreateSymbolicLinkPrivilege among them). */
    private final SimulatedToken token = SimulatedToken.elevatedAdministrator();
    /** The machine's HKEY_LOCAL_MACHINE values (FilesNotToSnapshot). */
    private final SimulatedRegistry registry = SimulatedRegistry.windowsServer();
    /** The VSS service: started on demand, stopped until a requester uses VSS, or disabled. */
    private final AtomicReference<VssServiceState> vssService = new AtomicReference<>(VssServiceState.STOPPED);
    /** The services other than VSS (a writer's service to stop for restore). */
    private final SimulatedServices services = new SimulatedServices();
    /** MoveFileExW's delayed renames, done by {@link #reboot()}. */
    private final PendingRenames pendingRenames = new PendingRenames();
    /** Whether Windows developer mode allows unprivileged symbolic links. */
    private volatile boolean developerMode;
    /** Whether the process may use Win32 paths of MAX_PATH or more without {@code \\?\} (off by default). */
    private volatile boolean longPathsEnabled;
    private volatile boolean comSecuritySetByHost;
    private final Map<Volume, AsyncOperation> reverts = new ConcurrentHashMap<>();
    /** The requester building a shadow copy set: from its StartSnapshotSet until its DoSnapshotSet call returns. */
    private final AtomicReference<Object> setBeingBuilt = new AtomicReference<>();
    /** The requester whose DoSnapshotSet is creating its shadow copies now. */
    private final AtomicReference<Object> creating = new AtomicReference<>();
    /** {@link #beginShutdown()} was called: writers' IsWriterShuttingDown answers true. */
    private volatile boolean shuttingDown;
    /** How many works given to {@link #async} have not ended; its monitor is signalled at each end. */
    private final int[] asyncRunning = {0};
    private final ExecutorService async = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "vss-simulator-async-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private SimulatedMachine(String name) {
        this.name = name;
        this.environment = SimulatedEnvironment.windowsServer(name);
        this.stateDirectory = null;
        try {
            this.snapshotRoot = Files.createTempDirectory("vss4j-sim-snapshots-");
            this.exposureRoot = Files.createTempDirectory("vss4j-sim-exposed-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the snapshot directory", e);
        }
        this.snapshots = new SnapshotStore(snapshotRoot);
        this.storageDirectories = storagePaths(snapshotRoot, exposureRoot);
        snapshots.storage(storageDirectories);
        this.unreadableRecords = List.of();
        this.leftOvers = List.of();
        this.unmarked = List.of();
    }

    private SimulatedMachine(String name, Path stateDirectory, ProgressListener progress) {
        this.name = name;
        this.environment = SimulatedEnvironment.windowsServer(name);
        this.stateDirectory = stateDirectory;
        this.snapshotRoot = storageDirectory(stateDirectory, "snapshots");
        this.exposureRoot = storageDirectory(stateDirectory, "exposed");
        SnapshotJournal journal = new SnapshotJournal(snapshotRoot);
        this.snapshots = new SnapshotStore(snapshotRoot, journal);
        this.storageDirectories = storagePaths(snapshotRoot, exposureRoot);
        // The state directory too: where it lies inside a volume, its shadow copies hold none of it. Where it is the
        // volume's root (--sim-state . with the default volume C:\=.), the two directories the simulator writes are
        // left out, the volume's own files are copied.
        java.util.Set<Path> storage = new java.util.HashSet<>(storageDirectories);
        storage.addAll(storagePaths(stateDirectory));
        snapshots.storage(storage);
        snapshots.progress(progress);
        StateRecovery.Opened opened = new StateRecovery(snapshotRoot, journal, new OperationJournal(snapshotRoot),
                progress).open();
        List<UnreadableRecord> unreadable = new ArrayList<>(opened.unreadable());
        for (SnapshotJournal.Entry e : opened.records()) {
            Volume v = volumes.stream().filter(x -> x.root().equals(e.volumeRoot())).findFirst()
                    .orElseGet(() -> addKnownVolume(e.volumeRoot()));
            try {
                snapshots.adopt(new Snapshot(e.id(), e.setId(), v, e.directory(), e.attributes(), e.created(),
                        e.inSet(), null, e.copyMethod(), e.exposure(), e.deviceNumber()));
            } catch (IllegalStateException | UncheckedIOException damagedFacts) {
                // Its file-system facts cannot be read: skipped like a damaged record, the message names the file.
                UnreadableRecord u = new UnreadableRecord(snapshotRoot.resolve(e.id() + ".facts"),
                        damagedFacts.getMessage());
                LOG.warn("simulator state: skipped the shadow copy {}: {}", e.id(), u);
                unreadable.add(u);
            }
        }
        this.unreadableRecords = List.copyOf(unreadable);
        this.leftOvers = opened.leftOvers();
        this.unmarked = opened.unmarked();
    }

    /**
     * A machine whose persistent shadow copies live in {@code stateDirectory} and outlive the process, as on a real
     * machine: a later {@code persistentAt} of the same directory sees them (with their volumes, exposures and
     * attributes) until they are deleted. Non-persistent shadow copies still vanish with their requester.
     *
     * @param stateDirectory the directory holding the machine's state, created if absent
     * @return a machine with the shadow copies (and their volumes) recorded in {@code stateDirectory}
     */
    public static SimulatedMachine persistentAt(Path stateDirectory) {
        return persistentAt(stateDirectory, ProgressListener.NONE);
    }

    /**
     * {@link #persistentAt(Path)}, telling {@code progress} how far the long work is from the start: the removal of
     * what interrupted runs left (done while the directory is opened), then copies, deletions and reverts
     * ({@link #progress(ProgressListener)}).
     *
     * @param stateDirectory the directory holding the machine's state, created if absent
     * @param progress told of the long work's progress; {@link ProgressListener#NONE} for nowhere
     * @return a machine with the shadow copies (and their volumes) recorded in {@code stateDirectory}
     */
    public static SimulatedMachine persistentAt(Path stateDirectory, ProgressListener progress) {
        return new SimulatedMachine("SIMULATED-HOST", stateDirectory.toAbsolutePath(),
                java.util.Objects.requireNonNull(progress, "progress"));
    }

    /**
     * The directory {@code name} of {@code stateDirectory}, made if missing. A symbolic link there is refused: the
     * simulator deletes copy directories inside it, and must never do so in a directory elsewhere that a link leads
     * to (docs/simulator-storage.md).
     */
    private static Path storageDirectory(Path stateDirectory, String name) {
        Path dir = stateDirectory.resolve(name);
        if (Files.isSymbolicLink(dir)) {
            throw new IllegalStateException("cannot use " + stateDirectory + " as simulated machine state: " + dir
                    + " is a symbolic link; the simulator keeps its " + name + " directory only in the state "
                    + "directory itself (remove the link, or give another state directory)");
        }
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + stateDirectory + " as simulated machine state", e);
        }
    }

    /**
     * The simulator's own storage, each directory as written and as the host resolves it (a volume's root is its real
     * path): no shadow copy of a volume that contains it holds it (docs/simulator-storage.md).
     */
    private static java.util.Set<Path> storagePaths(Path... directories) {
        java.util.Set<Path> paths = new java.util.HashSet<>();
        for (Path d : directories) {
            Path absolute = d.toAbsolutePath().normalize();
            paths.add(absolute);
            try {
                paths.add(absolute.toRealPath());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot resolve the simulator's storage directory " + absolute, e);
            }
        }
        return paths;
    }

    /**
     * Where the long work of this machine (point-in-time copies, deletions of shadow copies, reverts) reports how far
     * it is, from now on; {@link ProgressListener#NONE} (the default) for nowhere.
     *
     * @param listener told of the long work from now on
     * @return this machine
     */
    public SimulatedMachine progress(ProgressListener listener) {
        snapshots.progress(listener);
        return this;
    }

    /** A volume a recorded shadow copy was taken of; aliases come back when the volume is added again. */
    private Volume addKnownVolume(Path root) {
        Volume v = new Volume(root, List.of(), true);
        volumes.add(v);
        return v;
    }

    /**
     * A machine with no volumes and no writers, named {@code SIMULATED-HOST}.
     *
     * @return a new machine, not installed
     */
    public static SimulatedMachine create() {
        return new SimulatedMachine("SIMULATED-HOST");
    }

    /**
     * A machine with the given network name (reported as originating and service machine).
     *
     * @param machineName the machine's network name
     * @return a new machine with no volumes and no writers, not installed
     */
    public static SimulatedMachine create(String machineName) {
        return new SimulatedMachine(machineName);
    }

    /**
     * The machine the simulator serves now; an empty one is created on first use. Nobody closes a machine made that
     * way (a program that reaches the simulator's kernel32 without installing one: {@code vss restore}'s file
     * access), so its two temporary storage directories are deleted when the JVM exits.
     *
     * @return the current machine, never null
     */
    public static SimulatedMachine current() {
        SimulatedMachine m = CURRENT.get();
        if (m == null) {
            SimulatedMachine made = create();
            if (CURRENT.compareAndSet(null, made)) {
                made.deleteStorageAtExit();
            } else {
                made.close(); // another thread's machine is the current one
            }
            m = CURRENT.get();
        }
        return m;
    }

    /** For a state-less machine: deletes its temporary storage directories when the JVM exits. */
    private void deleteStorageAtExit() {
        if (stateDirectory != null) {
            return; // a state directory outlives the process on purpose
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SnapshotStore.deleteTree(exposureRoot);
            SnapshotStore.deleteTree(snapshotRoot);
        }, "vss-simulator-storage-cleanup"));
    }

    /**
     * Makes {@code machine} the current one and returns the previous (not closed: the caller decides).
     *
     * @param machine the machine the simulator serves from now on
     * @return the machine it served until now, or null if there was none
     */
    public static SimulatedMachine install(SimulatedMachine machine) {
        SimulatedMachine previous = CURRENT.getAndSet(machine);
        INSTALL_HOOKS.forEach(h -> h.accept(machine));
        return previous;
    }

    /**
     * Tells {@code hook} of every machine installed from now on, before the installer uses it, until the returned
     * handle is closed: a test of a program that builds and installs its own machine (the {@code vss} command) plans
     * faults on that machine and reads its call log and leak ledger.
     *
     * @param hook called with each machine installed
     * @return a handle whose {@code close()} stops telling {@code hook}
     */
    public static AutoCloseable onInstall(java.util.function.Consumer<SimulatedMachine> hook) {
        INSTALL_HOOKS.add(hook);
        return () -> INSTALL_HOOKS.remove(hook);
    }

    /**
     * Adds a supported volume: {@code directory}, reachable also by {@code aliases}, its mount points: a drive root
     * ({@code C:\}) or a mounted folder ({@code C:\mnt\data\}). Windows takes these only with their trailing
     * backslash (Microsoft docs, "SetVolumeMountPointW function": the mount point "must end with a trailing
     * backslash"), so {@code D:} (the current directory of drive D) is refused, as is anything but a drive path.
     *
     * @param directory an existing host directory, the volume's root
     * @param aliases the volume's mount points, each with its trailing backslash
     * @return the volume added
     * @throws IllegalArgumentException for an alias that is no drive root or mounted folder with its backslash, or a
     *     directory that is or lies inside the snapshot or exposure directory of the simulator (its own storage)
     */
    public Volume addVolume(Path directory, String... aliases) {
        return add(directory, aliases, true, true);
    }

    /** The mount point forms {@link #addVolume} takes: {@code X:\} or {@code X:\folder\...\}. */
    private static final java.util.regex.Pattern MOUNT_POINT = java.util.regex.Pattern.compile(
            "[A-Za-z]:\\\\([^\\\\/:*?\"<>|\\x00-\\x1f]+\\\\)*");

    private static void checkAliases(String[] aliases) {
        for (String a : aliases) {
            if (a == null || !MOUNT_POINT.matcher(a).matches()) {
                throw new IllegalArgumentException("'" + a + "' is no mount point a volume can have: give a drive "
                        + "root (D:\\) or a mounted folder (D:\\mnt\\data\\), with the trailing backslash "
                        + "SetVolumeMountPointW requires");
            }
        }
    }

    /**
     * Refuses a volume at or inside a directory the simulator writes: its shadow copies would be copies of the shadow
     * copies being made, into themselves, until the host's path length limit stops the copy.
     */
    /**
     * Whether host path {@code path} is, or lies inside, a directory the simulator writes (its shadow copies or its
     * exposures), in the form given or in its real form: no volume and no exposure may be there.
     *
     * @param path a host path
     * @return true if it is part of the simulator's own storage
     */
    public boolean isInsideStorage(Path path) {
        Path given = path.toAbsolutePath().normalize();
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            real = given;
        }
        for (Path s : storageDirectories) {
            if (given.startsWith(s) || real.startsWith(s)) {
                return true;
            }
        }
        return false;
    }

    private void checkOutsideStorage(Path root) {
        for (Path s : storageDirectories) {
            if (root.startsWith(s)) {
                throw new IllegalArgumentException("the directory " + root + " is " + (root.equals(s) ? "" : "inside ")
                        + "the simulator's storage " + s + (stateDirectory == null ? ""
                        : " (in its state directory " + stateDirectory + ")") + ": a volume there would be copied "
                        + "into its own shadow copies; give a directory outside it");
            }
        }
    }

    /**
     * Adds a volume no provider supports ({@code VSS_E_VOLUME_NOT_SUPPORTED} when added to a set).
     *
     * @param directory an existing host directory, the volume's root
     * @param aliases the volume's mount points, each with its trailing backslash
     * @return the volume added
     */
    public Volume addUnsupportedVolume(Path directory, String... aliases) {
        return add(directory, aliases, false, true);
    }

    /** {@code given}: named by a program, so refused in the simulator's storage ({@link #checkOutsideStorage}). */
    private Volume add(Path directory, String[] aliases, boolean supported, boolean given) {
        checkAliases(aliases);
        Path root;
        try {
            root = directory.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("a volume must be an existing directory: " + directory, e);
        }
        if (given) {
            checkOutsideStorage(root);
        }
        // A volume known only from a recorded shadow copy gets its aliases now (same root: the same volume, whose
        // file-system facts it keeps).
        Optional<Volume> known = volumes.stream().filter(k -> k.root().equals(root) && k.aliases().isEmpty())
                .findFirst();
        Volume v = new Volume(root, List.of(aliases), supported,
                known.map(Volume::facts).orElseGet(() -> new FileSystemFacts(root)));
        volumes.add(v);
        try {
            refreshMountPoints();
        } catch (RuntimeException e) {
            // Its mounted folder cannot be one (SetVolumeMountPoint would fail): the volume is not added.
            volumes.remove(v);
            throw e;
        }
        known.ifPresent(volumes::remove);
        return v;
    }

    /**
     * Makes every mounted folder a mount point of the volume it is in, as {@code SetVolumeMountPoint} does: the
     * folders of volume aliases such as {@code C:\mnt\data\} and those of shadow copies exposed at a folder.
     * Windows then lists the folder as a directory with {@code FILE_ATTRIBUTE_REPARSE_POINT} and
     * {@code IO_REPARSE_TAG_MOUNT_POINT} (Microsoft docs, "Determining Whether a Directory Is a Mounted Folder"). A
     * folder whose parent volume is not on the machine yet becomes one when that volume is added.
     */
    public synchronized void refreshMountPoints() {
        for (Volume v : mountedVolumes()) {
            for (String alias : v.aliases()) {
                Win32Path folder = Win32Path.parse(alias);
                if (folder.names().isEmpty() || !folder.isReachable()) {
                    continue;
                }
                Win32Path parent = new Win32Path(folder.kind(), folder.written(),
                        folder.names().subList(0, folder.names().size() - 1), folder.literal());
                Optional<MountedPath> on = mountedPath(parent, volumes);
                if (on.isPresent() && on.get().volume() != v) {
                    MountedPath m = on.get();
                    String name = folder.names().get(folder.names().size() - 1);
                    MountFolders.mount(m.volume(), m.relativePath().isEmpty() ? name
                            : m.relativePath().replace('\\', '/') + "/" + name, v.root());
                }
            }
        }
    }

    /**
     * Adds a writer that will take part in backups on this machine.
     *
     * @param writer the writer
     * @return {@code writer}
     */
    public SimulatedWriter addWriter(SimulatedWriter writer) {
        writers.add(writer);
        installRestoreService(writer);
        return writer;
    }

    /**
     * Adds the in-box writers of a Windows Server (Microsoft docs, "In-Box VSS Writers"): System, Registry, WMI,
     * COM+ REGDB, ASR, Shadow Copy Optimization, Task Scheduler, VSS Metadata Store, Performance Counters and BITS
     * writers, with their documented ids, components, file specs, exclusions and restore methods, read from the
     * simulator's resource {@code inbox-writers.xml} (docs/simulator-writers.md says what is approximated). Their
     * paths use the machine's {@linkplain #environment() environment variables}.
     *
     * @return the writers added, in the order they report
     */
    public List<SimulatedWriter> addInboxWriters() {
        List<SimulatedWriter> added = new ArrayList<>();
        for (SimulatedWriter w : InboxWriters.windowsServer()) {
            added.add(addLoaded(w, "the in-box writer set"));
        }
        return added;
    }

    /**
     * Adds one writer per Writer Metadata Document in {@code directory} (each {@code *.xml} file, in file-name order),
     * as {@code vss writers --save} writes them or {@code IVssExamineWriterMetadata::SaveAsXML} gave them on a real
     * machine ({@link SimulatedWriter#fromWriterMetadataDocument(Path)}).
     *
     * @param directory the directory of the {@code *.xml} documents
     * @return the writers added
     * @throws IllegalArgumentException naming the file if one is not a readable document, or reports a writer
     *                                  instance the machine already has (instance ids are unique on Windows)
     */
    public List<SimulatedWriter> addWritersFrom(Path directory) {
        List<Path> files;
        try (var list = Files.list(directory)) {
            files = list.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Writer Metadata Documents in " + directory, e);
        }
        List<SimulatedWriter> added = new ArrayList<>();
        for (Path f : files) {
            added.add(addLoaded(SimulatedWriter.fromWriterMetadataDocument(f), f.toString()));
        }
        return added;
    }

    private synchronized SimulatedWriter addLoaded(SimulatedWriter w, String source) {
        UUID instance = w.metadata().instanceId();
        for (SimulatedWriter other : writers) {
            if (other.metadata().instanceId().equals(instance)) {
                throw new IllegalArgumentException(source + ": writer '" + w.name() + "' has instance id " + instance
                        + ", which writer '" + other.name() + "' of this machine already has");
            }
        }
        return addWriter(w);
    }

    /**
     * A subscribed writer joins the machine's backups and restores ({@code IVssWriterImpl::Subscribe}).
     *
     * @param writer the subscribed writer
     */
    public void host(HostedWriter writer) {
        hosted.add(writer);
    }

    /**
     * The writer unsubscribed.
     *
     * @param writer the writer that unsubscribed
     */
    public void unhost(HostedWriter writer) {
        hosted.remove(writer);
    }

    /**
     * The subscribed writers reached through their native {@code CVssWriter} object, in subscription order.
     *
     * @return a copy of the subscribed writers
     */
    public List<HostedWriter> hostedWriters() {
        return List.copyOf(hosted);
    }

    /**
     * Every writer taking part in backups: the simulated ones, then the hosted ones.
     *
     * @return a copy of the participating writers, simulated ones first
     */
    public List<WriterParticipant> participants() {
        List<WriterParticipant> all = new ArrayList<>(writers);
        all.addAll(hosted);
        return List.copyOf(all);
    }

    /**
     * The machine begins shutting down: from now on {@code IsWriterShuttingDown} answers true to every writer, also in
     * the middle of an event (Microsoft docs, "CVssWriterEx2::IsWriterShuttingDown": writers poll it during long
     * events and then fail with a non-retryable error). Nothing else changes: backups go on, and
     * {@link HostedWriter#sendVssShutdown()} sends OnVSSShutdown when a test wants that event too.
     */
    public void beginShutdown() {
        shuttingDown = true;
    }

    /**
     * Whether {@link #beginShutdown()} was called.
     *
     * @return true once the machine began shutting down
     */
    public boolean isShuttingDown() {
        return shuttingDown;
    }

    /**
     * {@code InstallAlternateWriter(idWriter, clsid)}: records the alternate writer's class for {@code writerId}.
     *
     * @param writerId the id of the writer the alternate writer stands in for
     * @param persistentWriterClassId the class id of the alternate writer
     */
    public void installAlternateWriter(UUID writerId, UUID persistentWriterClassId) {
        alternateWriters.put(writerId, persistentWriterClassId);
    }

    /**
     * Writer id to the class id of its installed alternate writer.
     *
     * @return a copy of the map, writer id to alternate writer class id
     */
    public Map<UUID, UUID> alternateWriters() {
        return Map.copyOf(alternateWriters);
    }

    /**
     * The machine's network name, reported as the originating and service machine of its shadow copies.
     *
     * @return the name given to {@link #create(String)}, else {@code SIMULATED-HOST}
     */
    public String name() {
        return name;
    }

    /**
     * The machine-scope environment variables (what writers' services see; {@code CreateEnvironmentBlock}).
     *
     * @return the machine's environment variables, mutable
     */
    public SimulatedEnvironment environment() {
        return environment;
    }

    /**
     * The boot volume, which holds the Windows directory and answers {@code GetVolumePathNameW} for relative and
     * unqualified names (Microsoft docs, "GetVolumePathNameW function"): the one {@link #setBootVolume set}, else the
     * volume aliased {@code %SystemDrive%\} ({@code C:\} by default); empty if there is none.
     *
     * @return the boot volume, or empty if none is set and none has the alias of {@code %SystemDrive%\}
     */
    public Optional<Volume> bootVolume() {
        Volume set = bootVolume;
        if (set != null) {
            return Optional.of(set);
        }
        String drive = environment.get("SystemDrive");
        return drive == null ? Optional.empty() : volumes.stream().filter(v -> v.aliases().stream()
                .anyMatch(a -> a.equalsIgnoreCase(drive + "\\"))).findFirst();
    }

    /**
     * Makes {@code volume} the boot volume (null: back to the volume aliased %SystemDrive%\).
     *
     * @param volume the boot volume, or null for the volume aliased {@code %SystemDrive%\}
     */
    public void setBootVolume(Volume volume) {
        this.bootVolume = volume;
    }

    /**
     * The shadow copy provider every snapshot of this machine is made by (the software provider by default).
     *
     * @return the machine's provider
     */
    public SimulatedProvider provider() {
        return provider;
    }

    /**
     * Makes {@code p} the machine's only provider, e.g. {@link #HARDWARE_PROVIDER}, for the snapshots made from now on.
     *
     * @param p the provider
     */
    public void useProvider(SimulatedProvider p) {
        this.provider = p;
    }

    /**
     * Whether the machine's provider is a hardware provider (its shadow copies are HARDWARE_ASSISTED).
     *
     * @return true if the provider's type is {@link ProviderType#HARDWARE}
     */
    public boolean hasHardwareProvider() {
        return provider.type() == ProviderType.HARDWARE;
    }

    /**
     * The host directory or file a Windows path designates, read as Win32 reads it ({@link Win32Path}: {@code ..}
     * never leads above the root; after {@code \\?\} nothing is normalised): a path on a volume's drive letter,
     * mounted folder or GUID name resolves under that volume's directory (the deepest mount point wins, as on
     * Windows), a path on an exposed shadow copy under its directory, a shadow copy device path under the device's.
     * Empty for anything else, host paths included: a program on Windows cannot name the simulator's directories.
     *
     * @param windowsPath a Windows path, e.g. {@code C:\data\file.txt}
     * @return the host path, or empty for any other name
     */
    public Optional<Path> hostPath(String windowsPath) {
        try {
            return Win32Names.windowsHostPath(this, windowsPath);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * A Windows path split at its volume, as {@code GetVolumePathName} splits it: the volume, the name it was reached
     * by (an alias such as {@code C:\} or a mount folder {@code C:\mnt\data\}, or its GUID name), and the rest of
     * the path without a leading backslash, its names separated by {@code \}.
     *
     * @param volume       the volume
     * @param mountName    the alias or GUID name matched, with a trailing backslash
     * @param relativePath the path below it ({@code ""} for the volume root)
     */
    public record MountedPath(Volume volume, String mountName, String relativePath) {
    }

    /**
     * {@code windowsPath} (normalised as Win32 normalises it) split at the mounted volume whose alias or GUID name is
     * its longest prefix, name by name without case; empty if none is.
     *
     * @param windowsPath a Windows path, e.g. {@code C:\mnt\data\file.txt}
     * @return the path split at its volume, or empty if it is on no mounted volume
     */
    public Optional<MountedPath> mountedPath(String windowsPath) {
        return mountedPath(Win32Path.parse(windowsPath));
    }

    /**
     * {@link #mountedPath(String)} of a name already read.
     *
     * @param path the parsed Windows path
     * @return the path split at its volume, or empty if it is on no mounted volume
     */
    public Optional<MountedPath> mountedPath(Win32Path path) {
        return mountedPath(path, mountedVolumes());
    }

    private static Optional<MountedPath> mountedPath(Win32Path path, List<Volume> among) {
        MountedPath best = null;
        int bestDepth = -1;
        for (Volume v : among) {
            List<String> names = new ArrayList<>(v.aliases());
            names.add(v.guidName());
            for (String alias : names) {
                Win32Path a = Win32Path.parse(alias);
                if (!a.sameRoot(path) || !path.startsWith(a.names()) || a.names().size() <= bestDepth) {
                    continue;
                }
                bestDepth = a.names().size();
                String rest = String.join("\\", path.names().subList(bestDepth, path.names().size()));
                best = new MountedPath(v, alias.endsWith("\\") ? alias : alias + "\\", rest);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The volumes kernel32 sees: the machine's {@link #volumes()} and every shadow copy exposed locally at a drive
     * letter or mounted folder, which is a volume of its own (a read-only one no provider supports), named by its
     * exposed name and a volume GUID path derived from the shadow copy (docs/volumes.md).
     *
     * @return a copy of the volumes, the machine's own first, then the locally exposed shadow copies
     */
    public List<Volume> mountedVolumes() {
        List<Volume> all = new ArrayList<>(volumes);
        for (Snapshot s : snapshots.all()) {
            Exposure e = s.exposure();
            if (e == null || !e.locally()) {
                exposedVolumes.remove(s.id());
                continue;
            }
            Volume cached = exposedVolumes.get(s.id());
            if (cached == null || !cached.aliases().equals(List.of(e.name()))) {
                FileSystemFacts facts = snapshots.facts(s.id());
                cached = new Volume(s.directory(), List.of(e.name()), false,
                        facts != null ? facts : new FileSystemFacts(s.directory()));
                exposedVolumes.put(s.id(), cached);
            }
            all.add(cached);
        }
        return List.copyOf(all);
    }

    /**
     * Where the machine links a shadow copy exposed at drive letter {@code X:} (see {@link #exposedDirectory}).
     *
     * @param drive the drive, e.g. {@code X:} (only the letter is used)
     * @return the host path of the link, which need not exist
     */
    public Path driveLink(String drive) {
        return exposureRoot.resolve("drives").resolve(drive.substring(0, 1).toUpperCase(Locale.ROOT));
    }

    /**
     * Where the machine links a shadow copy exposed remotely as share {@code name}.
     *
     * @param share the share name
     * @return the host path of the link, which need not exist
     */
    public Path shareLink(String share) {
        return exposureRoot.resolve("shares").resolve(share);
    }

    /**
     * The directory through which an exposed name can be read with {@code java.nio.file}: for a drive letter or a share
     * the machine's link, for a mounted folder the folder itself. Empty when nothing is exposed under that name.
     *
     * @param exposedName a drive letter, mounted folder or share name, without regard to case
     * @return the directory, or empty when no shadow copy is exposed under that name
     */
    public Optional<Path> exposedDirectory(String exposedName) {
        return snapshots.all().stream().filter(s -> s.exposure() != null)
                .filter(s -> s.exposure().name().equalsIgnoreCase(exposedName)).map(s -> s.exposure().link())
                .findFirst();
    }

    /**
     * Whether drive letter {@code X:} is taken by a volume alias or an exposed shadow copy.
     *
     * @param drive the drive, e.g. {@code X:}
     * @return true if a volume or an exposed shadow copy has that drive letter
     */
    public boolean isDriveLetterInUse(String drive) {
        String d = drive.toUpperCase(Locale.ROOT);
        boolean volume = volumes.stream().flatMap(v -> v.aliases().stream())
                .anyMatch(a -> a.toUpperCase(Locale.ROOT).startsWith(d));
        return volume || exposedDirectory(drive).isPresent();
    }

    /**
     * Whether the requester holds SeCreateSymbolicLinkPrivilege. Elevated administrators do; a non-elevated member of
     * Backup Operators does not, and {@code CreateSymbolicLinkW} then fails with ERROR_PRIVILEGE_NOT_HELD (1314)
     * (Microsoft docs, "CreateSymbolicLinkW function"; "Create symbolic links" security policy setting).
     *
     * @param held whether the requester holds the privilege from now on
     * @return this machine
     */
    public SimulatedMachine symbolicLinkPrivilege(boolean held) {
        if (held && !token.holds(SYMBOLIC_LINK_PRIVILEGE)) {
            token.hold(SYMBOLIC_LINK_PRIVILEGE, false);
        } else if (!held) {
            token.drop(SYMBOLIC_LINK_PRIVILEGE);
        }
        return this;
    }

    /**
     * Whether the requester holds SeCreateSymbolicLinkPrivilege (see {@link #symbolicLinkPrivilege(boolean)}).
     *
     * @return true if the token holds the privilege
     */
    public boolean hasSymbolicLinkPrivilege() {
        return token.holds(SYMBOLIC_LINK_PRIVILEGE);
    }

    private static final String SYMBOLIC_LINK_PRIVILEGE = "SeCreateSymbolicLinkPrivilege";

    /**
     * The requester process's access token ({@code OpenProcessToken}): an elevated administrator's by default. A test
     * or the {@code vss} command's {@code --sim-not-elevated} makes it a standard user's with
     * {@code token().setTo(SimulatedToken.standardUser())}; VSS then refuses the requester (E_ACCESSDENIED).
     *
     * @return the token, mutable
     */
    public SimulatedToken token() {
        return token;
    }

    /**
     * The machine's registry ({@code RegOpenKeyExW}): the FilesNotToSnapshot values of a Windows Server by default.
     *
     * @return the registry, mutable
     */
    public SimulatedRegistry registry() {
        return registry;
    }

    /**
     * The VSS service's state and start type ({@code QueryServiceStatus}, {@code QueryServiceConfigW}).
     *
     * @return the service's state now
     */
    public VssServiceState vssService() {
        return vssService.get();
    }

    /**
     * Sets the VSS service's state ({@link VssServiceState#DISABLED}: VSS cannot be used).
     *
     * @param state the service's new state
     * @return this machine
     */
    public SimulatedMachine vssService(VssServiceState state) {
        vssService.set(state);
        return this;
    }

    /**
     * The services other than VSS ({@code OpenServiceW}, {@code ControlService}, {@code StartServiceW},
     * {@code QueryServiceStatusEx}); docs/restore-procedures.md.
     *
     * @return the services, mutable
     */
    public SimulatedServices services() {
        return services;
    }

    /**
     * The renames registered by {@code MoveFileExW} with {@code MOVEFILE_DELAY_UNTIL_REBOOT} and not yet performed.
     *
     * @return the pending renames
     */
    public PendingRenames pendingRenames() {
        return pendingRenames;
    }

    /**
     * A reboot, as far as the simulator models one: the pending renames are performed in order (the Session Manager's
     * work at boot) and forgotten. Services, writers, volumes and shadow copies are left as they are.
     *
     * @return the renames performed
     */
    public List<PendingRenames.Rename> reboot() {
        return pendingRenames.apply();
    }

    /** A writer that names a service to stop for restore has it installed, running (the application runs). */
    private void installRestoreService(SimulatedWriter writer) {
        SimulatedWriterMetadata.Restore r = writer.metadata().restore();
        if (r != null && r.service() != null && !r.service().isEmpty()
                && (r.method() == org.vss4j.RestoreMethod.STOP_RESTORE_START
                        || r.method() == org.vss4j.RestoreMethod.RESTORE_STOP_START)) {
            services.install(r.service(), org.vss4j.diagnostics.ServiceState.RUNNING);
        }
    }

    /**
     * A requester asks for VSS: a stopped, demand-start service starts; false if the service is disabled and cannot.
     *
     * @return true if the service runs now, false if it is disabled
     */
    public boolean startVssServiceOnDemand() {
        vssService.compareAndSet(VssServiceState.STOPPED, VssServiceState.RUNNING);
        return vssService.get() != VssServiceState.DISABLED;
    }

    /**
     * Windows developer mode: {@code SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE} then lets a process without the
     * privilege create links (Microsoft docs, "CreateSymbolicLinkW function").
     *
     * @param on whether developer mode is on
     * @return this machine
     */
    public SimulatedMachine developerMode(boolean on) {
        this.developerMode = on;
        return this;
    }

    /**
     * Long paths for this process: the registry value {@code LongPathsEnabled} is 1 and the application manifest
     * declares {@code longPathAware}, both needed to lift the MAX_PATH limit of the Win32 file functions without the
     * {@code \\?\} prefix (Microsoft docs, "Maximum Path Length Limitation"). Off by default, as for a Java
     * process on Windows: java.exe's manifest does not declare it.
     *
     * @param on whether long paths are enabled
     * @return this machine
     */
    public SimulatedMachine longPathsEnabled(boolean on) {
        this.longPathsEnabled = on;
        return this;
    }

    /**
     * Whether a Win32 path of MAX_PATH (260) characters or more works without {@code \\?\}
     * ({@link #longPathsEnabled(boolean)}).
     *
     * @return true if long paths are enabled; false by default
     */
    public boolean isLongPathsEnabled() {
        return longPathsEnabled;
    }

    /**
     * Whether Windows developer mode is on (see {@link #developerMode(boolean)}).
     *
     * @return true if developer mode is on; false by default
     */
    public boolean isDeveloperMode() {
        return developerMode;
    }

    /**
     * Another component of the requester's process (a library, the host application) called
     * {@code CoInitializeSecurity} before vss4j: every {@code CoInitializeSecurity} then returns
     * {@code RPC_E_TOO_LATE}, as ole32 answers any call after the first of a process (Microsoft docs,
     * "CoInitializeSecurity function"). The simulator does not model what the host's settings would do to writer
     * callbacks (docs/providers.md).
     *
     * @param set whether the host called {@code CoInitializeSecurity} first
     * @return this machine
     */
    public SimulatedMachine comSecuritySetByHost(boolean set) {
        this.comSecuritySetByHost = set;
        return this;
    }

    /**
     * Whether another component of the process called {@code CoInitializeSecurity} first (see
     * {@link #comSecuritySetByHost(boolean)}).
     *
     * @return true if {@code CoInitializeSecurity} answers {@code RPC_E_TOO_LATE}; false by default
     */
    public boolean isComSecuritySetByHost() {
        return comSecuritySetByHost;
    }

    /**
     * The revert of {@code volume} started last (RevertToSnapshot), or null.
     *
     * @param volume the reverted volume
     * @return the revert operation, or null if none was started
     */
    public AsyncOperation revertOf(Volume volume) {
        return reverts.get(volume);
    }

    /**
     * Records {@code revert} as the revert of {@code volume}, for QueryRevertStatus.
     *
     * @param volume the reverted volume
     * @param revert the revert's asynchronous operation
     */
    public void recordRevert(Volume volume, AsyncOperation revert) {
        reverts.put(volume, revert);
    }

    /**
     * A broken-away shadow copy (BreakSnapshotSet) becomes a volume of its own (Microsoft docs, "Breaking Shadow
     * Copies": it "must be managed independently of VSS as a stand-alone volume"), reachable by its directory.
     *
     * @param s the broken-away shadow copy
     * @return the new volume, whose root is the shadow copy's directory
     */
    public Volume adoptBrokenSnapshot(Snapshot s) {
        // Its copy directory stays where it is, in the snapshot storage, as the volume: a copy of it goes beside it,
        // never into it, so it is exempt from the refusal of volumes in the storage.
        return add(s.directory(), new String[0], true, false);
    }

    /**
     * The machine's volumes: those added (supported or not) and those known only from a recorded shadow copy; not
     * the exposed shadow copies ({@link #mountedVolumes()}).
     *
     * @return a copy of the volumes, in the order they became known
     */
    public List<Volume> volumes() {
        return List.copyOf(volumes);
    }

    /**
     * The volume the volume name {@code name} designates, as VSS resolves the names its methods take (a drive letter
     * {@code D:\}, a mounted folder {@code Y:\MountX\} or a volume GUID path, each with its trailing backslash;
     * {@code GetVolumeNameForVolumeMountPointW}): one of {@link #mountedVolumes()}, so also a shadow copy exposed
     * locally (which no provider supports). Empty for anything else: no trailing backslash, a host directory.
     *
     * @param name a volume name with its trailing backslash
     * @return the volume, or empty if {@code name} designates none
     */
    public Optional<Volume> volume(String name) {
        return VolumeNames.volumeOfMountPoint(this, name);
    }

    /**
     * The volume that holds the file or directory {@code path}, split at its deepest mount point as
     * {@code GetVolumePathNameW} splits it; empty unless {@code path} is absolute with a volume qualifier
     * ({@code X:\...}, {@code \\?\X:\...}, {@code \\?\Volume{GUID}\...}) on a mounted volume.
     *
     * @param path an absolute Windows path with a volume qualifier
     * @return the volume, or empty if {@code path} is on no mounted volume
     */
    public Optional<Volume> volumeOfPath(String path) {
        return VolumeNames.volumeOfPath(this, path);
    }

    /**
     * The simulated writers added to the machine (not the hosted ones: see {@link #participants()}).
     *
     * @return a copy of the writers, in the order they were added
     */
    public List<SimulatedWriter> writers() {
        return List.copyOf(writers);
    }

    /**
     * The writer named {@code name}.
     *
     * @param name the writer's name
     * @return the writer
     * @throws IllegalArgumentException if the machine has no writer of that name
     */
    public SimulatedWriter writer(String name) {
        return writers.stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no writer " + name));
    }

    /**
     * The shadow copies that exist now.
     *
     * @return a copy of the shadow copies
     */
    public List<Snapshot> snapshots() {
        return snapshots.all();
    }

    /**
     * The store of the machine's shadow copies, for the simulator's COM objects and tests that look behind them.
     *
     * @return the store
     */
    public SnapshotStore snapshotStore() {
        return snapshots;
    }

    /**
     * The records of the state directory that this machine could not read when it opened it (each logged at WARN),
     * so the shadow copies they describe are not listed; empty without a state directory.
     *
     * @return the records skipped, in the order they were read
     */
    public List<UnreadableRecord> unreadableRecords() {
        return unreadableRecords;
    }

    /**
     * What interrupted operations (a process killed while it created or deleted a shadow copy set, or while it held
     * non-persistent ones) had left in the state directory, removed when this machine opened it (each logged at
     * WARN); empty without a state directory.
     *
     * @return what was removed, in the order it was found
     */
    public List<LeftOver> removedLeftOvers() {
        return leftOvers;
    }

    /**
     * The folders of the state directory named like copy directories that no record names and that the simulator did
     * not mark as its own, found when this machine opened it: never deleted, reported here (and at WARN) with how to
     * remove them; empty without a state directory.
     *
     * @return the folders left alone, in the order they were found
     */
    public List<UnmarkedDirectory> unmarkedDirectories() {
        return unmarked;
    }

    /**
     * The machine's fault plan: what the simulator's calls fail with, and when.
     *
     * @return the fault plan, mutable
     */
    public Faults faults() {
        return faults;
    }

    /**
     * The machine's leak ledger: the BSTRs, CoTaskMem blocks and COM references given out and not yet released.
     *
     * @return the ledger
     */
    public LeakLedger ledger() {
        return ledger;
    }

    /**
     * The {@code FindFirstFileW} searches open on this machine.
     *
     * @return the open searches
     */
    public FindHandles findHandles() {
        return findHandles;
    }

    /**
     * What leaked or was misused on this machine so far.
     *
     * @return the report of the ledger now
     */
    public LeakReport leakReport() {
        return ledger.report();
    }

    /*
     * One shadow copy set at a time (docs/simulator-in-progress.md). Microsoft docs, "State Transitions in Shadow Copy
     * Providers": shadow copy creation is serialised "from the time that IVssBackupComponents::StartSnapshotSet is
     * called until the call to IVssBackupComponents::DoSnapshotSet returns"; a second requester's StartSnapshotSet then
     * fails with VSS_E_SNAPSHOT_SET_IN_PROGRESS. DoSnapshotSet returns at once with an IVssAsync; the creation it
     * started ("only one shadow copy creation operation can be in progress at one time", "...::StartSnapshotSet") is
     * a second, separate hold on the machine.
     */

    /**
     * StartSnapshotSet: {@code requester} begins building a shadow copy set; false if another requester is building
     * one (it has called StartSnapshotSet and its DoSnapshotSet has not returned yet).
     *
     * @param requester the requester, compared by identity
     * @return true if {@code requester} is building the set now (again, if it already was)
     */
    public boolean beginSnapshotSet(Object requester) {
        boolean mine = setBeingBuilt.get() == requester;
        if (!mine && !setBeingBuilt.compareAndSet(null, requester)) {
            return false;
        }
        if (!takeSetLock(requester)) {
            setBeingBuilt.compareAndSet(requester, null);
            return false;
        }
        return true;
    }

    /**
     * With a state directory the one-set rule holds across the processes that share it: a lock on
     * {@code snapshot-set.lock}, taken at StartSnapshotSet and held until the set is created, fails or is aborted
     * ({@link #releaseSetLock}). Requesters of this machine share it (among them the in-process holds decide); a
     * machine of another process (or another machine of this process) cannot take it. The OS releases the lock of a
     * process that dies, so a crash never wedges the machine.
     */
    private synchronized boolean takeSetLock(Object requester) {
        if (stateDirectory == null || setLockHolders.contains(requester)) {
            return true;
        }
        if (setLock == null) {
            setLock = HeldLock.tryTake(snapshotRoot.resolve(SET_LOCK));
            if (setLock == null) {
                return false;
            }
        }
        setLockHolders.add(requester);
        return true;
    }

    /**
     * {@code requester}'s set is created, failed, was aborted or the requester released: it no longer holds the
     * state directory's set lock (the lock is released when no requester of this machine holds it).
     *
     * @param requester the requester, compared by identity
     */
    public synchronized void releaseSetLock(Object requester) {
        if (setLockHolders.remove(requester) && setLockHolders.isEmpty() && setLock != null) {
            setLock.close();
            setLock = null;
        }
    }

    /**
     * {@code requester}'s set is no longer being built (its DoSnapshotSet returned, AbortBackup, or the release).
     *
     * @param requester the requester, compared by identity
     */
    public void endSnapshotSet(Object requester) {
        setBeingBuilt.compareAndSet(requester, null);
    }

    /**
     * DoSnapshotSet's asynchronous part begins creating {@code requester}'s shadow copies; false if another is.
     *
     * @param requester the requester, compared by identity
     * @return true if {@code requester} is creating its shadow copies now (again, if it already was)
     */
    public boolean beginCreation(Object requester) {
        return creating.compareAndSet(null, requester) || creating.get() == requester;
    }

    /**
     * {@code requester}'s creation ended.
     *
     * @param requester the requester, compared by identity
     */
    public void endCreation(Object requester) {
        creating.compareAndSet(requester, null);
    }

    /**
     * Whether a requester other than {@code requester} is creating shadow copies now.
     *
     * @param requester the requester, compared by identity
     * @return true if another requester is creating shadow copies
     */
    public boolean isCreatingOtherThan(Object requester) {
        Object c = creating.get();
        return c != null && c != requester;
    }

    /**
     * Runs an asynchronous operation's work on a simulator thread.
     *
     * @param work the operation's work
     */
    public void runAsync(Runnable work) {
        synchronized (asyncRunning) {
            asyncRunning[0]++;
        }
        try {
            async.execute(() -> {
                try {
                    work.run();
                } finally {
                    asyncEnded();
                }
            });
        } catch (RuntimeException e) {
            asyncEnded();
            throw e;
        }
    }

    private void asyncEnded() {
        synchronized (asyncRunning) {
            asyncRunning[0]--;
            asyncRunning.notifyAll();
        }
    }

    /**
     * Waits, {@code timeout} at most, until no asynchronous operation's work is running on this machine's threads: a
     * test then checks for leaks only after the work a cancelled or timed-out operation still had to do (an Abort to
     * deliver, lent objects to retire) is done. Whether it got there in time.
     *
     * @param timeout how long to wait at most
     * @return true if no work is running, false if the timeout passed first
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    public boolean awaitAsyncIdle(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (asyncRunning) {
            while (asyncRunning[0] > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(asyncRunning, left);
            }
            return true;
        }
    }

    /** Deletes every snapshot directory, ends the open searches and stops the simulator's threads. */
    @Override
    public void close() {
        async.shutdownNow();
        findHandles.closeAll();
        snapshots.clear();
        synchronized (this) {
            setLockHolders.clear();
            if (setLock != null) {
                setLock.close();
                setLock = null;
            }
        }
        if (stateDirectory == null) {
            SnapshotStore.deleteTree(exposureRoot);
            SnapshotStore.deleteTree(snapshotRoot);
        }
    }

}
