package org.vss4j.session;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.BackupComponents;
import org.vss4j.ComponentState;
import org.vss4j.ExamineWriterMetadata;
import org.vss4j.FileRestoreStatus;
import org.vss4j.FileSet;
import org.vss4j.PartialFile;
import org.vss4j.VssHresult;
import org.vss4j.WriterComponentInfo;
import org.vss4j.WriterComponents;
import org.vss4j.WriterComponentsSnapshot;
import org.vss4j.WriterMetadata;
import org.vss4j.WriterMetadataEntry;

/**
 * A writer-aware VSS restore done the way Microsoft docs describe it ("Overview of Preparing for Restore",
 * "Overview of Actual File Restoration", "Overview of Post-Restore Tasks").
 *
 * <p>{@link RestoreSessionBuilder#start()} performs {@code CreateVssBackupComponents}, {@code InitializeForRestore}
 * with the stored Backup Components Document, {@code SetRestoreState}, {@code GatherWriterMetadata}; it matches each
 * backed-up component of the document to a running writer by writer class id (and instance id, or with the stored
 * Writer Metadata Documents instance name, where the instance backed up no longer runs), calls
 * {@code SetSelectedForRestore} ({@code SetSelectedForRestoreEx} when the running instance is
 * not the one that was backed up), {@code SetRestoreOptions}, {@code SetAdditionalRestores},
 * {@code AddRestoreSubcomponent}, {@code AddNewTarget} and {@code AddAlternativeLocationMapping} (see
 * {@link RestoreRequests}), then {@code PreRestore}, {@code GatherWriterStatus} and {@code GetWriterComponents} again.
 * The writer's restore method ({@code GetRestoreMethod}), the caller's new targets and what the writer set in its
 * OnPreRestore (restore target, PreRestore failure message: {@link RestoreTargets}) decide each {@link #items() item}:
 * original location, alternate location, new target, or not restored as plain files (service stop, reboot, custom
 * procedure, directed restore: the session performs a service stop or a reboot replacement only when the caller
 * allows it, {@link RestoreSessionBuilder#stopServices}, {@link RestoreSessionBuilder#restoreAtReboot}, and never a
 * custom procedure or a directed restore). The caller copies the items it is to copy and reports
 * each {@link #restored}, {@link #failed} or {@link #notWritten}; {@link #complete()} calls
 * {@code SetFileRestoreStatus} per component,
 * {@code PostRestore}, the final {@code GatherWriterStatus}, {@code GetWriterComponents} again (a writer's PostRestore
 * failure message leaves its component not restored), and returns the {@link RestoreResult}.
 *
 * <p>There is no abort for a restore ({@code AbortBackup} ends a backup, Microsoft docs,
 * "IVssBackupComponents::AbortBackup"): once PreRestore was sent, a failure or a {@link #close()} without
 * {@link #complete()} still reports a status for every selected component and calls {@code PostRestore}, whose writers
 * handle the restore's failures, then releases the requester: the documented end of a restore (Microsoft docs,
 * "Overview of Restore Clean up and Termination": PostRestore, wait, writer status, release). The status is
 * {@code VSS_RS_ALL} for a component wholly reported restored, {@code VSS_RS_FAILED} where files of it are or may be
 * on disk (an item reported restored or {@link #failed}, or one not reported yet when the caller closes the session
 * while copying), else {@code VSS_RS_NONE} (Microsoft docs, "VSS_FILE_RESTORE_STATUS": FAILED means the component on
 * disk is now corrupt, NONE that no restored file was left). After a PreRestore whose {@code IVssAsync} failed (not
 * one that timed out), the writers that handled OnPreRestore may have closed their files: the session still tries
 * {@code VSS_RS_NONE} and PostRestore, and a {@code VSS_E_BAD_STATE} refusal of them is logged, not reported (the
 * simulator refuses them so, see docs/restore-session.md). Not thread-safe.
 */
public final class RestoreSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreSession.class);

    /** Reason recorded for items the caller never reported. */
    static final String NOT_REPORTED = "not reported as restored";

    private enum State {
        STARTING,
        OPEN,
        CLOSED
    }

    /** A writer instance as its stored Writer Metadata Document names it, with the document read. */
    private record BackedUpInstance(UUID writerId, String instanceName, WriterMetadata metadata) {
    }

    /**
     * One component selected for restore: the running writer that takes it, the instance the document records it
     * under (the one that backed it up), its metadata and its items.
     */
    private record Selected(ComponentRef ref, GatheredWriter writer, UUID documentInstance, WriterComponentInfo info,
            List<RestoreItem> items) {

        Selected withItems(List<RestoreItem> newItems) {
            return new Selected(ref, writer, documentInstance, info, newItems);
        }

        /**
         * Whether {@code part} (a GetWriterComponents entry) may list this component: by class, and by instance, the
         * one that backed it up or the running one it was given to with SetSelectedForRestoreEx. Two instances of one
         * class may each have a component of the same path.
         */
        boolean listedIn(WriterComponentsSnapshot part) {
            return ref.writer().writerId().equals(part.writerId()) && (documentInstance.equals(part.instanceId())
                    || ref.writer().instanceId().equals(part.instanceId()));
        }
    }

    private final RestoreSessionBuilder config;
    private final SessionEvents events;
    private final SessionPhases phases;
    private final SessionBudget budget;
    private final AsyncWaiter waiter;
    /** Service stops and reboot replacements the caller allowed (docs/restore-procedures.md). */
    private final RestoreProcedures procedures;
    private BackupComponents bc;
    private WriterStatusCheck statusCheck;
    private State state = State.STARTING;
    /** PreRestore succeeded and PostRestore was not sent yet. */
    private boolean preRestored;
    /** The PreRestore IVssAsync failed (not by a timeout) and PostRestore was not tried yet. */
    private boolean preRestoreFailed;
    /** complete() runs: the caller has ended the copy, so an item it did not report was not written. */
    private boolean copyEnded;
    private List<GatheredWriter> writers = List.of();
    /** The writer instances of the stored Writer Metadata Documents, by instance id. */
    private final Map<UUID, BackedUpInstance> backedUp = new LinkedHashMap<>();
    private final List<UnmatchedComponent> unmatched = new ArrayList<>();
    /** Components of the document not selected (not backed up successfully, not selectable for restore). */
    private final List<RestoreOutcome> notSelected = new ArrayList<>();
    /** The partial files the document records for each selected component ({@code GetPartialFile}). */
    private final Map<ComponentRef, List<PartialFile>> partialFiles = new LinkedHashMap<>();
    private final List<Selected> selected = new ArrayList<>();
    /** Components left out after PreRestore (their writer failed it), with the failure. */
    private final Map<ComponentRef, WriterFailure> failedAtPreRestore = new LinkedHashMap<>();
    private final List<WriterFailure> writerFailures = new ArrayList<>();
    private List<RestoreItem> items = List.of();
    /** Item to null (restored) or the failure; absent: not reported. By identity: two items may be equal records. */
    private final Map<RestoreItem, String> reports = new IdentityHashMap<>();
    /** The items reported {@link #notWritten}: failed with nothing of them on disk. */
    private final Set<RestoreItem> notWritten = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private RestoreSession(RestoreSessionBuilder config) {
        this.config = config;
        this.events = new SessionEvents(config.listener);
        // A restore has no caller's stop: each phase runs once PreRestore decides the sequence must finish.
        this.phases = new SessionPhases(events, config.clock, () -> false);
        this.budget = new SessionBudget(config.clock, config.overallTimeout);
        this.waiter = new AsyncWaiter(config.clock, budget, events, config.pollInterval, config.cancelGrace);
        this.procedures = new RestoreProcedures(config.allowedProcedures());
    }

    /** A builder for a restore session. */
    public static RestoreSessionBuilder builder() {
        return new RestoreSessionBuilder();
    }

    static RestoreSession start(RestoreSessionBuilder config) {
        RestoreSession s = new RestoreSession(config);
        s.budget.resume();
        try {
            s.run();
            s.state = State.OPEN;
            return s;
        } catch (RuntimeException | Error e) {
            s.failAndRelease(e);
            throw e;
        } finally {
            s.budget.pause();
        }
    }

    // ---- what the caller uses -------------------------------------------------------------------------------------

    /**
     * Every file set of every component selected for restore, with what to do with it, as decided after PreRestore
     * (the writer's restore target and failure message included). A component whose writer failed PreRestore has no
     * items: nothing of it is restored.
     */
    public List<RestoreItem> items() {
        return items;
    }

    /** The backed-up components no running writer matched. */
    public List<UnmatchedComponent> unmatched() {
        return List.copyOf(unmatched);
    }

    /**
     * The components selected for restore ({@code SetSelectedForRestore}): those with {@link #items()}, then those
     * left out at PreRestore because their writer failed it (no items; their outcome says why).
     */
    public List<ComponentRef> selectedComponents() {
        List<ComponentRef> out = new ArrayList<>(selected.stream().map(Selected::ref).toList());
        out.addAll(failedAtPreRestore.keySet());
        return List.copyOf(out);
    }

    /**
     * The partial files of a selected component ({@code IVssComponent::GetPartialFile}): files of which the backup
     * holds only byte ranges. The caller writes those ranges into the file of the item that holds it; when the
     * ranges are in a ranges file (the writer's {@code ranges} names a file) and that file is restored elsewhere, it
     * reports where with {@link #rangesFileRestoredTo}. Empty for a component without partial files.
     */
    public List<PartialFile> partialFiles(ComponentRef component) {
        return partialFiles.getOrDefault(component, List.of());
    }

    /**
     * Tells the writer where the ranges file of partial file {@code partialFileIndex} (the index in
     * {@link #partialFiles}) of {@code component} was restored ({@code IVssBackupComponents::SetRangesFilePath},
     * before PostRestore; Microsoft docs, "IVssBackupComponents::SetRangesFilePath").
     *
     * @throws IllegalArgumentException if the component is not selected, was left out at PreRestore, or has no such
     *                                  partial file
     * @throws BackupException          if VSS refuses it (phase {@link BackupPhase#SET_RANGES_FILE_PATH})
     */
    public void rangesFileRestoredTo(ComponentRef component, int partialFileIndex, String path) {
        requireOpen();
        if (failedAtPreRestore.containsKey(component)) {
            throw new IllegalArgumentException("E_INVALIDARG: " + component + " is not restored: its writer failed "
                    + "PreRestore (" + failedAtPreRestore.get(component) + "); restore nothing of it");
        }
        Selected c = selected.stream().filter(s -> s.ref().equals(component)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("VSS_E_OBJECT_NOT_FOUND: " + component + " is not selected for restore"));
        int count = partialFiles(component).size();
        if (partialFileIndex < 0 || partialFileIndex >= count) {
            throw new IllegalArgumentException("E_INVALIDARG: " + component + " has " + count + " partial file(s); no "
                    + "index " + partialFileIndex);
        }
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("E_INVALIDARG: the restored ranges file needs its path");
        }
        try {
            bc.setRangesFilePath(c.ref().writer().writerId(), c.ref().type(), c.ref().logicalPathOrNull(),
                    c.ref().name(), partialFileIndex, path);
        } catch (org.vss4j.VssException e) {
            // A call between the phases, as restored() is: no phase events, the failure named by its own phase.
            throw SessionPhases.asBackupException(BackupPhase.SET_RANGES_FILE_PATH, e);
        }
    }

    /** {@link #rangesFileRestoredTo(ComponentRef, int, String)} for the component of {@code item}. */
    public void rangesFileRestoredTo(RestoreItem item, int partialFileIndex, String path) {
        rangesFileRestoredTo(item.component(), partialFileIndex, path);
    }

    /**
     * Reports every file of {@code item} written to its target.
     *
     * @throws IllegalStateException    if the item was already reported, or the session is not open
     * @throws IllegalArgumentException if it is no item of this session, or not one {@link RestoreItem#toCopy() to copy}
     */
    public void restored(RestoreItem item) {
        report(item, null, false);
    }

    /**
     * Reports a file of {@code item} ({@link RestoreItem.Action#STAGE_FOR_REBOOT}, or
     * {@link RestoreItem.Action#REPLACE_OR_STAGE_FOR_REBOOT} for a file that could not be replaced) written to
     * {@link RestoreItem#stagingPath(String) its staging path}: {@link #complete()} schedules the replacement of
     * {@code targetFile} at the next reboot. Report the item {@link #restored} as well once all its files are written.
     */
    public void staged(RestoreItem item, String targetFile) {
        requireOpen();
        requireItem(item);
        procedures.staged(item, java.util.Objects.requireNonNull(targetFile, "targetFile"));
    }

    /**
     * Reports that {@code item} could not be written wholly: some of its files may be on disk, so its component is
     * not restored and gets {@code VSS_RS_FAILED} (Microsoft docs, "VSS_FILE_RESTORE_STATUS": restored files were
     * left on disk, the component is now corrupt). Use {@link #notWritten} when nothing of it was written.
     *
     * @throws IllegalStateException    if the item was already reported, or the session is not open
     * @throws IllegalArgumentException if it is no item of this session, or not one {@link RestoreItem#toCopy() to copy}
     */
    public void failed(RestoreItem item, String cause) {
        report(item, cause == null ? "failed" : cause, false);
    }

    /**
     * Reports that no file of {@code item} was written (the copy failed before its first file reached the disk, or
     * the caller chose not to copy it): its component is not restored. If no other item of the component left files
     * on disk, the component gets {@code VSS_RS_NONE} (Microsoft docs, "VSS_FILE_RESTORE_STATUS": no restored files
     * left on disk), else {@code VSS_RS_FAILED}.
     *
     * @throws IllegalStateException    if the item was already reported, or the session is not open
     * @throws IllegalArgumentException if it is no item of this session, or not one {@link RestoreItem#toCopy() to copy}
     */
    public void notWritten(RestoreItem item, String cause) {
        report(item, cause == null ? "not written" : cause, true);
    }

    private void report(RestoreItem item, String failure, boolean nothingWritten) {
        requireOpen();
        requireItem(item);
        if (!item.toCopy()) {
            throw new IllegalArgumentException("not an item to copy (" + item.reason() + "): " + item);
        }
        if (reports.containsKey(item)) {
            String was = reports.get(item) == null ? "restored" : (notWritten.contains(item) ? "not written: "
                    : "failed: ") + reports.get(item);
            throw new IllegalStateException("item already reported (" + was + "); report each item once: " + item);
        }
        reports.put(item, failure);
        if (nothingWritten) {
            notWritten.add(item);
        }
    }

    private void requireOpen() {
        SessionPhases.requireOpen(state == State.OPEN, "restore session", state);
    }

    private void requireItem(RestoreItem item) {
        if (items.stream().noneMatch(i -> i == item)) {
            throw new IllegalArgumentException("not an item of this restore session: " + item);
        }
    }

    /**
     * Ends the restore: {@code SetFileRestoreStatus} per component from what was reported ({@code VSS_RS_ALL} every
     * item restored; {@code VSS_RS_NONE} nothing written: no item reported restored or {@link #failed}, those not
     * reported and those reported {@link #notWritten} counting as not written; {@code VSS_RS_FAILED} otherwise;
     * Microsoft docs, "VSS_FILE_RESTORE_STATUS"; {@code VSS_RS_NONE} for a component left out at PreRestore),
     * {@code PostRestore}, the final writer status, the components as the writers left them at PostRestore (their
     * PostRestore failure messages).
     *
     * @throws BackupException if a step fails (a writer failing PostRestore: phase {@code POST_RESTORE}); PostRestore
     *                         has then still been called where VSS accepts it, and the requester is released
     */
    public RestoreResult complete() {
        requireOpen();
        copyEnded = true;
        budget.resume();
        try {
            Map<ComponentRef, FileRestoreStatus> statuses = new LinkedHashMap<>();
            phases.run(BackupPhase.SET_FILE_RESTORE_STATUS, () -> {
                procedures.beforeFileRestoreStatus(reports);
                selected.forEach(c -> statuses.put(c.ref(), setStatus(c.ref(), statusOf(c))));
                // Left out at PreRestore: nothing of it was copied ("VSS_FILE_RESTORE_STATUS": VSS_RS_NONE, no
                // restored files on disk), which its writer reads at PostRestore instead of VSS_RS_UNDEFINED.
                failedAtPreRestore.keySet().forEach(ref -> setStatus(ref, FileRestoreStatus.NONE));
            });
            phases.run(BackupPhase.POST_RESTORE, () -> {
                preRestored = false;
                awaitBlaming(BackupPhase.POST_RESTORE, bc.postRestore());
                // VSS_RME_RESTORE_STOP_START: after PostRestore, the service is stopped and started.
                procedures.afterPostRestore(reports, restartedAfterCopy());
            });
            List<WriterFailure> after = new ArrayList<>();
            Map<ComponentRef, String> failedAtPostRestore = new LinkedHashMap<>();
            String document = phases.run(BackupPhase.FINAL_RESTORE_STATUS, () -> {
                after.addAll(concerning(statusCheck.failuresAfter(BackupPhase.POST_RESTORE,
                        BackupPhase.FINAL_RESTORE_STATUS)));
                // What the writers recorded in OnPostRestore (a PostRestore failure message), read as after PreRestore.
                failedAtPostRestore.putAll(postRestoreFailureMessages());
                return bc.saveAsXml();
            });
            writerFailures.addAll(after);
            List<RestoreOutcome> outcomes = new ArrayList<>();
            failedAtPreRestore.forEach((ref, f) -> outcomes.add(new RestoreOutcome(ref, FileRestoreStatus.NONE, false,
                    "not restored: its writer failed PreRestore: " + f, f)));
            for (Selected c : selected) {
                outcomes.add(withReboot(c, outcomeOf(c, statuses.get(c.ref()), failureOf(c, after),
                        failedAtPostRestore.get(c.ref()))));
            }
            outcomes.addAll(notSelected);
            release();
            return new RestoreResult(document, outcomes, unmatched, writerFailures);
        } catch (RuntimeException | Error e) {
            failAndRelease(e);
            throw e;
        } finally {
            budget.pause();
        }
    }

    /**
     * Without {@link #complete()}: reports each selected component's status (an item not reported may have been
     * written in part, see the class comment) and calls PostRestore; releases.
     */
    @Override
    public void close() {
        if (state == State.OPEN) {
            LOG.info("restore session closed before complete(): reporting the file restore statuses and calling "
                    + "PostRestore");
            failAndRelease(null);
        } else if (state != State.CLOSED) {
            release();
        }
    }

    // ---- the sequence ---------------------------------------------------------------------------------------------

    private void run() {
        phases.run(BackupPhase.INITIALIZE_FOR_RESTORE, () -> {
            bc = BackupComponents.create();
            bc.initializeForRestore(config.document);
        });
        statusCheck = new WriterStatusCheck(bc, waiter, config.phaseTimeout, events);
        phases.run(BackupPhase.SET_RESTORE_STATE, () -> bc.setRestoreState(config.type));
        writers = phases.run(BackupPhase.GATHER_WRITER_METADATA, this::gatherWriters);
        phases.run(BackupPhase.SELECT_FOR_RESTORE, this::select);
        phases.run(BackupPhase.SET_RESTORE_OPTIONS, this::setOptions);
        phases.run(BackupPhase.PRE_RESTORE, () -> {
            org.vss4j.VssAsync preRestore = bc.preRestore();
            try {
                awaitBlaming(BackupPhase.PRE_RESTORE, preRestore);
            } catch (BackupException e) {
                // The writers got OnPreRestore and one failed it: the others may have closed their files
                // ("Overview of Preparing for Restore"), so the failure handling still tries PostRestore. A timed out
                // PreRestore was cancelled: VSS ends it, nothing is tried.
                preRestoreFailed = !e.isTimeout() && !(e.getCause() instanceof org.vss4j.AsyncIncompleteException);
                throw e;
            }
            preRestored = true;
            // A writer may fail its PreRestore while the operation as a whole succeeds: its components are left out.
            List<WriterFailure> failures = concerning(statusCheck.failuresAfter(BackupPhase.PRE_RESTORE));
            writerFailures.addAll(failures);
            for (WriterFailure f : failures) {
                selected.removeIf(c -> {
                    boolean his = c.writer().ref().instanceId().equals(f.writer().instanceId());
                    if (his) {
                        failedAtPreRestore.put(c.ref(), f);
                    }
                    return his;
                });
            }
            // What the writers decided in OnPreRestore (restore target, failure message) decides the items.
            rereadComponents();
            // VSS_RME_RESTORE_IF_NOT_THERE: a file of the component on disk keeps all of it from being restored.
            selected.replaceAll(c -> c.withItems(RestorePlan.asAUnit(PresentFiles.ifNotThere(c.items()))));
            try {
                stopServicesBeforeCopy();
            } catch (RuntimeException e) {
                // A failure of the service control manager that is no ProcedureException (a defect, a JNA error).
                throw SessionPhases.asBackupException(BackupPhase.PRE_RESTORE, e);
            }
        });
        items = selected.stream().flatMap(c -> c.items().stream()).toList();
        LOG.info("restore session: {} item(s) of {} component(s); {} unmatched", items.size(), selected.size(),
                unmatched.size());
    }

    private List<GatheredWriter> gatherWriters() {
        waiter.await(bc.gatherWriterMetadata(), BackupPhase.GATHER_WRITER_METADATA, config.phaseTimeout);
        List<GatheredWriter> out = new ArrayList<>();
        int count = bc.getWriterMetadataCount();
        for (int i = 0; i < count; i++) {
            try (WriterMetadataEntry e = bc.getWriterMetadata(i)) {
                WriterMetadata m = e.metadata().read();
                out.add(new GatheredWriter(new WriterRef(e.instanceId(), m.identity().writerId(),
                        m.identity().writerName()), m, null));
            }
        }
        return List.copyOf(out);
    }

    /** Matches every backed-up component of the document to a running writer and selects the chosen ones. */
    private void select() {
        readStoredDocuments();
        Set<RestoreSessionBuilder.Requested> asked = new java.util.LinkedHashSet<>(config.components);
        Set<RestoreSessionBuilder.Requested> found = new java.util.HashSet<>();
        int count = bc.getWriterComponentsCount();
        for (int i = 0; i < count; i++) {
            WriterComponentsSnapshot part;
            try (WriterComponents wc = bc.getWriterComponents(i)) {
                part = wc.read();
            }
            for (ComponentState c : part.components()) {
                GatheredWriter w = runningWriter(part.writerId(), part.instanceId());
                ComponentRef ref = new ComponentRef(w != null ? w.ref() : new WriterRef(part.instanceId(),
                        part.writerId(), null), c.type(), c.logicalPath(), c.name());
                RestoreSessionBuilder.Requested key = RestoreSessionBuilder.Requested.of(ref);
                boolean explicit = asked.contains(key);
                if (!asked.isEmpty() && !explicit) {
                    continue;
                }
                WriterComponentInfo info = w == null ? null : w.components().stream()
                        .filter(m -> m.type() == c.type() && fullPath(m.logicalPath(), m.name())
                                .equalsIgnoreCase(ref.fullPath()))
                        .findFirst().orElse(null);
                // Every component of the document was explicitly included in the backup, so one backed up
                // successfully can be selected for restore whatever its selectability for restore, which concerns
                // subcomponents only (Microsoft docs, "Working with Selectability For Restore and Subcomponents").
                // Not backed up successfully comes first: such a component was never to be restored, matched or not.
                String why = !c.backupSucceeded() ? "not backed up successfully"
                        : w == null ? noRunningWriter(part.writerId(), part.instanceId())
                        : info == null ? "the running writer " + w.ref() + " reports no such component" : null;
                if (why != null) {
                    if (explicit) {
                        String detail = "component " + ref + " cannot be restored: " + why;
                        throw w != null ? BackupException.ofWriter(BackupPhase.SELECT_FOR_RESTORE, w.ref(),
                                VssHresult.VSS_E_OBJECT_NOT_FOUND.code(), detail, null)
                                : BackupException.of(BackupPhase.SELECT_FOR_RESTORE,
                                        VssHresult.VSS_E_OBJECT_NOT_FOUND.code(), detail, null);
                    }
                    if (c.backupSucceeded()) {
                        unmatched.add(new UnmatchedComponent(ref, why));
                        LOG.warn("restore: {} not matched: {}", ref, why);
                    } else {
                        notSelected.add(RestoreOutcome.notSelected(ref, "not restored: " + why));
                    }
                    continue;
                }
                found.add(key);
                if (w.ref().instanceId().equals(part.instanceId())) {
                    bc.setSelectedForRestore(part.writerId(), c.type(), ref.logicalPathOrNull(), c.name(), true);
                } else {
                    // Another instance of the class runs now (Microsoft docs,
                    // "IVssBackupComponentsEx::SetSelectedForRestoreEx").
                    bc.setSelectedForRestoreEx(part.writerId(), c.type(), ref.logicalPathOrNull(), c.name(), true,
                            w.ref().instanceId());
                }
                Selected planned = plannedFrom(ref, w, part.instanceId(), info,
                        storedInstance(part.writerId(), part.instanceId()));
                selected.add(planned.withItems(RestorePlan.itemsOf(ref, planned.writer().metadata(), planned.info(),
                        procedures.allowed())));
                partialFiles.put(ref, c.partialFiles());
            }
        }
        for (RestoreSessionBuilder.Requested r : asked) {
            if (!found.contains(r)) {
                throw BackupException.of(BackupPhase.SELECT_FOR_RESTORE, VssHresult.VSS_E_OBJECT_NOT_FOUND.code(),
                        "component " + r.componentPath() + " of writer class " + r.writerClassId()
                                + " is not in the Backup Components Document", null);
            }
        }
    }

    /**
     * What the component is planned from: the stored Writer Metadata Document of the instance backed up, where the
     * caller gave it and it declares the component (Microsoft docs, "Overview of Preparing for Restore": "a requester
     * uses the stored Writer Metadata Documents in conjunction with its own retrieved Backup Components Document to
     * determine what is to be restored and how"; "VSS_RESTOREMETHOD_ENUM": the restore method is set at backup time),
     * under the running writer's identity; else the running writer. File sets that differ from the running writer's
     * are logged: the writer may no longer find its files where the backup took them.
     */
    private static Selected plannedFrom(ComponentRef ref, GatheredWriter running, UUID documentInstance,
            WriterComponentInfo info, BackedUpInstance stored) {
        WriterComponentInfo then = stored == null ? null : stored.metadata().components().stream()
                .filter(m -> m.type() == info.type() && fullPath(m.logicalPath(), m.name())
                        .equalsIgnoreCase(fullPath(info.logicalPath(), info.name())))
                .findFirst().orElse(null);
        if (then == null) {
            return new Selected(ref, running, documentInstance, info, List.of());
        }
        List<FileSet> now = RestorePlan.fileSetsOf(info);
        List<FileSet> before = RestorePlan.fileSetsOf(then);
        if (now.size() != before.size() || before.stream().anyMatch(f -> now.stream()
                .noneMatch(n -> FileSetKeys.same(n, f)))) {
            LOG.warn("restore: {} is planned from its stored Writer Metadata Document, whose file sets {} differ from "
                    + "the running writer's {}", ref, before.stream().map(FileSetKeys::describe).toList(),
                    now.stream().map(FileSetKeys::describe).toList());
        }
        return new Selected(ref, new GatheredWriter(running.ref(), stored.metadata(), null), documentInstance, then,
                List.of());
    }

    /**
     * The running writer of the class: the instance that was backed up if it runs, else the only instance of the
     * class; null if none, or several and none of them the one backed up.
     */
    private GatheredWriter runningWriter(UUID writerId, UUID instanceId) {
        List<GatheredWriter> ofClass = writers.stream().filter(w -> w.ref().writerId().equals(writerId)).toList();
        GatheredWriter same = ofClass.stream().filter(w -> w.ref().instanceId().equals(instanceId)).findFirst()
                .orElse(null);
        if (same != null) {
            return same;
        }
        BackedUpInstance stored = storedInstance(writerId, instanceId);
        if (stored != null) {
            // Class id and instance name: what stays when an instance restarts with a new instance id.
            List<GatheredWriter> named = ofClass.stream()
                    .filter(w -> stored.instanceName().equals(nameOf(w))).toList();
            return named.size() == 1 ? named.get(0) : null;
        }
        return ofClass.size() == 1 ? ofClass.get(0) : null;
    }

    /** Why no running writer takes a component backed up by instance {@code instanceId} of class {@code writerId}. */
    private String noRunningWriter(UUID writerId, UUID instanceId) {
        long running = writers.stream().filter(w -> w.ref().writerId().equals(writerId)).count();
        BackedUpInstance stored = storedInstance(writerId, instanceId);
        if (running == 0) {
            return "no running writer of class " + writerId;
        }
        if (stored != null) {
            return "no single running instance named '" + stored.instanceName() + "' of writer class " + writerId;
        }
        return running + " running instances of writer class " + writerId + ", none the one backed up (instance "
                + instanceId + "; its stored Writer Metadata Document would match it by instance name)";
    }

    private BackedUpInstance storedInstance(UUID writerId, UUID instanceId) {
        BackedUpInstance stored = backedUp.get(instanceId);
        return stored != null && stored.writerId().equals(writerId) ? stored : null;
    }

    private static String nameOf(GatheredWriter w) {
        return w.metadata().instanceName() == null ? "" : w.metadata().instanceName();
    }

    /** Reads the identity of every stored Writer Metadata Document ({@code CreateVssExamineWriterMetadata}). */
    private void readStoredDocuments() {
        for (String xml : config.writerMetadataDocuments) {
            try (ExamineWriterMetadata stored = ExamineWriterMetadata.fromXml(xml)) {
                WriterMetadata m = stored.read();
                backedUp.put(m.identity().instanceId(), new BackedUpInstance(m.identity().writerId(),
                        m.instanceName() == null ? "" : m.instanceName(), m));
            }
        }
    }

    private void setOptions() {
        requireSelected("additionalRestores", config.additionalRestores.keySet());
        requireSelected("subcomponent", config.subcomponents.keySet());
        requireSelected("newTarget", config.newTargets.keySet());
        requireSelected("authoritativeRestore/rollForward/restoreName", config.recovery.keySet());
        NewTargets targets = new NewTargets(config.newTargets, config.newTargetRoot);
        selected.replaceAll(c -> c.withItems(
                RestoreRequests.plan(c.ref(), c.writer(), c.info(), c.items(), config, targets, procedures.allowed())));
        for (Selected c : selected) {
            RestoreSessionBuilder.Requested key = keyOf(c);
            String options = config.restoreOptions.get(key);
            if (options != null) {
                bc.setRestoreOptions(c.ref().writer().writerId(), c.ref().type(), c.ref().logicalPathOrNull(),
                        c.ref().name(), options);
            }
            Boolean additional = config.additionalRestores.get(key);
            if (additional != null) {
                bc.setAdditionalRestores(c.ref().writer().writerId(), c.ref().type(), c.ref().logicalPathOrNull(),
                        c.ref().name(), additional);
            }
            RestoreSessionBuilder.RecoveryChoice recovery = config.recovery.get(key);
            if (recovery != null) {
                RestoreRecovery.apply(bc, c.ref(), c.writer().metadata().backupSchema(), recovery);
            }
            // Microsoft docs, "IVssBackupComponents::AddRestoreSubcomponent": after the set's root is selected.
            for (RestoreSessionBuilder.RestoreSubcomponentChoice sub : config.subcomponents.getOrDefault(key,
                    List.of())) {
                bc.addRestoreSubcomponent(c.ref().writer().writerId(), c.ref().type(), c.ref().logicalPathOrNull(),
                        c.ref().name(), sub.logicalPath(), sub.name(), sub.repair());
            }
            // Microsoft docs, "IVssBackupComponents::AddAlternativeLocationMapping": the requester records that a
            // file set is restored to an alternate location; "IVssBackupComponents::AddNewTarget": to a new one,
            // before PreRestore.
            for (RestoreItem item : c.items()) {
                if (item.action() == RestoreItem.Action.COPY_TO_NEW_TARGET) {
                    bc.addNewTarget(c.ref().writer().writerId(), c.ref().type(), c.ref().logicalPathOrNull(),
                            c.ref().name(), item.files().path(), item.files().filespec(), item.files().recursive(),
                            item.target());
                } else if (item.action() == RestoreItem.Action.COPY_TO_ALTERNATE_LOCATION) {
                    bc.addAlternativeLocationMapping(c.ref().writer().writerId(), c.ref().type(),
                            c.ref().logicalPathOrNull(), c.ref().name(), item.files().path(), item.files().filespec(),
                            item.files().recursive(), item.target());
                }
            }
        }
    }

    private static RestoreSessionBuilder.Requested keyOf(Selected c) {
        return RestoreSessionBuilder.Requested.of(c.ref());
    }

    /** A setting for a component not selected for restore fails with VSS_E_OBJECT_NOT_FOUND, as VSS would. */
    private void requireSelected(String setting, Set<RestoreSessionBuilder.Requested> keys) {
        for (RestoreSessionBuilder.Requested k : keys) {
            if (selected.stream().noneMatch(c -> keyOf(c).equals(k))) {
                throw BackupException.of(BackupPhase.SET_RESTORE_OPTIONS, VssHresult.VSS_E_OBJECT_NOT_FOUND.code(),
                        setting + "(...) names component " + k.componentPath() + " of writer class "
                                + k.writerClassId() + ", which is not selected for restore (selected: "
                                + selected.stream().map(c -> c.ref().fullPath()).toList()
                                + "); name a component the session restores", null);
            }
        }
    }

    // ---- service stops and reboot replacements (RestoreProcedures) ----------------------------------------------

    /** VSS_RME_STOP_RESTORE_START: the writer's service stopped after PreRestore; one that will not stop: not copied. */
    private void stopServicesBeforeCopy() {
        for (int i = 0; i < selected.size(); i++) {
            Selected c = selected.get(i);
            String failure = procedures.stopBeforeCopy(c.items(), serviceOf(c));
            if (failure != null) {
                selected.set(i, c.withItems(RestoreProcedures.notRestored(c.items(), failure)));
            }
        }
    }

    /**
     * GetWriterComponents after PreRestore: each selected component's items follow what its writer set in
     * OnPreRestore ({@link RestoreTargets}).
     */
    private void rereadComponents() {
        forEachSelectedState((st, k) -> {
            Selected c = selected.get(k);
            List<FileSet> mappings = c.writer().metadata().alternateLocationMappings();
            selected.set(k, c.withItems(RestoreTargets.apply(c.items(), st, mappings)));
        });
    }

    /**
     * GetWriterComponents after PostRestore: the selected components whose writer set a PostRestore failure message
     * (Microsoft docs, "IVssComponent::SetPostRestoreFailureMsg": an error occurred during PostRestore for the
     * component; "IVssComponent::GetPostRestoreFailureMsg"), with the message.
     */
    private Map<ComponentRef, String> postRestoreFailureMessages() {
        Map<ComponentRef, String> out = new LinkedHashMap<>();
        forEachSelectedState((st, k) -> {
            String msg = st.postRestoreFailureMsg();
            if (msg != null && !msg.isEmpty()) {
                out.put(selected.get(k).ref(), msg);
            }
        });
        return out;
    }

    /** Reads every writer's components ({@code GetWriterComponents}); calls {@code action} for each selected one. */
    private void forEachSelectedState(java.util.function.ObjIntConsumer<ComponentState> action) {
        int count = bc.getWriterComponentsCount();
        for (int i = 0; i < count; i++) {
            WriterComponentsSnapshot part;
            try (WriterComponents wc = bc.getWriterComponents(i)) {
                part = wc.read();
            }
            for (ComponentState st : part.components()) {
                for (int k = 0; k < selected.size(); k++) {
                    Selected c = selected.get(k);
                    if (c.listedIn(part) && c.ref().type() == st.type()
                            && c.ref().fullPath().equalsIgnoreCase(fullPath(st.logicalPath(), st.name()))) {
                        action.accept(st, k);
                    }
                }
            }
        }
    }

    /** VSS_RME_RESTORE_STOP_START: each service to stop and start after the copy, with its items. */
    private Map<String, List<RestoreItem>> restartedAfterCopy() {
        Map<String, List<RestoreItem>> out = new LinkedHashMap<>();
        for (Selected c : selected) {
            for (RestoreItem i : c.items()) {
                if (i.action() == RestoreItem.Action.REPLACE_THEN_RESTART_SERVICE) {
                    out.computeIfAbsent(serviceOf(c), k -> new ArrayList<>()).add(i);
                }
            }
        }
        return out;
    }

    private static String serviceOf(Selected c) {
        org.vss4j.WriterRestoreMethod rm = c.writer().metadata().restoreMethod();
        return rm == null ? null : rm.service();
    }

    // ---- statuses and outcomes ------------------------------------------------------------------------------------

    /**
     * The component's status from the reports ("VSS_FILE_RESTORE_STATUS"): {@code VSS_RS_ALL} if it has only items to
     * copy and each was reported restored; {@code VSS_RS_FAILED} if files of it are or may be on disk (an item
     * reported restored or {@link #failed}, or, while the caller may still be copying, not reported); else
     * {@code VSS_RS_NONE}.
     */
    private FileRestoreStatus statusOf(Selected c) {
        List<RestoreItem> toCopy = c.items().stream().filter(RestoreItem::toCopy).toList();
        if (!toCopy.isEmpty() && toCopy.size() == c.items().size()
                && toCopy.stream().allMatch(i -> reports.containsKey(i) && reports.get(i) == null)) {
            return FileRestoreStatus.ALL;
        }
        return toCopy.stream().anyMatch(this::mayBeOnDisk) ? FileRestoreStatus.FAILED : FileRestoreStatus.NONE;
    }

    /**
     * Whether files of {@code item} are or may be on disk: reported restored or failed (not {@link #notWritten}); not
     * reported while the caller had the items and had not ended the copy ({@link #close()} without {@code complete()}).
     */
    private boolean mayBeOnDisk(RestoreItem item) {
        if (reports.containsKey(item)) {
            return !notWritten.contains(item);
        }
        return state == State.OPEN && !copyEnded;
    }

    private FileRestoreStatus setStatus(ComponentRef ref, FileRestoreStatus status) {
        bc.setFileRestoreStatus(ref.writer().writerId(), ref.type(), ref.logicalPathOrNull(), ref.name(), status);
        return status;
    }

    /**
     * The failures that concern this restore: those of the writers with a component in it (selected, or left out at
     * PreRestore), each once. A writer keeps reporting its failed state in every later writer status: one that failed
     * Identify (it takes no part), and one that failed PreRestore non-fatally (VSS_WS_FAILED_AT_PRE_RESTORE after
     * PostRestore is the PreRestore failure already recorded, not a PostRestore one).
     */
    private List<WriterFailure> concerning(List<WriterFailure> failures) {
        return failures.stream().filter(f -> takesPart(f.writer()) && !alreadyReported(f)).toList();
    }

    private boolean takesPart(WriterRef writer) {
        return selected.stream().anyMatch(c -> c.writer().ref().instanceId().equals(writer.instanceId()))
                || failedAtPreRestore.values().stream()
                        .anyMatch(f -> f.writer().instanceId().equals(writer.instanceId()));
    }

    private boolean alreadyReported(WriterFailure f) {
        return writerFailures.stream().anyMatch(p -> p.writer().instanceId().equals(f.writer().instanceId())
                && p.state() == f.state());
    }

    /**
     * One selected component's outcome. Its files were all written ({@code VSS_RS_ALL}) and it is still not restored
     * when its writer set a PostRestore failure message for it ({@code postRestoreMsg}) or failed PostRestore
     * ({@code failure}, non-fatally: PostRestore itself succeeded): the writer could not recover what was written
     * (Microsoft docs, "Overview of Post-Restore Tasks"). The status stays the one sent.
     */
    private RestoreOutcome outcomeOf(Selected c, FileRestoreStatus status, WriterFailure failure,
            String postRestoreMsg) {
        String notCopied = c.items().stream().filter(i -> !i.toCopy()).map(RestoreItem::reason).findFirst()
                .orElse(null);
        String reason;
        if (notCopied != null) {
            reason = "not restored: " + notCopied;
        } else if (status != FileRestoreStatus.ALL) {
            reason = "not restored: " + c.items().stream().map(i -> reports.getOrDefault(i, NOT_REPORTED))
                    .filter(java.util.Objects::nonNull).findFirst().orElse("failed");
        } else if (postRestoreMsg != null) {
            reason = "not restored: its writer failed it at PostRestore: " + postRestoreMsg;
        } else if (failure != null) {
            reason = "not restored: its writer failed PostRestore: " + failure;
        } else {
            reason = null;
        }
        String serviceFailure = reason == null ? procedures.serviceFailure(serviceOf(c)) : null;
        if (serviceFailure != null) {
            return new RestoreOutcome(c.ref(), status, false, serviceFailure, failure);
        }
        String atReboot = reason == null ? procedures.rebootNote(c.items()) : null;
        return new RestoreOutcome(c.ref(), status, reason == null, atReboot != null ? atReboot : reason, failure);
    }

    /**
     * The outcome with whether a reboot must follow: files of the component were written (status ALL or FAILED) and
     * either its writer declared that a reboot is required after the restore ({@code bRebootRequired},
     * Microsoft docs, "IVssCreateWriterMetadata::SetRestoreMethod") or files were replaced at the next reboot.
     */
    private RestoreOutcome withReboot(Selected c, RestoreOutcome o) {
        org.vss4j.WriterRestoreMethod rm = c.writer().metadata().restoreMethod();
        boolean written = o.status() == FileRestoreStatus.ALL || o.status() == FileRestoreStatus.FAILED;
        boolean reboot = written && ((rm != null && rm.rebootRequired()) || procedures.rebootNote(c.items()) != null);
        return reboot ? o.withRebootRequired() : o;
    }

    private static WriterFailure failureOf(Selected c, List<WriterFailure> failures) {
        return failures.stream().filter(f -> f.writer().instanceId().equals(c.writer().ref().instanceId()))
                .findFirst().orElse(null);
    }

    // ---- failures -------------------------------------------------------------------------------------------------

    /**
     * Once PreRestore was sent (it succeeded, or its IVssAsync failed): each selected component's status
     * ({@link #statusOf}: VSS_RS_FAILED only where files are or may be on disk), VSS_RS_NONE for those left out at
     * PreRestore, PostRestore, each failure suppressed into {@code cause}; then the release. After a failed PreRestore
     * a VSS_E_BAD_STATE refusal is only logged: VSS may take neither call then (docs/restore-session.md).
     */
    private void failAndRelease(Throwable cause) {
        try {
            // A service the session stopped is always started again, before PostRestore.
            procedures.startStopped().forEach(e -> suppress(cause, e));
            boolean afterFailedPreRestore = preRestoreFailed && !preRestored;
            if ((preRestored || preRestoreFailed) && bc != null && !bc.isClosed()) {
                preRestored = false;
                preRestoreFailed = false;
                for (Selected c : selected) {
                    endingCall(cause, afterFailedPreRestore, () -> setStatus(c.ref(), statusOf(c)));
                }
                for (ComponentRef ref : failedAtPreRestore.keySet()) {
                    endingCall(cause, afterFailedPreRestore, () -> setStatus(ref, FileRestoreStatus.NONE));
                }
                endingCall(cause, afterFailedPreRestore,
                        () -> awaitBlaming(BackupPhase.POST_RESTORE, bc.postRestore()));
            }
            // Files of a VSS_RME_RESTORE_STOP_START component may have been copied: its service reads them after a
            // stop and start, PostRestore sent or not.
            try {
                procedures.afterPostRestore(reports, restartedAfterCopy());
            } catch (RuntimeException e) {
                suppress(cause, e);
            }
        } finally {
            release();
        }
    }

    /** One call of the failure handling; its failure suppressed into {@code cause}, a refusal after a failed PreRestore logged. */
    private static void endingCall(Throwable cause, boolean afterFailedPreRestore, Runnable call) {
        try {
            call.run();
        } catch (org.vss4j.VssException e) {
            if (afterFailedPreRestore && e.hresult() == VssHresult.VSS_E_BAD_STATE.code()) {
                LOG.info("after the failed PreRestore VSS refuses the call: {}", e.getMessage());
            } else {
                suppress(cause, e);
            }
        } catch (RuntimeException e) {
            suppress(cause, e);
        }
    }

    private static void suppress(Throwable cause, RuntimeException e) {
        if (cause != null && cause != e) {
            cause.addSuppressed(e);
        } else {
            LOG.warn("while ending a failed restore: {}", e.getMessage());
        }
    }

    /**
     * Waits for an asynchronous step; if it failed, the writer to blame is looked up in the writer status
     * ({@link WriterStatusCheck#blamed}), among the writers {@link #concerning concerned}.
     */
    private void awaitBlaming(BackupPhase phase, org.vss4j.VssAsync op) {
        try {
            waiter.await(op, phase, config.phaseTimeout);
        } catch (BackupException e) {
            throw statusCheck.blamed(phase, e, this::concerning);
        }
    }

    private void release() {
        if (bc != null) {
            bc.close();
        }
        state = State.CLOSED;
    }

    static String fullPath(String logicalPath, String name) {
        return logicalPath == null || logicalPath.isEmpty() ? name : logicalPath + "\\" + name;
    }
}
