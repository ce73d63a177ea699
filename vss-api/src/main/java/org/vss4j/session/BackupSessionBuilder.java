package org.vss4j.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.SnapshotContext;

/**
 * Describes a backup session; {@link #start()} runs it up to the file list. See {@link BackupSession}.
 */
public final class BackupSessionBuilder {

    final List<String> volumes = new ArrayList<>();
    final List<String> directories = new ArrayList<>();
    final List<ComponentSelection> components = new ArrayList<>();
    final List<UUID> enabledWriterClasses = new ArrayList<>();
    final List<UUID> disabledWriterClasses = new ArrayList<>();
    final List<UUID> disabledWriterInstances = new ArrayList<>();
    BackupType type = BackupType.FULL;
    PreviousBackup previous;
    boolean bootableSystemState;
    boolean componentMode = true;
    /** Component mode choosing every component on the set's volumes ({@link #allComponentsOnSetVolumes()}). */
    boolean allOnSetVolumes;
    boolean partialFileSupport;
    boolean backupPrivilege = true;
    int context = SnapshotContext.BACKUP.value();
    UUID provider = BackupComponents.GUID_NULL;
    String storedDocument;
    Duration phaseTimeout = Duration.ofMinutes(10);
    Duration overallTimeout = Duration.ofHours(1);
    Duration pollInterval = Duration.ofMillis(200);
    Duration cancelGrace = Duration.ofSeconds(30);
    Duration firstBackoff = Duration.ofSeconds(1);
    Duration maxBackoff = Duration.ofSeconds(30);
    BackupListener listener = BackupListener.none();
    java.util.function.BooleanSupplier stopWhen = () -> false;
    SessionClock clock = SessionClock.system();
    VolumeResolver volumeResolver;
    /** Null: the machine-scope environment, read when the session plans its paths. */
    Map<String, String> environment;

    BackupSessionBuilder() {
    }

    /**
     * Whole volumes to back up (drive roots {@code D:\}, mount folders or volume GUID names): every file on them,
     * crash-consistent where no writer manages it. In component mode they come on top of the components' files.
     * {@link #start()} refuses, before any VSS call, a name that is no volume root ({@code D:\sub}, unless a volume
     * is mounted there).
     *
     * @throws NullPointerException     if a name is null
     * @throws IllegalArgumentException if a name holds a NUL or is a bare drive ({@code D:}, the current directory
     *                                  of drive D: give {@code D:\})
     */
    public BackupSessionBuilder volumes(String... volumeNames) {
        CallerVolumes.checkNames(volumeNames);
        volumes.addAll(Arrays.asList(volumeNames));
        return this;
    }

    /**
     * Directories to back up ({@code D:\\data}): each directory's volume joins the shadow copy set, and of the files
     * on it that no writer component claims only those under the directory (at any depth) are items, crash-consistent
     * where no writer manages them, as for {@link #volumes}. A volume root given here is its whole volume. A directory
     * that is not in the shadow copy (absent, a file, a link) is reported in {@link BackupSession#notTaken()}.
     *
     * @throws NullPointerException     if a name is null
     * @throws IllegalArgumentException if a name holds a NUL or is a bare drive ({@code D:})
     */
    public BackupSessionBuilder directories(String... directoryNames) {
        CallerVolumes.checkNames("directories", directoryNames);
        directories.addAll(Arrays.asList(directoryNames));
        return this;
    }

    /** Writer components to back up (component mode). */
    public BackupSessionBuilder components(ComponentSelection... selections) {
        components.addAll(Arrays.asList(selections));
        return this;
    }

    /**
     * Component mode with the components chosen by the session, as vshadow does by default: every top-level component
     * of every writer (selectable ones and nonselectable roots, each with its component set) whose files all lie
     * inside the sources: on a volume given with {@link #volumes}, or under a directory given with
     * {@link #directories} (a component whose files are all inside {@code D:\data} is added for the source
     * {@code D:\data}; one that spans {@code C:} is not added for {@code C:\docs}). A component whose files (its
     * component set's included) reach outside them is not added ("its files under C:\Windows are outside the
     * sources C:\docs"), nor is one that depends on a component left out, nor any component of a writer
     * whose nonselectable root is left out (a writer that takes part needs it: Microsoft docs, "Working with
     * Selectability for Backup"); {@link BackupSession#componentChoices()} says why for each. Every writer told
     * about the backup is thus told in component mode, so a full backup lets it truncate its logs. Goes with neither
     * {@link #components} nor {@link #volumeMode()}: to choose components, name them.
     */
    public BackupSessionBuilder allComponentsOnSetVolumes() {
        this.componentMode = true;
        this.allOnSetVolumes = true;
        return this;
    }

    /** {@code EnableWriterClasses}: only writers of these classes take part. */
    public BackupSessionBuilder includeWriterClasses(UUID... writerClassIds) {
        enabledWriterClasses.addAll(Arrays.asList(writerClassIds));
        return this;
    }

    /** {@code DisableWriterClasses}: writers of these classes do not take part. */
    public BackupSessionBuilder excludeWriterClasses(UUID... writerClassIds) {
        disabledWriterClasses.addAll(Arrays.asList(writerClassIds));
        return this;
    }

    /** {@code DisableWriterInstances}: these writer instances do not take part. */
    public BackupSessionBuilder excludeWriterInstances(UUID... writerInstanceIds) {
        disabledWriterInstances.addAll(Arrays.asList(writerInstanceIds));
        return this;
    }

    /** The backup type (default {@link BackupType#FULL}). */
    public BackupSessionBuilder type(BackupType backupType) {
        this.type = Objects.requireNonNull(backupType);
        return this;
    }

    /**
     * The backup an incremental or differential backup builds on; its stamps go to {@code SetPreviousBackupStamp}.
     */
    public BackupSessionBuilder previous(PreviousBackup previousBackup) {
        this.previous = previousBackup;
        return this;
    }

    /** As {@link #previous(PreviousBackup)} with a stored result. */
    public BackupSessionBuilder previous(BackupResult previousResult) {
        return previous(previousResult.asPrevious());
    }

    /** Whether the backup includes a bootable system state (default false). */
    public BackupSessionBuilder bootableSystemState(boolean bootable) {
        this.bootableSystemState = bootable;
        return this;
    }

    /** Component mode (the default): the session selects writer components ({@code bSelectComponents = true}). */
    public BackupSessionBuilder componentMode() {
        this.componentMode = true;
        return this;
    }

    /** Volume mode: whole volumes with the writers' cooperation, no components selected. */
    public BackupSessionBuilder volumeMode() {
        this.componentMode = false;
        this.allOnSetVolumes = false;
        return this;
    }

    /** Volume mode without writers ({@code VSS_CTX_FILE_SHARE_BACKUP}): a crash-consistent copy of the volumes. */
    public BackupSessionBuilder withoutWriters() {
        this.componentMode = false;
        this.allOnSetVolumes = false;
        this.context = SnapshotContext.FILE_SHARE_BACKUP.value();
        return this;
    }

    /** Whether the requester supports partial files (default false). */
    public BackupSessionBuilder partialFileSupport(boolean supported) {
        this.partialFileSupport = supported;
        return this;
    }

    /**
     * Whether the session enables SeBackupPrivilege in the process token (default true): from before it lists the
     * shadow copies' files until {@link BackupSession#close()}, which puts back the privilege's previous state. With
     * it enabled, a directory or file opened with {@code FILE_FLAG_BACKUP_SEMANTICS} (FindFirstFileW lists
     * directories that way; {@link BackupItemStreams} opens files that way) is read whatever its ACL says (Microsoft
     * docs, "Privilege Constants", "CreateFileW function"), so items read while the session is open are covered. A
     * token that does not hold the privilege (an unelevated process: ERROR_NOT_ALL_ASSIGNED) is no error: the
     * entries its ACLs deny then fail as denied, and the session logs it once. The token is the process's: while the
     * session is open every thread has the privilege. Where no Win32 file access exists (neither Windows nor the
     * simulator) nothing is enabled.
     *
     * @param enable false to leave the token as it is (the caller manages the privilege itself)
     * @return this builder
     */
    public BackupSessionBuilder backupPrivilege(boolean enable) {
        this.backupPrivilege = enable;
        return this;
    }

    /** The shadow copy context (default {@link SnapshotContext#BACKUP}). */
    public BackupSessionBuilder context(SnapshotContext snapshotContext) {
        this.context = snapshotContext.value();
        return this;
    }

    /** The shadow copy provider (default {@link BackupComponents#GUID_NULL}: the system chooses). */
    public BackupSessionBuilder provider(UUID providerId) {
        this.provider = Objects.requireNonNull(providerId);
        return this;
    }

    /** A stored Backup Components Document for {@code InitializeForBackup} (transportable shadow copies). */
    public BackupSessionBuilder initialDocument(String backupComponentsDocument) {
        this.storedDocument = backupComponentsDocument;
        return this;
    }

    /** How long one asynchronous step may take before it is cancelled (default 10 minutes). */
    public BackupSessionBuilder phaseTimeout(Duration timeout) {
        this.phaseTimeout = positive(timeout);
        return this;
    }

    /** How long the session's own VSS work may take in all, the caller's copying not counted (default 1 hour). */
    public BackupSessionBuilder overallTimeout(Duration timeout) {
        this.overallTimeout = positive(timeout);
        return this;
    }

    /** First and longest wait between retries of {@code VSS_E_SNAPSHOT_SET_IN_PROGRESS} (default 1 s and 30 s). */
    public BackupSessionBuilder retryBackoff(Duration first, Duration max) {
        this.firstBackoff = positive(first);
        this.maxBackoff = positive(max);
        return this;
    }

    /** The progress listener. */
    public BackupSessionBuilder listener(BackupListener backupListener) {
        this.listener = Objects.requireNonNull(backupListener);
        return this;
    }

    /**
     * A stop the caller may ask for from any thread (a signal, a user's cancel), heeded while {@link #start()} runs:
     * before each step, and within each asynchronous wait at every poll interval, where the pending operation is then
     * cancelled ({@code IVssAsync::Cancel}, with the cancel grace). The session then aborts and releases everything
     * ({@code AbortBackup}) and {@link #start()} throws a {@link BackupException} with {@code E_ABORT} naming the
     * phase. A wait before a retry is the clock's ({@link #clock}): a caller who stops should end its sleeps too.
     * Once the session is open it is the caller's: it stops by {@link BackupSession#close()}, and
     * {@link BackupSession#complete()} is never stopped halfway.
     */
    public BackupSessionBuilder stopWhen(java.util.function.BooleanSupplier requested) {
        this.stopWhen = Objects.requireNonNull(requested);
        return this;
    }

    /** The clock for timeouts and backoffs (tests). */
    public BackupSessionBuilder clock(SessionClock sessionClock) {
        this.clock = Objects.requireNonNull(sessionClock);
        return this;
    }

    /** How often an asynchronous wait checks the clock (default 200 ms). */
    public BackupSessionBuilder pollInterval(Duration interval) {
        this.pollInterval = positive(interval);
        return this;
    }

    /**
     * How long an operation the session gives up on (a timeout, an interrupt, a failing wait) may take to acknowledge
     * {@code IVssAsync::Cancel} before its handle is released anyway (default 30 s). It is counted in the overall
     * timeout: a wait gives up this long (at most half the overall timeout) before the overall timeout ends, and the
     * grace never runs past what is left of it. So a writer that ignores Cancel holds the session for the overall
     * timeout and no more than the time the {@code Cancel} call and the last {@code Wait} take beyond it (each
     * {@code Wait} is given at most what is left; Windows, not the session, decides how late it returns).
     */
    public BackupSessionBuilder cancelGrace(Duration grace) {
        this.cancelGrace = positive(grace);
        return this;
    }

    /** The volume resolver (default {@link VolumeResolver#forCurrentProvider()}). */
    public BackupSessionBuilder volumeResolver(VolumeResolver resolver) {
        this.volumeResolver = Objects.requireNonNull(resolver);
        return this;
    }

    /**
     * The environment for {@code %VARIABLE%} in writers' paths, replacing the default: the machine-scope environment
     * as the writers' services see it ({@code CreateEnvironmentBlock} with no user token; never this process's own
     * %TEMP% or %USERPROFILE%). A variable it does not define fails the path with its name (docs/volumes.md).
     */
    public BackupSessionBuilder environment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    /**
     * Runs the backup up to the file list: initialisation, writer metadata, component selection, the shadow copy set
     * and the files inside it.
     *
     * @throws IllegalArgumentException if the description is contradictory, or a volume given is no volume root
     *                                  or cannot be resolved ({@link UnresolvablePathException}); no VSS call is
     *                                  made then
     * @throws BackupException          if a VSS step fails (the session has then aborted and released everything)
     */
    public BackupSession start() {
        validate();
        // Resolved once, here: the session backs up exactly these roots.
        List<ResolvedPath> roots = volumes.isEmpty() ? List.of()
                : CallerVolumes.resolve(volumes, volumeResolver, environment);
        List<ResolvedPath> dirs = directories.isEmpty() ? List.of()
                : CallerVolumes.resolveDirectories(directories, volumeResolver, environment);
        return BackupSession.start(this, roots, dirs);
    }

    private void validate() {
        if (type == BackupType.UNDEFINED) {
            throw new IllegalArgumentException("choose a backup type");
        }
        if (!componentMode && !components.isEmpty()) {
            throw new IllegalArgumentException("components are selected in component mode only");
        }
        if (allOnSetVolumes && !components.isEmpty()) {
            throw new IllegalArgumentException("allComponentsOnSetVolumes chooses the components itself: it does not "
                    + "go with components(...)");
        }
        if (allOnSetVolumes && volumes.isEmpty() && directories.isEmpty()) {
            throw new IllegalArgumentException("allComponentsOnSetVolumes needs the volumes of the set: give volumes "
                    + "or directories");
        }
        if (components.isEmpty() && volumes.isEmpty() && directories.isEmpty()) {
            throw new IllegalArgumentException("nothing to back up: give volumes, directories or components");
        }
        if (previous != null && !previous.canPrecede(type)) {
            throw new IllegalArgumentException("a " + type.nativeName() + " backup cannot build on a "
                    + previous.type().nativeName() + " backup (Microsoft docs, \"VSS Backup State\")");
        }
        if (maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("the longest backoff is shorter than the first");
        }
    }

    private static Duration positive(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a duration must be positive: " + d);
        }
        return d;
    }
}
