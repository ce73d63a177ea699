package org.vss4j.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.vss4j.UsageType;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedToken;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssServiceState;
import org.vss4j.sim.WriterComponent;
import org.vss4j.spi.NativeProviders;
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

    static final String DEFAULT_VOLUME = "C:\\=.";

    @Option(names = "--sim-volume", paramLabel = "NAME=DIR",
            description = "Simulator only: a volume NAME (drive letter or mount point) backed by the directory DIR. "
                    + "Default: " + "C:\\\\=. (the current directory).")
    private List<String> volumes;

    @Option(names = "--sim-state", paramLabel = "DIR",
            description = "Simulator only: where the simulated machine keeps persistent shadow copies between runs "
                    + "(default: ~/.vss4j/simulator).")
    private Path state;

    @Option(names = "--sim-inbox",
            description = "Simulator only: the machine has the in-box writers of a Windows Server (System, Registry, "
                    + "WMI, COM+ REGDB, ASR, Shadow Copy Optimization, Task Scheduler, VSS Metadata Store, "
                    + "Performance Counters, BITS) instead of the demo writer.")
    private boolean inbox;

    @Option(names = "--sim-writers", paramLabel = "DIR",
            description = "Simulator only: the machine has one writer per Writer Metadata Document (*.xml) in DIR, "
                    + "as 'vss writers --save DIR' writes them, instead of the demo writer. Repeatable.")
    private List<Path> writerDirectories;

    @Option(names = "--sim-not-elevated",
            description = "Simulator only: the command runs without elevation (a standard user's token: no "
                    + "SeBackupPrivilege, SeRestorePrivilege, SeCreateSymbolicLinkPrivilege); VSS then refuses it.")
    private boolean notElevated;

    @Option(names = "--sim-vss-service", paramLabel = "STATE",
            description = "Simulator only: the VSS service is ${COMPLETION-CANDIDATES} (default: stopped, "
                    + "started on demand); disabled makes every VSS call fail.")
    private VssServiceState vssService;

    @Option(names = "--sim-fault", paramLabel = "CALL[#N[-M]]=HRESULT",
            description = "Simulator only: the N-th (to M-th; default: first) call of CALL fails with HRESULT, e.g. "
                    + "StartSnapshotSet#1-2=VSS_E_SNAPSHOT_SET_IN_PROGRESS; CALL is an IVssBackupComponents method or "
                    + "Interface::Method. Repeatable.")
    private List<String> faultSpecs;

    @Option(names = "--progress", negatable = true,
            description = "Show the progress of long work (the simulator's point-in-time copies and deletions) on "
                    + "stderr even when stderr is not a terminal; --no-progress: never. Default: on a terminal only, "
                    + "for work that lasts more than a second.")
    private Boolean progress;

    /** The machine this run installed, closed by {@link #close()}. */
    private SimulatedMachine machine;
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
        NativeProviders.Choice choice = NativeProviders.choice();
        if (!NativeProviders.SIMULATOR_ID.equals(choice.provider().id())) {
            err.printf("(VSS provider: %s (%s): this machine's Volume Shadow Copy Service)%n",
                    choice.provider().id(), choice.reason());
            if (volumes != null || inbox || writerDirectories != null || notElevated || vssService != null
                    || faultSpecs != null) {
                err.println("(--sim-* options ignored: this is the real VSS)");
            }
            return;
        }
        err.printf("(VSS provider: simulator (%s): simulated shadow copies, not this machine's VSS)%n",
                choice.reason());
        List<SimulatedFault> faults = (faultSpecs == null ? List.<String>of() : faultSpecs).stream()
                .map(SimulatedFault::parse).toList();
        Path stateDir = state != null ? state
                : Paths.get(System.getProperty("user.home"), ".vss4j", "simulator");
        SimulatedMachine m;
        try {
            bars = ProgressBars.forStderr(progress, err);
            m = SimulatedMachine.persistentAt(stateDir, bars);
        } catch (IllegalStateException | UncheckedIOException e) {
            // A damaged or unusable state directory: the message names the file and what to do.
            throw new IllegalStateException("--sim-state " + stateDir + ": " + IoReasons.messageOf(e), e);
        }
        for (String spec : volumes == null ? List.of(DEFAULT_VOLUME) : volumes) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                m.close();
                throw new UsageException("--sim-volume wants NAME=DIR, got '" + spec + "'");
            }
            Path dir = Paths.get(spec.substring(eq + 1)).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                m.close();
                throw new UsageException("--sim-volume " + spec + ": " + dir + " is not a directory");
            }
            try {
                m.addVolume(dir, spec.substring(0, eq));
            } catch (IllegalArgumentException e) {
                m.close();
                throw new UsageException("--sim-volume " + spec + ": " + e.getMessage());
            }
            err.printf("(simulated VSS: volume %s is %s)%n", spec.substring(0, eq), dir);
        }
        if (inbox || writerDirectories != null) {
            addWriters(m, err);
        } else {
            // A writer whose one component holds every file of the first volume, so writer output has substance.
            String firstVolume = m.volumes().get(0).aliases().get(0);
            m.addWriter(SimulatedWriter.builder("vss4j Demo Writer").usage(UsageType.USERDATA)
                    .component(WriterComponent.fileGroup("", "Demo files").withCaption("Every file of " + firstVolume)
                            .withFile(FileSpec.of(firstVolume, "*", true)))
                    .build());
        }
        if (notElevated) {
            m.token().setTo(SimulatedToken.standardUser());
        }
        if (vssService != null) {
            m.vssService(vssService);
        }
        faults.forEach(f -> f.applyTo(m.faults()));
        SimulatedMachine.install(m);
        machine = m;
    }

    /**
     * The in-box writers and the writers of each --sim-writers directory. A document that cannot be read is a usage
     * error naming its option and directory; the in-box set failing to load is the simulator's failure, not the
     * command line's.
     */
    private void addWriters(SimulatedMachine m, PrintWriter err) {
        if (inbox) {
            try {
                err.printf("(simulated VSS: %d in-box writers)%n", m.addInboxWriters().size());
            } catch (RuntimeException e) {
                m.close();
                throw new IllegalStateException("--sim-inbox: the in-box writers cannot be loaded: "
                        + IoReasons.messageOf(e), e);
            }
        }
        for (Path dir : writerDirectories == null ? List.<Path>of() : writerDirectories) {
            if (!Files.isDirectory(dir)) {
                m.close();
                throw new UsageException("--sim-writers " + dir + ": not a directory");
            }
            try {
                err.printf("(simulated VSS: %d writer(s) from %s)%n", m.addWritersFrom(dir).size(),
                        dir.toAbsolutePath());
            } catch (IllegalArgumentException | UncheckedIOException e) {
                m.close();
                throw new UsageException("--sim-writers " + dir + ": " + IoReasons.messageOf(e));
            }
        }
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
