package org.vss4j.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.RestoreMethod;
import org.vss4j.WriterRestoreMethod;
import org.vss4j.diagnostics.ServiceState;
import org.vss4j.procedures.ProcedureException;
import org.vss4j.procedures.RebootReplace;
import org.vss4j.procedures.ServiceControl;

/**
 * The service stops and reboot replacements of a {@link RestoreSession}, for the restore methods that need them
 * (Microsoft docs, "VSS_RESTOREMETHOD_ENUM", "Stopping Services for Restore by Requesters"), when the caller allows
 * them ({@link RestoreSessionBuilder#stopServices}, {@link RestoreSessionBuilder#restoreAtReboot}).
 * docs/restore-procedures.md describes the order of the steps.
 */
final class RestoreProcedures {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreProcedures.class);

    static final String HOW_TO_STOP_SERVICES = "; allow the session to stop and start it with "
            + "RestoreSessionBuilder.stopServices(true) (needs administrator rights)";
    static final String HOW_TO_RESTORE_AT_REBOOT = "; allow replacing the files at the next reboot with "
            + "RestoreSessionBuilder.restoreAtReboot(true) (needs administrator rights)";
    static final String AT_REBOOT = "restored at next reboot";

    /** What the caller allows, and the platform pieces doing it. */
    record Allowed(ServiceControl services, Duration serviceTimeout, RebootReplace reboot) {
        static final Allowed NONE = new Allowed(null, Duration.ZERO, null);
    }

    private final Allowed allowed;
    /** Services the session stopped for VSS_RME_STOP_RESTORE_START and has not started again. */
    private final Set<String> stopped = new LinkedHashSet<>();
    /** The stop of each service for VSS_RME_STOP_RESTORE_START: null done (or not needed), else the failure. */
    private final Map<String, String> stops = new LinkedHashMap<>();
    /** A service's failure to start again or to be restarted, by lower-case name. */
    private final Map<String, String> serviceFailures = new LinkedHashMap<>();
    /** A file staged for the next reboot, in the order the caller reported them. */
    private record Staged(RestoreItem item, String target) {
    }

    private final List<Staged> staged = new ArrayList<>();
    /** Files scheduled per item (by identity: records may be equal). */
    private final Map<RestoreItem, Integer> scheduled = new IdentityHashMap<>();

    /** Whether {@link #afterPostRestore} ran. */
    private boolean restartedAfterPostRestore;

    RestoreProcedures(Allowed allowed) {
        this.allowed = allowed;
    }

    Allowed allowed() {
        return allowed;
    }

    /** The action of a restore method that needs a procedure the caller allows; null otherwise. */
    static RestoreItem.Action actionOf(RestoreMethod method, WriterRestoreMethod rm, Allowed allowed) {
        boolean service = allowed.services() != null && rm != null && rm.service() != null && !rm.service().isEmpty();
        boolean reboot = allowed.reboot() != null;
        return switch (method) {
            case STOP_RESTORE_START -> service ? RestoreItem.Action.REPLACE_WITH_SERVICE_STOPPED : null;
            case RESTORE_STOP_START -> service ? RestoreItem.Action.REPLACE_THEN_RESTART_SERVICE : null;
            case RESTORE_AT_REBOOT -> reboot ? RestoreItem.Action.STAGE_FOR_REBOOT : null;
            case RESTORE_AT_REBOOT_IF_CANNOT_REPLACE -> reboot ? RestoreItem.Action.REPLACE_OR_STAGE_FOR_REBOOT : null;
            default -> null;
        };
    }

    /**
     * After PreRestore (VSS_RME_STOP_RESTORE_START: "Send the PreRestore event and wait for all writers to process
     * it. Stop the service.", Microsoft docs, "VSS_RESTOREMETHOD_ENUM"): stops {@code service} unless it is stopped.
     *
     * @return null if the items can be copied, else why the service could not be stopped
     */
    String stopBeforeCopy(List<RestoreItem> items, String service) {
        if (items.stream().noneMatch(i -> i.action() == RestoreItem.Action.REPLACE_WITH_SERVICE_STOPPED)) {
            return null;
        }
        String key = service.toLowerCase(Locale.ROOT);
        if (stops.containsKey(key)) {
            return stops.get(key);
        }
        String failure = null;
        try {
            ServiceState before = allowed.services().state(service);
            if (before == ServiceState.STOPPED) {
                stopped.remove(service);
            } else {
                // Paused, starting or stopping, a service still has its process and its files open: it is stopped
                // (a stopping one waited for). The session starts again what it stopped, not what was stopping.
                if (before != ServiceState.STOP_PENDING) {
                    stopped.add(service);
                }
                allowed.services().stop(service, allowed.serviceTimeout());
                LOG.info("restore: service {} stopped (was {})", service, before.nativeName());
            }
        } catch (ProcedureException e) {
            failure = "needs service stop (" + service + "), which failed: " + e.getMessage();
            if (e.error() != 0) {
                // The stop was refused: the service still runs, nothing to start again.
                stopped.remove(service);
            }
        }
        stops.put(key, failure);
        return failure;
    }

    /** The items of a component whose service could not be stopped: none is copied. */
    static List<RestoreItem> notRestored(List<RestoreItem> items, String reason) {
        return items.stream().map(i -> i.notRestored(reason)).toList();
    }

    /** Records a file of {@code item} written to its staging path, to replace {@code targetFile} at reboot. */
    void staged(RestoreItem item, String targetFile) {
        if (item.action() != RestoreItem.Action.STAGE_FOR_REBOOT
                && item.action() != RestoreItem.Action.REPLACE_OR_STAGE_FOR_REBOOT) {
            throw new IllegalArgumentException("not an item restored at reboot (action " + item.action() + "): "
                    + item);
        }
        String dir = item.target().endsWith("\\") ? item.target() : item.target() + "\\";
        if (!targetFile.toLowerCase(Locale.ROOT).startsWith(dir.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(targetFile + " is not under the item's target " + item.target());
        }
        staged.add(new Staged(item, targetFile));
    }

    /**
     * The steps of {@code complete()} before SetFileRestoreStatus: the delayed replacements of the staged files of
     * items reported restored (a failure makes the item failed in {@code reports}), then each service stopped for
     * VSS_RME_STOP_RESTORE_START started again ("Restore the files... Restart the service. Send the PostRestore
     * event", Microsoft docs, "VSS_RESTOREMETHOD_ENUM").
     */
    void beforeFileRestoreStatus(Map<RestoreItem, String> reports) {
        for (Staged f : staged) {
            RestoreItem item = f.item();
            if (!reports.containsKey(item) || reports.get(item) != null) {
                continue; // not reported restored, or failed (also by an earlier file's scheduling)
            }
            try {
                allowed.reboot().schedule(item.stagingPath(f.target()), f.target());
                scheduled.merge(item, 1, Integer::sum);
            } catch (ProcedureException e) {
                reports.put(item, "the replacement at the next reboot failed: " + e.getMessage());
            }
        }
        startStopped();
    }

    /**
     * The step after PostRestore (in {@code complete()}, and after the PostRestore of a failed restore): each service
     * of VSS_RME_RESTORE_STOP_START whose components' files were copied, and that is not stopped (or stopping),
     * stopped and started so that it reads them; a stopped one is left stopped. Microsoft docs,
     * "VSS_RESTOREMETHOD_ENUM", VSS_RME_RESTORE_STOP_START: "Restore the files. Send the PostRestore event and wait for
     * all writers to process it. Stop the service. Restart the service." Done once.
     */
    void afterPostRestore(Map<RestoreItem, String> reports, Map<String, List<RestoreItem>> restartAfterCopy) {
        if (restartedAfterPostRestore) {
            return;
        }
        restartedAfterPostRestore = true;
        restartAfterCopy.forEach((service, items) -> {
            if (items.stream().noneMatch(reports::containsKey)) {
                return;
            }
            try {
                ServiceState before = allowed.services().state(service);
                if (before == ServiceState.STOPPED || before == ServiceState.STOP_PENDING) {
                    // Not running: it reads the files when it is started; the session does not start it.
                    LOG.info("restore: service {} is {}: left as it is", service, before.nativeName());
                    return;
                }
                allowed.services().stop(service, allowed.serviceTimeout());
                allowed.services().start(service, allowed.serviceTimeout());
            } catch (ProcedureException e) {
                serviceFailures.put(service.toLowerCase(Locale.ROOT), "files restored, but service " + service
                        + " could not be stopped and started to read them: " + e.getMessage());
            }
        });
    }

    /**
     * Starts every service the session stopped and did not start yet (also after a failure or a close without
     * complete: a stopped service is always started again).
     *
     * @return the failures, each naming the service and the call
     */
    List<RuntimeException> startStopped() {
        List<RuntimeException> failures = new ArrayList<>();
        for (String service : List.copyOf(stopped)) {
            stopped.remove(service);
            try {
                if (allowed.services().state(service) == ServiceState.RUNNING) {
                    // Its stop was abandoned: it runs again, and starting it would fail (ERROR_SERVICE_ALREADY_RUNNING).
                    LOG.info("restore: service {} runs already", service);
                    continue;
                }
                allowed.services().start(service, allowed.serviceTimeout());
                LOG.info("restore: service {} started again", service);
            } catch (ProcedureException e) {
                serviceFailures.put(service.toLowerCase(Locale.ROOT), "files restored, but service " + service
                        + " could not be started again: " + e.getMessage());
                failures.add(e);
            }
        }
        return failures;
    }

    /** A failure of the component's service after its files were written; null if none. */
    String serviceFailure(String service) {
        return service == null ? null : serviceFailures.get(service.toLowerCase(Locale.ROOT));
    }

    /** "restored at next reboot: N file(s)..." for a component whose items had files scheduled; null otherwise. */
    String rebootNote(List<RestoreItem> items) {
        int files = items.stream().mapToInt(i -> scheduled.getOrDefault(i, 0)).sum();
        return files == 0 ? null : AT_REBOOT + ": " + files + " file(s) replaced then (MoveFileExW "
                + "MOVEFILE_DELAY_UNTIL_REBOOT); the writer reads them after the reboot";
    }
}
