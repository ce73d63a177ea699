package org.vss4j.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import org.vss4j.UsageType;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedToken;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssServiceState;
import org.vss4j.sim.WriterComponent;
import org.vss4j.spi.NativeProviders;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options that describe the simulated machine when the command runs on the embedded simulator (not Windows, or
 * {@code -Dvss4j.provider=simulator}); ignored against the real VSS. Whichever runs, {@link #prepare()} says so on
 * stderr, never on stdout (which stays the command's output, e.g. JSON).
 */
final class SimulatorOptions {

    /** The command this mixin belongs to: its stderr is where the provider notes go. */
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** The volume a run that names none has: drive C: backed by the current directory. */
    static final String DEFAULT_VOLUME = "C:\\=.";

    /** The options, under their own heading in each command's help: they matter only on the simulator. */
    @ArgGroup(validate = false, order = 100, heading = "%nSimulator options (off Windows; on Windows only with%n"
            + "VSS_JAVA_OPTS=-Dvss4j.provider=simulator):%n")
    private Settings settings = new Settings();

    /** The {@code --sim-*} options. */
    static final class Settings {

        @Option(names = "--sim-volume", paramLabel = "NAME=DIR", order = 1,
                description = "A volume NAME, a drive letter (D:) or a mounted folder (D:\\mnt), backed by the "
                        + "directory DIR. Repeatable. Default: C:\\=. (the current directory); once one is given, "
                        + "only the declared volumes exist (add C:=. to keep C:).")
        private List<String> volumes;

        @Option(names = "--sim-state", paramLabel = "DIR", order = 2,
                description = "Where the simulated machine keeps persistent shadow copies between runs. "
                        + "Default: .vss4j/simulator in the home directory: $HOME off Windows when it is an "
                        + "absolute path, else user.home.")
        private Path state;

        @Option(names = "--sim-inbox", order = 3,
                description = "The machine has the in-box writers of a Windows Server (System, Registry, WMI, "
                        + "COM+ REGDB, ASR, Shadow Copy Optimization, Task Scheduler, VSS Metadata Store, "
                        + "Performance Counters, BITS) instead of the demo writer.")
        private boolean inbox;

        @Option(names = "--sim-writers", paramLabel = "DIR", order = 4,
                description = "The machine has one writer per Writer Metadata Document (*.xml) in DIR instead "
                        + "of the demo writer. Repeatable. Write them with vss writers --save DIR, or by hand "
                        + "(docs/simulator-writers.md).")
        private List<Path> writerDirectories;

        @Option(names = "--sim-not-elevated", order = 5,
                description = "The command runs without elevation (a standard user's token: no "
                        + "SeBackupPrivilege, SeRestorePrivilege, SeCreateSymbolicLinkPrivilege); VSS then "
                        + "refuses it.")
        private boolean notElevated;

        @Option(names = "--sim-vss-service", paramLabel = "STATE", order = 6,
                description = "The VSS service is ${COMPLETION-CANDIDATES}; disabled makes every VSS call fail. "
                        + "Default: stopped, started on demand.")
        private VssServiceState vssService;

        @Option(names = "--sim-fault", paramLabel = "CALL[#N[-M]]=HRESULT", order = 7,
                description = "The N-th (to M-th; default: first) call of CALL fails with HRESULT; CALL is an "
                        + "IVssBackupComponents method or Interface::Method, HRESULT a name or 0x...; e.g. "
                        + "DoSnapshotSet#2=VSS_E_PROVIDER_VETO. Repeatable.")
        private List<String> faultSpecs;

        boolean anyGiven() {
            return volumes != null || state != null || inbox || writerDirectories != null || notElevated
                    || vssService != null || faultSpecs != null;
        }
    }

    @Option(names = "--progress", negatable = true,
            description = "Show the progress of long work on stderr (the files a backup stores, a verify or restore "
                    + "reads; on the simulator also its point-in-time copies and deletions, marked simulator:) even "
                    + "when stderr is not a terminal; --no-progress: never. Default: on a terminal only, for work that "
                    + "lasts more than a second.")
    private Boolean progress;

    /** Whether a {@code --sim-volume} was given: without one, the simulated C:\ is the current directory. */
    boolean volumesDeclared() {
        return settings != null && settings.volumes != null;
    }

    /** {@code --progress} (true), {@code --no-progress} (false), or neither (null: on a terminal only). */
    Boolean progress() {
        return progress;
    }

    /** The machine this run installed, closed by {@link #close()}. */
    private SimulatedMachine machine;
    /** The state directory of that machine; null against the real VSS. */
    private Path stateDirectory;
    /** Where the machine's long work is shown, ended by {@link #close()}. */
    private org.vss4j.sim.ProgressListener bars = org.vss4j.sim.ProgressListener.NONE;

    /**
     * Chooses the provider (once per process: {@link NativeProviders#choice()}) and says on stderr which one runs and
     * why. On the simulator: builds and installs the machine the options describe. Against real VSS: nothing more.
     *
     * @throws IllegalStateException when no provider may run here (a 32-bit JVM on Windows...): one line, with the
     *     fix
     */
    void prepare() {
        PrintWriter err = command.commandLine().getErr();
        Settings o = settings != null ? settings : new Settings();
        NativeProviders.Choice choice = NativeProviders.choice();
        if (!NativeProviders.SIMULATOR_ID.equals(choice.provider().id())) {
            err.printf("(VSS provider: %s (%s): this machine's Volume Shadow Copy Service)%n",
                    choice.provider().id(), choice.reason());
            if (o.anyGiven()) {
                err.println("(--sim-* options ignored: this is the real VSS)");
            }
            err.flush();
            return;
        }
        err.printf("(VSS provider: simulator (%s): simulated shadow copies, not this machine's VSS)%n",
                choice.reason());
        List<SimulatedFault> faults = (o.faultSpecs == null ? List.<String>of() : o.faultSpecs).stream()
                .map(SimulatedFault::parse).toList();
        Path stateDir = o.state != null ? o.state : SimulatorStateDefault.ofThisProcess();
        SimulatedMachine m;
        try {
            bars = ProgressBars.forStderr(progress, err);
            m = SimulatedMachine.persistentAt(stateDir, bars);
        } catch (IllegalStateException | UncheckedIOException e) {
            // A damaged or unusable state directory: the message names the file and what to do.
            throw new IllegalStateException("--sim-state " + stateDir + ": " + IoReasons.messageOf(e), e);
        }
        try {
            String firstVolume = addVolumes(m, o.volumes == null ? List.of(DEFAULT_VOLUME) : o.volumes, err);
            if (o.inbox || o.writerDirectories != null) {
                addWriters(m, o, err);
            } else {
                // A writer whose one component holds every file of the first volume named on the command line, so
                // writer output has substance. Not m.volumes().get(0): a volume known only from a persistent shadow
                // copy in the state directory comes first there and has no name this run gave it.
                m.addWriter(SimulatedWriter.builder("vss4j Demo Writer").usage(UsageType.USERDATA)
                        .component(WriterComponent.fileGroup("", "Demo files")
                                .withCaption("Every file of " + firstVolume)
                                .withFile(FileSpec.of(firstVolume, "*", true)))
                        .build());
            }
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
        if (o.notElevated) {
            m.token().setTo(SimulatedToken.standardUser());
        }
        if (o.vssService != null) {
            m.vssService(o.vssService);
        }
        faults.forEach(f -> f.applyTo(m.faults()));
        err.flush();
        SimulatedMachine.install(m);
        machine = m;
        stateDirectory = stateDir;
    }

    /**
     * Adds each {@code --sim-volume NAME=DIR}; returns the first one's name. NAME is written as a volume argument
     * ({@link VolumeArguments}): {@code D:} and {@code D:\mnt} become the mount points {@code D:\} and {@code D:\mnt\}.
     */
    private static String addVolumes(SimulatedMachine m, List<String> specs, PrintWriter err) {
        String first = null;
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new UsageException("--sim-volume wants NAME=DIR, e.g. D:=/srv/data; got '" + spec + "'");
            }
            String name = VolumeArguments.forAddToSnapshotSet(spec.substring(0, eq));
            Path dir = Paths.get(spec.substring(eq + 1)).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new UsageException("--sim-volume " + spec + ": " + dir + " is not a directory");
            }
            try {
                m.addVolume(dir, name);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--sim-volume " + spec + ": " + e.getMessage());
            }
            err.printf("(simulated VSS: volume %s is %s)%n", name, dir);
            if (first == null) {
                first = name;
            }
        }
        return first;
    }

    /**
     * The in-box writers and the writers of each --sim-writers directory. A document that cannot be read is a usage
     * error naming its option and directory; the in-box set failing to load is the simulator's failure, not the
     * command line's.
     */
    private static void addWriters(SimulatedMachine m, Settings o, PrintWriter err) {
        if (o.inbox) {
            try {
                err.printf("(simulated VSS: %d in-box writers)%n", m.addInboxWriters().size());
            } catch (RuntimeException e) {
                throw new IllegalStateException("--sim-inbox: the in-box writers cannot be loaded: "
                        + IoReasons.messageOf(e), e);
            }
        }
        for (Path dir : o.writerDirectories == null ? List.<Path>of() : o.writerDirectories) {
            if (!Files.isDirectory(dir)) {
                throw new UsageException("--sim-writers " + dir + ": not a directory");
            }
            try {
                err.printf("(simulated VSS: %d writer(s) from %s)%n", m.addWritersFrom(dir).size(),
                        dir.toAbsolutePath());
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new UsageException("--sim-writers " + dir + ": " + IoReasons.messageOf(e));
            }
        }
    }

    /** The simulated machine's state directory ({@code --sim-state} or its default); empty against the real VSS. */
    Optional<Path> stateDirectory() {
        return Optional.ofNullable(stateDirectory);
    }

    /** Closes the simulated machine this run installed (deletes what is left of its snapshot storage). */
    void close() {
        if (machine != null) {
            machine.close();
            machine = null;
        }
        if (bars instanceof ProgressBars b) {
            b.close();
        }
    }
}
