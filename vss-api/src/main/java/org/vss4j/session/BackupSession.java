package org.vss4j.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ComponentState;
import org.vss4j.DifferencedFile;
import org.vss4j.ObjectType;
import org.vss4j.SnapshotAttribute;
import org.vss4j.SnapshotMount;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterComponents;
import org.vss4j.WriterComponentsSnapshot;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.com.Exports;
import org.vss4j.files.PrivilegeNotHeldException;
import org.vss4j.files.PrivilegeScope;
import org.vss4j.files.PrivilegedFileAccess;

/**
 * A VSS backup done the way Microsoft docs describe it ("Overview of Backup Initialization",
 * "Overview of Pre-Backup Tasks", "Overview of Actual Backup Of Files", "VSS Backup State"), for callers who want the
 * files, not the interfaces.
 *
 * <p>{@link BackupSessionBuilder#start()} performs, in this order: {@code CreateVssBackupComponents},
 * {@code InitializeForBackup}, {@code SetContext}, {@code SetBackupState}, the writer filters,
 * {@code GatherWriterMetadata} (and each Writer Metadata Document), component selection with {@code AddComponent},
 * {@code SetBackupOptions}/{@code SetPreviousBackupStamp}, {@code StartSnapshotSet} and {@code AddToSnapshotSet} for
 * every volume a selected file set lives on, {@code PrepareForBackup}, {@code DoSnapshotSet},
 * {@code GetSnapshotProperties}, and generates the file list inside the shadow copies. The writers' status is verified
 * after every asynchronous step. The caller copies each {@link #items() item} and reports it {@link #saved} or
 * {@link #failed}; {@link #complete()} then calls {@code SetBackupSucceeded} per component, {@code BackupComplete},
 * gathers the final writer status, saves the Backup Components Document and returns the {@link BackupResult}.
 *
 * <p>{@code VSS_E_SNAPSHOT_SET_IN_PROGRESS} (another shadow copy set is being built or created on the machine) is waited
 * out with backoff on the session's clock, within the overall timeout: a failed {@code StartSnapshotSet} or
 * {@code AddToSnapshotSet} is called again; when {@code DoSnapshotSet}'s asynchronous result reports it, the session
 * never calls {@code DoSnapshotSet} again on that set: it calls {@code AbortBackup}, releases the requester (Microsoft
 * docs, "IVssBackupComponents": an object "can be used for only a single backup" and "must not be reused") and runs
 * the sequence again from {@code CreateVssBackupComponents} (docs/simulator-in-progress.md).
 *
 * <p>On any failure after {@code StartSnapshotSet} and before {@code BackupComplete} — and on {@link #close()} without
 * {@link #complete()} — the session calls {@code AbortBackup}, deletes a persistent context's set and releases the
 * requester, so no shadow copy remains (Microsoft docs, "Overview of Backup Initialization": "If the backup needs to
 * terminate prematurely, the requester needs to call AbortBackup and then release"). Once {@code BackupComplete} was
 * called nothing aborts: the writers were told the backup ended, so a later failure (the writers' final status, the
 * Backup Components Document) is attached to the {@link BackupResult} and logged as a warning (Microsoft docs,
 * "Overview of Backup Cleanup and Termination"). A writer that fails Identify or whose metadata cannot be read is
 * skipped and reported unless it was selected ({@link SkippedWriter}: the second kind still gets the later events, and
 * its failures count). Not thread-safe: drive a session from one thread.
 */
public final class BackupSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupSession.class);

    /** Reason recorded for items the caller never reported. */
    static final String NOT_REPORTED = "not reported as saved";

    private enum State {
        STARTING,
        OPEN,
        COMPLETED,
        CLOSED
    }

    private final BackupSessionBuilder config;
    private final SessionEvents events;
    private final SessionPhases phases;
    private final SessionBudget budget;
    private final AsyncWaiter waiter;
    private final InProgressRetry retry;
    private final BackupState backupState;
    /** The whole volumes asked for, resolved to their roots once by {@link BackupSessionBuilder#start()}. */
    private final List<ResolvedPath> volumeRoots;
    /** The directories asked for, resolved once by {@link BackupSessionBuilder#start()}. */
    private final List<ResolvedPath> directories;
    private BackupComponents bc;
    private WriterStatusCheck statusCheck;
    private State state = State.STARTING;
    private boolean snapshotSetStarted;
    private boolean prepared;
    private boolean snapshotsCreated;
    /** BackupComplete returned its IVssAsync: the writers are being told the backup ended; nothing aborts now. */
    private boolean backupCompleteCalled;
    private UUID snapshotSetId;
    private java.time.Instant snapshotTime;
    private List<GatheredWriter> writers = List.of();
    /** Writers left out at GatherWriterMetadata (failed Identify, metadata unreadable). */
    private List<SkippedWriter> skipped = List.of();
    private List<SelectedComponent> selected = List.of();
    /** Why each selected component was added (the selector's words), for {@link #componentChoices()}. */
    private Map<ComponentRef, String> addedBecause = Map.of();
    /** Why {@link BackupSessionBuilder#allComponentsOnSetVolumes()} left each component out. */
    private Map<ComponentRef, String> leftOutBecause = Map.of();
    /** The ids (lower case) of the volumes in the shadow copy set. */
    private java.util.Set<String> setVolumes = java.util.Set.of();
    /** In volume mode, the volume ids (lower case) each component's file sets are on. */
    private Map<ComponentRef, java.util.Set<String>> componentVolumes = Map.of();
    /** The items, stored compactly (a million files fit a small heap). */
    private BackupItemTable items = new BackupItemTable();
    /** What the file list found but cannot back up, each with its reason; part of the result as unsaved files. */
    private List<FileRecord> notTaken = List.of();
    /** What the file list left out on purpose (writer exclusions, unchanged differenced files), each with why. */
    private List<ExcludedFile> excluded = List.of();
    /** Every added component whose file sets name an entry: an unsaved file fails each of them. */
    private FileCoverage coverage = FileCoverage.none();
    /** What the caller reported of each item, by its index. */
    private final ItemReports reports = new ItemReports();
    /** What {@link #complete()} returned, once it did. */
    private BackupResult completedResult;
    /** SeBackupPrivilege enabled by this session, put back when it closes; null if it enabled nothing. */
    private PrivilegeScope backupPrivilege;

    private BackupSession(BackupSessionBuilder config, List<ResolvedPath> volumeRoots,
            List<ResolvedPath> directories) {
        this.config = config;
        this.volumeRoots = List.copyOf(volumeRoots);
        this.directories = List.copyOf(directories);
        this.events = new SessionEvents(config.listener);
        this.phases = new SessionPhases(events, config.clock, this::stopRequested);
        this.budget = new SessionBudget(config.clock, config.overallTimeout);
        this.waiter = new AsyncWaiter(config.clock, budget, events, config.pollInterval, config.cancelGrace,
                this::stopRequested);
        this.retry = new InProgressRetry(config.clock, budget, events, config.firstBackoff, config.maxBackoff);
        this.backupState = new BackupState(config.type, config.bootableSystemState, config.componentMode,
                config.partialFileSupport);
    }

    /** A builder for a session. */
    public static BackupSessionBuilder builder() {
        return new BackupSessionBuilder();
    }

    static BackupSession start(BackupSessionBuilder config, List<ResolvedPath> volumeRoots,
            List<ResolvedPath> directories) {
        BackupSession s = new BackupSession(config, volumeRoots, directories);
        s.budget.resume();
        try {
            s.run();
            s.state = State.OPEN;
            return s;
        } catch (RuntimeException | Error e) {
            s.abortAndRelease();
            throw e;
        } finally {
            s.budget.pause();
        }
    }

    // ---- what the caller uses -------------------------------------------------------------------------------------

    /**
     * Every file to back up, in component order, then the volume files no component claims. The list is read-only
     * and stored compactly (a million items fit a small heap): each {@code get} makes the item again, equal to the
     * one before but not the same object; {@link #saved} and {@link #failed} take any equal item.
     */
    public List<BackupItem> items() {
        return items;
    }

    /**
     * What the file list found but cannot back up (a directory that cannot be listed, a path through a junction, a
     * cloud placeholder whose data is elsewhere, a reparse point of unknown kind), each with its reason. These count
     * as files not saved: their components are not marked succeeded.
     */
    public List<FileRecord> notTaken() {
        return notTaken;
    }

    /**
     * The files on the selected paths that are left out on purpose, each with its reason: excluded by a writer
     * ({@code GetExcludeFile}), or a differenced file unchanged since its writer's time. They do not fail their
     * components. Every file on a selected path is in {@link #items()}, {@link #notTaken()} or here.
     */
    public List<ExcludedFile> excluded() {
        return excluded;
    }

    /**
     * Every component of every writer that reported metadata, whether it was added and why (see
     * {@link ComponentChoice}), writer by writer in the order GatherWriterMetadata gave them.
     */
    public List<ComponentChoice> componentChoices() {
        List<ComponentChoice> out = new ArrayList<>();
        for (GatheredWriter w : writers) {
            for (org.vss4j.WriterComponentInfo c : w.components()) {
                ComponentRef ref = w.refOf(c);
                out.add(new ComponentChoice(ref, c.selectable(), addedBecause.containsKey(ref), reasonOf(w, c, ref)));
            }
        }
        return out;
    }

    /**
     * The components {@link BackupSessionBuilder#allComponentsOnSetVolumes()} left out (files outside the sources
     * given, a dependency left out, a writer left out), each with why; empty for any other selection.
     */
    public List<ComponentChoice> leftOutComponents() {
        return componentChoices().stream().filter(c -> leftOutBecause.containsKey(c.component())).toList();
    }

    private String reasonOf(GatheredWriter w, org.vss4j.WriterComponentInfo c, ComponentRef ref) {
        if (addedBecause.containsKey(ref)) {
            return addedBecause.get(ref);
        }
        if (!config.componentMode) {
            java.util.Set<String> on = componentVolumes.getOrDefault(ref, java.util.Set.of());
            if (!on.isEmpty() && on.stream().noneMatch(setVolumes::contains)) {
                return "volume mode: its file sets are on no volume of the shadow copy set";
            }
            return on.isEmpty() ? "volume mode: no component is added, and none of its file sets is for this backup "
                    + "type" : "volume mode: no component is added; its files on the backed-up volumes are backed up "
                    + "with them";
        }
        if (leftOutBecause.containsKey(ref)) {
            return leftOutBecause.get(ref);
        }
        for (org.vss4j.WriterComponentInfo a : w.ancestorsOf(c)) {
            if (addedBecause.containsKey(w.refOf(a))) {
                return "included with its component set " + GatheredWriter.fullPath(a);
            }
        }
        if (!c.selectable()) {
            org.vss4j.WriterComponentInfo set = w.ancestorsOf(c).stream()
                    .filter(org.vss4j.WriterComponentInfo::selectable).findFirst().orElse(null);
            if (set != null) {
                return "not selectable on its own: it is backed up with its component set "
                        + GatheredWriter.fullPath(set) + ", which was not selected";
            }
        }
        return "not selected";
    }

    /**
     * What {@link #complete()} returned, for a caller that handed the session to code that completed it (a backup set
     * writer); empty before.
     */
    public java.util.Optional<BackupResult> result() {
        return java.util.Optional.ofNullable(completedResult);
    }

    /** Writers left out at GatherWriterMetadata (failed Identify, metadata unreadable), each with why. */
    public List<SkippedWriter> skippedWriters() {
        return skipped;
    }

    /** The backup state given to {@code SetBackupState}. */
    public BackupState backupState() {
        return backupState;
    }

    /** The shadow copy set. */
    public UUID snapshotSetId() {
        return snapshotSetId;
    }

    /** The components added to the Backup Components Document. */
    public List<ComponentRef> addedComponents() {
        return selected.stream().map(SelectedComponent::ref).toList();
    }

    /** Reports {@code item} copied to the backup media. */
    public void saved(BackupItem item) {
        report(item, null);
        events.emit(new BackupEvent.ItemSaved(item));
    }

    /** Reports that {@code item} could not be copied; its component is marked failed. */
    public void failed(BackupItem item, Throwable cause) {
        failed(item, cause == null ? "failed" : cause.toString());
    }

    /** Reports that {@code item} could not be copied, with a reason. */
    public void failed(BackupItem item, String cause) {
        report(item, cause == null ? "failed" : cause);
        events.emit(new BackupEvent.ItemFailed(item, cause));
    }

    private void report(BackupItem item, String failure) {
        requireOpen();
        int index = items.indexOf(item);
        if (index < 0) {
            throw new IllegalArgumentException("not an item of this session: " + item);
        }
        reports.report(index, failure);
    }

    /**
     * Ends the backup: {@code SetBackupSucceeded} for each component (true only if every file of it and of its
     * implicitly included subcomponents was saved; items never reported count as failed), {@code BackupComplete},
     * the final writer status, and the Backup Components Document. A step that fails once {@code BackupComplete} was
     * called does not abort: it is in {@link BackupResult#postCompleteFailures()}.
     *
     * @throws BackupException if a VSS step before BackupComplete fails, or the BackupComplete call itself (the session
     *                         has then aborted and released everything)
     */
    public BackupResult complete() {
        requireOpen();
        budget.resume();
        try {
            FileRecordList files = fileRecords();
            phase(BackupPhase.SET_BACKUP_SUCCEEDED, () -> markComponents(files));
            BackupResult done = backupComplete(files);
            completedResult = done;
            state = State.COMPLETED;
            release();
            return done;
        } catch (RuntimeException | Error e) {
            abortAndRelease();
            throw e;
        } finally {
            budget.pause();
        }
    }

    /**
     * {@code BackupComplete} and everything after it, one phase per step. Once the call returned its
     * {@code IVssAsync}, each step's failure (whatever its kind) is recorded and logged, never thrown, so the result,
     * with whatever of the documents could be read, reaches the caller; a failure of the call itself is thrown (the
     * writers were never told: the session aborts).
     */
    private BackupResult backupComplete(FileRecordList files) {
        List<PostCompleteFailure> failures = new ArrayList<>();
        afterComplete(failures, BackupPhase.BACKUP_COMPLETE, () -> {
            org.vss4j.VssAsync completing = bc.backupComplete();
            backupCompleteCalled = true;
            awaitBlaming(BackupPhase.BACKUP_COMPLETE, completing);
        });
        List<WriterFailure> writerFailures = new ArrayList<>();
        afterComplete(failures, BackupPhase.FINAL_WRITER_STATUS,
                () -> writerFailures.addAll(takingPart(statusCheck.failuresAfter(BackupPhase.BACKUP_COMPLETE,
                        BackupPhase.FINAL_WRITER_STATUS))));
        writerFailures.forEach(f -> LOG.warn("after BackupComplete: {}", f));
        String[] document = new String[1];
        Map<ComponentRef, String> stamps = new LinkedHashMap<>();
        afterComplete(failures, BackupPhase.SAVE_DOCUMENTS, () -> document[0] = bc.saveAsXml(),
                () -> forEachDocumentComponent((ref, c) -> stamps.put(ref, c.backupStamp())));
        List<ComponentOutcome> outcomes = new ArrayList<>();
        // Not a VSS step of its own: no phase events.
        attempt(failures, BackupPhase.SAVE_DOCUMENTS, () -> outcomes.addAll(outcomes(files, stamps)));
        return new BackupResult(document[0], writers.stream().map(w -> new WriterDocument(w.ref(), w.xml())).toList(),
                backupState, snapshotSetId, snapshotTime, files, outcomes, writerFailures, skipped, failures,
                excluded);
    }

    /**
     * One phase of the end of the backup: its steps in order, each run even if one before it failed (the stamps are
     * still read when {@code SaveAsXML} fails). Once {@code BackupComplete} was called, a failure of any kind is
     * logged and added to {@code failures}, and the phase has no {@code PhaseFinished}; before that it is thrown.
     */
    private void afterComplete(List<PostCompleteFailure> failures, BackupPhase phase, Runnable... steps) {
        events.emit(new BackupEvent.PhaseStarted(phase));
        long[] start = new long[1];
        boolean allWent = attempt(failures, phase, () -> start[0] = config.clock.nanoTime());
        for (Runnable step : steps) {
            allWent &= attempt(failures, phase, step);
        }
        if (allWent) {
            attempt(failures, phase, () -> events.emit(new BackupEvent.PhaseFinished(phase,
                    Duration.ofNanos(config.clock.nanoTime() - start[0]))));
        }
    }

    /** Runs one step of {@link #afterComplete}; false if it failed after BackupComplete was called. */
    private boolean attempt(List<PostCompleteFailure> failures, BackupPhase phase, Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuntimeException e) {
            BackupException failure = asBackupException(phase, e);
            if (!backupCompleteCalled) {
                throw failure;
            }
            LOG.warn("after BackupComplete (not aborting: the writers were told the backup ended): {}",
                    failure.getMessage(), e instanceof VssException ? null : e);
            failures.add(PostCompleteFailure.of(failure));
            return false;
        }
    }

    /** Aborts the backup if it was not completed, and releases the requester. */
    @Override
    public void close() {
        if (state == State.OPEN) {
            LOG.info("backup session closed before complete(): aborting");
            abortAndRelease();
        } else if (state != State.CLOSED) {
            release();
        }
    }

    // ---- the sequence ---------------------------------------------------------------------------------------------

    private void run() {
        SnapshotPlan snapshot = createShadowCopies();
        Map<String, SnapshotRoot> roots = phase(BackupPhase.GET_SNAPSHOT_PROPERTIES,
                () -> mount(snapshot.plan().volumes(), snapshot.snapshotIds()));
        // Before the listing: FindFirstFileW opens directories for backup intent, so the privilege decides what is
        // listed as much as what is read.
        enableBackupPrivilege();
        FileListBuilder list = phase(BackupPhase.FILE_LIST, () -> fileList(snapshot.plan(), snapshot.volumes(), roots,
                snapshot.planner()));
        items = list.items();
        notTaken = list.notTaken();
        excluded = list.excluded();
        coverage = list.coverage();
        items.dropKeys();
        LOG.info("backup session: {} file(s) to back up from {} component(s) and {} volume(s)", items.size(),
                selected.size(), snapshot.volumes().size());
    }

    /**
     * The sequence up to the shadow copies; again from {@code CreateVssBackupComponents}, after a backoff, each time
     * {@code DoSnapshotSet} met another requester's shadow copy set, until the overall timeout.
     */
    private SnapshotPlan createShadowCopies() {
        InProgressRetry.Backoff backoff = retry.backoff();
        while (true) {
            try {
                return createShadowCopiesOnce();
            } catch (InProgressRetry.SetCollision c) {
                LOG.info("DoSnapshotSet of shadow copy set {} met another shadow copy set in progress: aborting it, "
                        + "starting over with a new requester", snapshotSetId);
                // Nothing of the set was created: no partial commit (Microsoft docs, "Error Handling in Shadow Copy
                // Providers").
                snapshotsCreated = false;
                discardRequester();
                backoff.await(BackupPhase.DO_SNAPSHOT_SET, "DoSnapshotSet", c.failure());
            }
        }
    }

    private SnapshotPlan createShadowCopiesOnce() {
        phase(BackupPhase.INITIALIZE, () -> {
            bc = BackupComponents.create();
            bc.initializeForBackup(config.storedDocument);
        });
        statusCheck = new WriterStatusCheck(bc, waiter, config.phaseTimeout, events);
        phase(BackupPhase.SET_CONTEXT, () -> bc.setContext(config.context));
        phase(BackupPhase.SET_BACKUP_STATE, () -> bc.setBackupState(config.componentMode, config.bootableSystemState,
                config.type, config.partialFileSupport));
        if (!config.enabledWriterClasses.isEmpty() || !config.disabledWriterClasses.isEmpty()
                || !config.disabledWriterInstances.isEmpty()) {
            phase(BackupPhase.WRITER_FILTER, () -> {
                bc.enableWriterClasses(config.enabledWriterClasses);
                bc.disableWriterClasses(config.disabledWriterClasses);
                bc.disableWriterInstances(config.disabledWriterInstances);
            });
        }
        writers = phase(BackupPhase.GATHER_WRITER_METADATA, this::gatherWriters);
        PathPlanner early = null;
        if (config.componentMode && (!config.components.isEmpty() || config.allOnSetVolumes)) {
            ComponentSelector selector = new ComponentSelector(writers);
            if (config.allOnSetVolumes) {
                PathPlanner planner = phase(BackupPhase.SELECT_COMPONENTS, this::planner);
                early = planner;
                ComponentVolumes where = phase(BackupPhase.SELECT_COMPONENTS, () -> ComponentVolumes.of(writers,
                        config.type, planner));
                // The sources as given: a volume whole, or a directory (not all of its volume).
                List<ResolvedPath> sources = new ArrayList<>(volumeRoots);
                sources.addAll(directories);
                selected = phase(BackupPhase.SELECT_COMPONENTS, () -> addComponents(selector.selectOnVolumes(sources,
                        where)));
                Map<ComponentRef, String> out = new LinkedHashMap<>();
                writers.forEach(w -> w.components().forEach(c -> {
                    String why = selector.leftOutReason(w, c);
                    if (why != null) {
                        out.put(w.refOf(c), why);
                    }
                }));
                leftOutBecause = out;
            } else {
                selected = phase(BackupPhase.SELECT_COMPONENTS, () -> addComponents(selector.select(
                        config.components)));
            }
            Map<ComponentRef, String> why = new LinkedHashMap<>();
            selected.forEach(c -> why.put(c.ref(), selector.reasonOf(c.ref())));
            addedBecause = why;
            phase(BackupPhase.SET_BACKUP_OPTIONS, this::setOptionsAndStamps);
        }
        PathPlanner known = early;
        SnapshotPlan snapshot = phase(BackupPhase.START_SNAPSHOT_SET, () -> {
            PathPlanner planner = known != null ? known : planner();
            FileSetPlan plan = FileSetPlan.forComponents(selected, config.type, planner);
            volumeRoots.forEach(plan::addVolume);
            directories.forEach(plan::addVolume);
            return new SnapshotPlan(plan, volumeRoots, startSnapshotSet(plan.volumes()), planner);
        });
        phase(BackupPhase.PREPARE_FOR_BACKUP, () -> {
            prepared = true;
            awaitBlaming(BackupPhase.PREPARE_FOR_BACKUP, bc.prepareForBackup());
            failOnWriterFailure(BackupPhase.PREPARE_FOR_BACKUP);
        });
        phase(BackupPhase.DO_SNAPSHOT_SET, this::doSnapshotSet);
        return snapshot;
    }

    /**
     * The file sets, the volumes asked for, each shadow-copied volume's snapshot id (by volume id), and the planner
     * that resolved them.
     */
    private record SnapshotPlan(FileSetPlan plan, List<ResolvedPath> volumes, Map<String, UUID> snapshotIds,
            PathPlanner planner) {
    }

    /** DoSnapshotSet, once per set: VSS_E_SNAPSHOT_SET_IN_PROGRESS from it or its result is a {@link InProgressRetry.SetCollision}. */
    private void doSnapshotSet() {
        org.vss4j.VssAsync op;
        try {
            op = bc.doSnapshotSet();
        } catch (VssException e) {
            throw InProgressRetry.isInProgress(e) ? new InProgressRetry.SetCollision(e) : e;
        }
        snapshotsCreated = true;
        try {
            awaitNamingWriters(BackupPhase.DO_SNAPSHOT_SET, op);
        } catch (BackupException e) {
            if (!e.isTimeout() && InProgressRetry.isInProgress(e)) {
                throw new InProgressRetry.SetCollision(e);
            }
            throw blamed(BackupPhase.DO_SNAPSHOT_SET, e);
        }
        snapshotTime = config.clock.now();
        failOnWriterFailure(BackupPhase.DO_SNAPSHOT_SET);
    }

    /**
     * The planner of this session's paths: the caller's resolver or the Windows one (which the simulator answers too),
     * and the caller's environment or the machine-scope one ({@link MachineEnvironment}; docs/volumes.md).
     */
    private PathPlanner planner() {
        VolumeResolver resolver = config.volumeResolver != null ? config.volumeResolver
                : VolumeResolver.forCurrentProvider();
        Map<String, String> environment = config.environment != null ? config.environment
                : MachineEnvironment.read(Exports.current());
        return new PathPlanner(resolver, environment, events);
    }

    private List<GatheredWriter> gatherWriters() {
        awaitNamingWriters(BackupPhase.GATHER_WRITER_METADATA, bc.gatherWriterMetadata());
        // Writers failing Identify are not listed by GetWriterMetadata (Microsoft docs,
        // "Overview of Backup Initialization"): skipped and reported, unless the caller selected one.
        List<WriterFailure> identifyFailures = statusCheck.failuresAfter(BackupPhase.GATHER_WRITER_METADATA);
        List<SkippedWriter> left = new ArrayList<>();
        for (WriterFailure f : identifyFailures) {
            failIfSelected(f.writer().name(), f.writer().writerId(), () -> BackupException.writer(
                    BackupPhase.GATHER_WRITER_METADATA, f, null));
            left.add(new SkippedWriter(f.writer().instanceId(), f.writer().name(), f.failureHresult(),
                    "failed Identify: " + f));
        }
        List<GatheredWriter> out = new ArrayList<>();
        int count = bc.getWriterMetadataCount();
        for (int i = 0; i < count; i++) {
            try (WriterMetadataEntry e = bc.getWriterMetadata(i)) {
                out.add(examine(e));
            } catch (UnexaminedWriter u) {
                left.add(u.skipped);
            }
        }
        left.forEach(w -> LOG.warn("GatherWriterMetadata: {} (not selected: the backup goes on without it)", w));
        skipped = List.copyOf(left);
        failIfSelectedWriterUnknown(out);
        return List.copyOf(out);
    }

    /** A writer's metadata could not be read or saved. */
    private static final class UnexaminedWriter extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient SkippedWriter skipped;

        UnexaminedWriter(SkippedWriter skipped) {
            super(skipped.toString(), null, false, false);
            this.skipped = skipped;
        }
    }

    /**
     * One writer's metadata, read whole and saved as XML. A failure skips the writer (its name read with
     * {@code GetIdentity} if the whole read failed), unless the caller selected it: then the session fails naming it.
     */
    private GatheredWriter examine(WriterMetadataEntry e) {
        String name = null;
        UUID writerId = null;
        try {
            var metadata = e.metadata().read();
            name = metadata.identity().writerName();
            writerId = metadata.identity().writerId();
            WriterRef ref = new WriterRef(e.instanceId(), writerId, name);
            return new GatheredWriter(ref, metadata, e.metadata().saveAsXml());
        } catch (VssException failure) {
            if (name == null) {
                try {
                    org.vss4j.WriterIdentity id = e.metadata().getIdentity();
                    name = id.writerName();
                    writerId = id.writerId();
                } catch (VssException alsoFailed) {
                    failure.addSuppressed(alsoFailed);
                }
            }
            WriterRef ref = new WriterRef(e.instanceId(), writerId, name);
            failIfSelected(name, writerId, () -> BackupException.ofWriter(BackupPhase.GATHER_WRITER_METADATA, ref,
                    failure.hresult(), "the metadata of selected writer " + ref + " cannot be read: "
                            + failure.getMessage(), failure));
            throw new UnexaminedWriter(new SkippedWriter(e.instanceId(), name, failure.hresult(),
                    failure.getMessage()));
        }
    }

    /** Throws what {@code failure} makes if a selection of the caller names this writer. */
    private void failIfSelected(String name, UUID writerId, Supplier<BackupException> failure) {
        if (name == null && writerId == null) {
            return;
        }
        WriterRef probe = new WriterRef(null, writerId, name == null ? "" : name);
        if (config.componentMode && config.components.stream().anyMatch(c -> c.names(probe))) {
            throw failure.get();
        }
    }

    /**
     * A selection naming no gathered writer, while a writer whose identity could not be read was skipped: that may be
     * the one, so the session fails naming it rather than calling the selected writer absent.
     */
    private void failIfSelectedWriterUnknown(List<GatheredWriter> gathered) {
        List<SkippedWriter> unnamed = skipped.stream().filter(w -> w.name() == null).toList();
        boolean selectionUnmatched = config.componentMode && config.components.stream()
                .anyMatch(c -> gathered.stream().noneMatch(g -> c.names(g.ref())));
        if (unnamed.isEmpty() || !selectionUnmatched) {
            return;
        }
        SkippedWriter w = unnamed.get(0);
        throw BackupException.of(BackupPhase.GATHER_WRITER_METADATA, w.hresult(), "the selection may name " + w
                + "; its identity cannot be read", null);
    }

    private List<SelectedComponent> addComponents(List<SelectedComponent> chosen) {
        for (SelectedComponent s : chosen) {
            ComponentRef c = s.ref();
            bc.addComponent(c.writer().instanceId(), c.writer().writerId(), c.type(), c.logicalPathOrNull(), c.name());
        }
        return chosen;
    }

    private void setOptionsAndStamps() {
        for (SelectedComponent s : selected) {
            ComponentRef c = s.ref();
            if (s.backupOptions() != null) {
                bc.setBackupOptions(c.writer().writerId(), c.type(), c.logicalPathOrNull(), c.name(),
                        s.backupOptions());
            }
            boolean buildsOnPrevious = config.type == BackupType.INCREMENTAL || config.type == BackupType.DIFFERENTIAL;
            if (buildsOnPrevious && config.previous != null) {
                config.previous.stampOf(c).ifPresent(stamp -> bc.setPreviousBackupStamp(c.writer().writerId(),
                        c.type(), c.logicalPathOrNull(), c.name(), stamp));
            }
        }
    }

    private Map<String, UUID> startSnapshotSet(Map<String, String> volumes) {
        if (volumes.isEmpty()) {
            throw BackupException.of(BackupPhase.START_SNAPSHOT_SET, VssHresult.E_INVALIDARG.code(),
                    "no volume to shadow copy: the selected components have no file set for a "
                            + config.type.nativeName() + " backup and no volume was given", null);
        }
        snapshotSetId = retry.call(BackupPhase.START_SNAPSHOT_SET, "StartSnapshotSet", bc::startSnapshotSet);
        snapshotSetStarted = true;
        Map<String, UUID> ids = new LinkedHashMap<>();
        volumes.forEach((id, name) -> ids.put(id, retry.call(BackupPhase.START_SNAPSHOT_SET, "AddToSnapshotSet",
                () -> bc.addToSnapshotSet(name, config.provider))));
        return ids;
    }

    private Map<String, SnapshotRoot> mount(Map<String, String> volumes, Map<String, UUID> snapshotIds) {
        Map<String, SnapshotRoot> roots = new LinkedHashMap<>();
        volumes.forEach((id, name) -> {
            UUID snapshot = snapshotIds.get(id);
            SnapshotMount m = bc.mountSnapshot(snapshot);
            roots.put(id, new SnapshotRoot(name, snapshot, m.root()));
        });
        return roots;
    }

    private FileListBuilder fileList(FileSetPlan plan, List<ResolvedPath> volumes, Map<String, SnapshotRoot> roots,
            PathPlanner planner) {
        DifferencedFiles differenced = DifferencedFiles.none();
        if (config.type == BackupType.INCREMENTAL || config.type == BackupType.DIFFERENTIAL) {
            differenced = DifferencedFiles.of(differencedFiles(), planner,
                    config.previous == null ? null : config.previous.time());
        }
        // Without writers (a context with VSS_VOLSNAP_ATTR_NO_WRITERS, as VSS_CTX_FILE_SHARE_BACKUP: Microsoft docs,
        // "_VSS_SNAPSHOT_CONTEXT enumeration") no writer takes part, so no file is any writer's component.
        boolean noWriters = (config.context & SnapshotAttribute.NO_WRITERS.value()) != 0;
        List<FileSource> attribution = config.componentMode || noWriters ? List.of()
                : FileSetPlan.forAttribution(writers, config.type, planner).sources();
        setVolumes = new java.util.HashSet<>(roots.keySet());
        Map<ComponentRef, java.util.Set<String>> onVolumes = new LinkedHashMap<>();
        attribution.forEach(a -> onVolumes.computeIfAbsent(a.component(), k -> new java.util.HashSet<>())
                .add(a.normal().volumeId().toLowerCase(Locale.ROOT)));
        componentVolumes = onVolumes;
        return new FileListBuilder(roots, new ExclusionRules(writers, planner), differenced)
                .addComponentFiles(plan.sources()).addVolumeFiles(volumes, attribution)
                .addDirectoryFiles(directories, attribution);
    }

    /** The differenced files the writers added to the added components (read after PostSnapshot). */
    private Map<ComponentRef, List<DifferencedFile>> differencedFiles() {
        Map<ComponentRef, List<DifferencedFile>> out = new LinkedHashMap<>();
        forEachDocumentComponent((ref, c) -> out.put(ref, c.differencedFiles()));
        return out;
    }

    /** Every component of the Backup Components Document, matched to the component the session added. */
    private void forEachDocumentComponent(java.util.function.BiConsumer<ComponentRef, ComponentState> action) {
        int count = bc.getWriterComponentsCount();
        for (int i = 0; i < count; i++) {
            WriterComponentsSnapshot part;
            try (WriterComponents wc = bc.getWriterComponents(i)) {
                part = wc.read();
            }
            for (ComponentState c : part.components()) {
                selected.stream().map(SelectedComponent::ref)
                        .filter(r -> r.writer().instanceId().equals(part.instanceId()) && r.type() == c.type()
                                && r.logicalPath().equals(c.logicalPath() == null ? "" : c.logicalPath())
                                && r.name().equals(c.name()))
                        .findFirst().ifPresent(r -> action.accept(r, c));
            }
        }
    }

    // ---- completion -----------------------------------------------------------------------------------------------

    /** One record per item, made when read, then the records not taken ({@link FileRecordList}). */
    private FileRecordList fileRecords() {
        return new FileRecordList(items, reports, notTaken);
    }

    /** The added components whose file sets name record {@code index} of {@link #fileRecords()}. */
    private java.util.Set<ComponentRef> coverageOf(FileRecordList files, int index) {
        return index < items.size() ? coverage.ofItem(index) : coverage.of(files.get(index));
    }

    private void markComponents(FileRecordList files) {
        for (SelectedComponent s : selected) {
            ComponentRef c = s.ref();
            List<FileRecord> failed = failedOf(c, files);
            // Microsoft docs, "Overview of Actual Backup Of Files": if any file of a component or its component set
            // fails, the entire component fails, and the exact failed files should always be logged.
            failed.forEach(f -> LOG.warn("component {}: {} was not backed up: {}", c.fullPath(), f.originalPath(),
                    f.failure()));
            bc.setBackupSucceeded(c.writer().instanceId(), c.writer().writerId(), c.type(), c.logicalPathOrNull(),
                    c.name(), failed.isEmpty());
        }
    }

    /**
     * The unsaved files of {@code added}: its own, and those another component claimed that its file sets also name
     * (Microsoft docs, "Overview of Actual Backup Of Files": if any file of a component fails, the component fails).
     */
    private List<FileRecord> failedOf(ComponentRef added, FileRecordList files) {
        List<FileRecord> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (!files.saved(i) && (added.equals(files.addedComponent(i)) || coverageOf(files, i).contains(added))) {
                out.add(files.get(i));
            }
        }
        return out;
    }

    private List<ComponentOutcome> outcomes(FileRecordList files, Map<ComponentRef, String> stamps) {
        return selected.stream().map(SelectedComponent::ref).map(c -> {
            List<FileRecord> failed = failedOf(c, files);
            return new ComponentOutcome(c, failed.isEmpty(), stamps.get(c), failed);
        }).toList();
    }

    // ---- failures -------------------------------------------------------------------------------------------------

    /** Waits for an asynchronous step; if it failed, the writer to blame is looked up in the writer status. */
    private void awaitBlaming(BackupPhase phase, org.vss4j.VssAsync op) {
        try {
            awaitNamingWriters(phase, op);
        } catch (BackupException e) {
            throw blamed(phase, e);
        }
    }

    /** Waits for an asynchronous step that involves the writers; a timeout names the writers that may hold it. */
    private void awaitNamingWriters(BackupPhase phase, org.vss4j.VssAsync op) {
        try {
            waiter.await(op, phase, config.phaseTimeout);
        } catch (BackupException e) {
            throw e.isTimeout() ? stillRunning(phase, e) : e;
        }
    }

    /**
     * A timed-out writer step, with the writers that may hold it. From {@code GatherWriterStatus} where it can be had:
     * the operation ended after the cancel (VSS refuses the status while an operation runs) and the budget still
     * covers one more wait; writers not in the state the step leaves them in (a failed one, or one still waiting for
     * the step's event) are named. Otherwise the writers taking part, with
     * the state the last status reported, as "writers still in" the step's events.
     */
    private BackupException stillRunning(BackupPhase phase, BackupException e) {
        org.vss4j.AsyncIncompleteException incomplete = e.getCause() instanceof org.vss4j.AsyncIncompleteException a
                ? a : null;
        boolean ended = incomplete != null && switch (incomplete.cancelOutcome()) {
            case ACKNOWLEDGED, FINISHED_FIRST, FAILED -> true;
            default -> false;
        };
        Map<WriterRef, org.vss4j.WriterState> last = statusCheck.lastStates();
        if (ended && waiter.hasRoomForAWait() && !last.isEmpty()) {
            try {
                List<WriterStatusCheck.Reported> holding = statusCheck.statusesAfter(phase).stream()
                        .filter(r -> r.state() != stateAfter(phase) && !failedIdentify(r.writer(), r.state()))
                        .toList();
                if (!holding.isEmpty()) {
                    String named = String.join(", ", holding.stream()
                            .map(r -> "writer " + r.writer() + " in " + r.state().nativeName()).toList());
                    return BackupException.timeout(phase, e.detail() + "; " + named, e.getCause(),
                            holding.size() == 1 ? holding.get(0).writer() : null);
                }
            } catch (RuntimeException statusFailed) {
                e.addSuppressed(statusFailed);
            }
        }
        List<WriterRef> taking = writers.isEmpty() ? List.copyOf(last.keySet())
                : writers.stream().map(GatheredWriter::ref).toList();
        String who = taking.isEmpty() ? " (none named: the writers are known once their metadata is gathered)"
                : ": " + String.join(", ", taking.stream().map(w -> w.toString()
                        + (last.containsKey(w) ? " (last reported " + last.get(w).nativeName() + ")" : "")).toList());
        return BackupException.timeout(phase, e.detail() + "; writers still in " + writerEventsOf(phase) + who,
                e.getCause(), taking.size() == 1 ? taking.get(0) : null);
    }

    /**
     * The state a step leaves a writer in when it went well (Microsoft docs, "VSS_WRITER_STATE"): waiting for
     * BackupComplete after DoSnapshotSet, stable after the others.
     */
    private static org.vss4j.WriterState stateAfter(BackupPhase phase) {
        return phase == BackupPhase.DO_SNAPSHOT_SET ? org.vss4j.WriterState.WAITING_FOR_BACKUP_COMPLETE
                : org.vss4j.WriterState.STABLE;
    }

    /** The writer events a step sends (Microsoft docs, "Overview of Pre-Backup Tasks"). */
    private static String writerEventsOf(BackupPhase phase) {
        return switch (phase) {
            case GATHER_WRITER_METADATA -> "Identify";
            case PREPARE_FOR_BACKUP -> "PrepareForBackup";
            case DO_SNAPSHOT_SET -> "PrepareForSnapshot, Freeze, Thaw or PostSnapshot";
            case BACKUP_COMPLETE -> "BackupComplete";
            default -> phase.name();
        };
    }

    /** {@code e}, or the failure of a writer taking part that explains it ({@link WriterStatusCheck#blamed}). */
    private BackupException blamed(BackupPhase phase, BackupException e) {
        return statusCheck.blamed(phase, e, this::takingPart);
    }

    private void failOnWriterFailure(BackupPhase phase) {
        List<WriterFailure> failures = takingPart(statusCheck.failuresAfter(phase));
        if (!failures.isEmpty()) {
            failures.forEach(f -> LOG.error("after {}: {}", phase, f));
            throw BackupException.writer(phase, failures.get(0), null);
        }
    }

    /**
     * The failures that concern this backup: all but the {@code VSS_WS_FAILED_AT_IDENTIFY} of a writer skipped for it,
     * which it keeps reporting at every later status. A writer skipped because its metadata could not be read did
     * answer Identify: it still takes part (the session cannot exclude it, Microsoft docs, "Overview of Backup
     * Initialization": DisableWriterInstances and DisableWriterClasses "have no effect" once GatherWriterMetadata was
     * called), so it gets PrepareForBackup, Freeze and Thaw, and its failures count like any writer's.
     */
    private List<WriterFailure> takingPart(List<WriterFailure> failures) {
        return failures.stream().filter(f -> !failedIdentify(f.writer(), f.state())).toList();
    }

    /** Whether {@code state} is the Identify failure {@code writer} was skipped for. */
    private boolean failedIdentify(WriterRef writer, org.vss4j.WriterState state) {
        return state == org.vss4j.WriterState.FAILED_AT_IDENTIFY
                && skipped.stream().anyMatch(w -> w.instanceId().equals(writer.instanceId()));
    }

    /** {@code AbortBackup} where the backup got far enough to need it, then the release; the session is closed. */
    private void abortAndRelease() {
        try {
            discardRequester();
        } finally {
            restoreBackupPrivilege();
        }
        state = State.CLOSED;
    }

    /**
     * SeBackupPrivilege for the session's lifetime ({@link BackupSessionBuilder#backupPrivilege}): a token without
     * it is no error, the denied entries then fail as denied.
     */
    private void enableBackupPrivilege() {
        if (!config.backupPrivilege || backupPrivilege != null) {
            return;
        }
        PrivilegedFileAccess access = PrivilegedFileAccess.current();
        if (!access.backupSemantics()) {
            LOG.info("SeBackupPrivilege not enabled: {}", access.description());
            return;
        }
        try {
            backupPrivilege = access.enableScoped(PrivilegedFileAccess.SE_BACKUP);
        } catch (PrivilegeNotHeldException e) {
            LOG.warn("files and directories whose ACLs deny this account will fail as denied: {}", e.getMessage());
        } catch (java.io.IOException e) {
            LOG.warn("SeBackupPrivilege could not be enabled, so entries whose ACLs deny this account will fail: {}",
                    e.getMessage());
        }
    }

    /** Puts SeBackupPrivilege back as it was before the session (disabled, unless it was enabled already). */
    private void restoreBackupPrivilege() {
        PrivilegeScope scope = backupPrivilege;
        backupPrivilege = null;
        if (scope != null) {
            try {
                scope.close();
            } catch (java.io.IOException e) {
                LOG.warn("SeBackupPrivilege could not be put back as it was before the backup session: {}",
                        e.getMessage());
            }
        }
    }

    /**
     * {@code AbortBackup} where the backup got far enough to need it (Microsoft docs, "IVssBackupComponents::
     * AbortBackup": after StartSnapshotSet and before DoSnapshotSet returns; "Aborting VSS Operations": after
     * PrepareForBackup), then the release of the requester; the session can start over with a new one.
     */
    private void discardRequester() {
        if (bc != null && !bc.isClosed() && (prepared || snapshotSetStarted) && !backupCompleteCalled) {
            events.emit(new BackupEvent.PhaseStarted(BackupPhase.ABORT));
            try {
                bc.abortBackup();
            } catch (VssException e) {
                LOG.warn("AbortBackup failed: {}", e.getMessage());
            }
            deletePersistentSnapshots();
            events.emit(new BackupEvent.PhaseFinished(BackupPhase.ABORT, Duration.ZERO));
        }
        if (bc != null) {
            bc.close();
        }
        prepared = false;
        snapshotSetStarted = false;
        snapshotsCreated = false;
    }

    /**
     * A persistent context's shadow copies outlive the requester; after a failed backup nothing should remain, so the
     * set is deleted. Non-persistent ones vanish with the release (Microsoft docs,
     * "IVssBackupComponents::DeleteSnapshots": shadow copies are released automatically with the IVssBackupComponents
     * instance).
     */
    private void deletePersistentSnapshots() {
        if (snapshotsCreated && (config.context & SnapshotAttribute.PERSISTENT.value()) != 0) {
            try {
                bc.deleteSnapshots(snapshotSetId, ObjectType.SNAPSHOT_SET, true);
            } catch (VssException e) {
                LOG.warn("could not delete the persistent shadow copy set {}: {}", snapshotSetId, e.getMessage());
            }
        }
    }

    private void release() {
        try {
            if (bc != null) {
                bc.close();
            }
        } finally {
            restoreBackupPrivilege();
        }
        state = State.CLOSED;
    }

    // ---- phases ---------------------------------------------------------------------------------------------------

    private void requireOpen() {
        SessionPhases.requireOpen(state == State.OPEN, "session", state);
    }

    /** The caller's stop, heeded while {@link BackupSessionBuilder#start()} runs only: see its {@code stopWhen}. */
    private boolean stopRequested() {
        return state == State.STARTING && config.stopWhen.getAsBoolean();
    }

    private void phase(BackupPhase phase, Runnable step) {
        phases.run(phase, step);
    }

    private <T> T phase(BackupPhase phase, Supplier<T> step) {
        return phases.run(phase, step);
    }

    private static BackupException asBackupException(BackupPhase phase, RuntimeException e) {
        return SessionPhases.asBackupException(phase, e);
    }
}
