package org.vss4j.sim.vss;

import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.sim.Exposure;
import org.vss4j.sim.ExposureLinks;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Snapshot;
import org.vss4j.sim.SnapshotStore;
import org.vss4j.sim.Volume;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.CoTaskMem;

/**
 * The snapshot-management methods of the simulated {@code IVssBackupComponents}: ExposeSnapshot, UnexposeSnapshot
 * (Ex2), BreakSnapshotSet, RevertToSnapshot, QueryRevertStatus and GetRootAndLogicalPrefixPaths (Ex4). They act on the
 * machine's shadow copies, whoever created them; the requester checks its own state (initialised, not restoring) before
 * calling. Arguments are read by their positions in the vsbackup.h declarations (index 0 is {@code this}).
 */
final class SnapshotManagement {

    /** A drive letter followed by a colon, as ExposeSnapshot's wszExpose takes it (Microsoft docs: "X:"). */
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:\\\\?");
    /** A share name: no path separators or wildcards. */
    private static final Pattern SHARE = Pattern.compile("[^\\\\/:*?\"<>|]+");

    private final SimulatedMachine machine;

    SnapshotManagement(SimulatedMachine machine) {
        this.machine = machine;
    }

    private SnapshotStore store() {
        return machine.snapshotStore();
    }

    private static int ok() {
        return VssHresult.S_OK.code();
    }

    private static int invalidArg() {
        return VssHresult.E_INVALIDARG.code();
    }

    private static int notFound() {
        return VssHresult.VSS_E_OBJECT_NOT_FOUND.code();
    }

    /**
     * {@code ExposeSnapshot(SnapshotId, wszPathFromRoot, lAttributes, wszExpose, *pwszExposed)} (Microsoft docs and
     * "Exposing and Surfacing Shadow Copied Volumes"): lAttributes is EXPOSED_LOCALLY or EXPOSED_REMOTELY; locally
     * the path from root must be NULL, wszExpose a drive letter ("X:") or a mounted folder (an existing empty
     * directory), and only persistent shadow copies can be exposed locally; remotely wszExpose is the share name (VSS
     * picks one when NULL) and the path from root the shared part. {@code *pwszExposed} is NULL on failure, else a
     * CoTaskMem string the caller frees with CoTaskMemFree.
     */
    int expose(CallArgs a) {
        Pointer out = a.pointer(5);
        if (out == null) {
            return invalidArg();
        }
        out.setPointer(0, null);
        int attributes = a.int32(3);
        if (attributes != Exposure.EXPOSED_LOCALLY && attributes != Exposure.EXPOSED_REMOTELY) {
            return invalidArg();
        }
        Snapshot s = store().find(a.guidByValue(1));
        if (s == null) {
            return notFound();
        }
        if (s.exposure() != null) {
            // One exposure per shadow copy (VSS_SNAPSHOT_PROP has one m_pwszExposedName): unexpose first.
            return VssHresult.VSS_E_BAD_STATE.code();
        }
        Exposure e = attributes == Exposure.EXPOSED_LOCALLY
                ? localExposure(s, a.wideString(2), a.wideString(4))
                : remoteExposure(s, a.wideString(2), a.wideString(4));
        if (e == null) {
            return invalidArg();
        }
        store().expose(s.id(), e);
        // A folder the shadow copy is mounted at is a mount point of the volume it is in.
        machine.refreshMountPoints();
        out.setPointer(0, CoTaskMem.string(e.name(), "exposed name from " + IVssBackupComponents.ExposeSnapshot
                .qualifiedName() + " for snapshot " + s.id()));
        return ok();
    }

    /**
     * A drive letter or mounted folder for {@code s}, or null when the arguments are not valid for a local exposure.
     * Microsoft documents no dedicated code for exposing a non-persistent shadow copy locally; the simulator treats
     * the EXPOSED_LOCALLY attribute as an invalid parameter value for it (E_INVALIDARG).
     */
    private Exposure localExposure(Snapshot s, String pathFromRoot, String expose) {
        // Microsoft docs, "IVssBackupComponents::ExposeSnapshot": wszExpose may be NULL only with
        // VSS_VOLSNAP_ATTR_EXPOSED_REMOTELY (VSS then picks the share name); a local exposure names its drive letter
        // or folder, so a NULL one is an invalid parameter value (E_INVALIDARG).
        if (expose == null) {
            return null;
        }
        if (pathFromRoot != null || !s.isPersistent()) {
            return null;
        }
        if (DRIVE.matcher(expose).matches()) {
            String drive = expose.substring(0, 2).toUpperCase(Locale.ROOT);
            return machine.isDriveLetterInUse(drive) ? null
                    : new Exposure(drive, null, true, machine.driveLink(drive), false);
        }
        // A mounted folder ("Y:\\MountX") is a Windows path to an empty directory of one of the machine's volumes
        // (not of a shadow copy, which is read-only); a host path such as /tmp/x names no folder on Windows.
        Volume on = machine.mountedPath(expose).map(SimulatedMachine.MountedPath::volume).orElse(null);
        Path folder = machine.hostPath(expose).orElse(null);
        if (on == null || !machine.volumes().contains(on) || folder == null
                || !ExposureLinks.isEmptyDirectory(folder)) {
            return null;
        }
        // A folder of the simulator's own storage (its exposure or snapshot directory, when the volume holds the
        // state directory): the link would replace the simulator's directory and break every later run. Windows has
        // no such folder on a volume; the simulator refuses it as an invalid parameter value (E_INVALIDARG, chosen).
        if (machine.isInsideStorage(folder)) {
            return null;
        }
        return new Exposure(expose, null, true, folder, true);
    }

    /** A share of {@code pathFromRoot} (the whole shadow copy when NULL), or null when not valid. */
    private Exposure remoteExposure(Snapshot s, String pathFromRoot, String expose) {
        String share = expose != null ? expose : "ShadowCopy-" + s.id().toString().substring(0, 8);
        if (!SHARE.matcher(share).matches() || machine.exposedDirectory(share).isPresent()) {
            return null;
        }
        Path shared = pathFromRoot == null ? s.directory() : s.directory().resolve(SnapshotStore.relative(pathFromRoot));
        if (!shared.normalize().startsWith(s.directory()) || !Files.isDirectory(shared)) {
            return null;
        }
        return new Exposure(share, pathFromRoot, false, machine.shareLink(share), false);
    }

    /**
     * {@code UnexposeSnapshot(snapshotId)} (IVssBackupComponentsEx2; Microsoft docs): VSS_E_OBJECT_NOT_FOUND when the
     * shadow copy does not exist or is not exposed.
     */
    int unexpose(CallArgs a) {
        Snapshot s = store().find(a.guidByValue(1));
        if (s == null || s.exposure() == null) {
            return notFound();
        }
        store().unexpose(s.id());
        return ok();
    }

    /**
     * {@code BreakSnapshotSet(SnapshotSetId)} (Microsoft docs): only for shadow copies of a hardware provider, which
     * become ordinary volumes that VSS no longer knows; VSS_E_PROVIDER_VETO when the software provider made them,
     * VSS_E_OBJECT_NOT_FOUND for an unknown set.
     */
    int breakSet(CallArgs a) {
        List<Snapshot> set = store().inSet(a.guidByValue(1));
        if (set.isEmpty()) {
            return notFound();
        }
        if (set.stream().anyMatch(s -> !s.isHardwareAssisted())) {
            return VssHresult.VSS_E_PROVIDER_VETO.code();
        }
        for (Snapshot s : set) {
            machine.adoptBrokenSnapshot(store().forget(s.id()));
        }
        return ok();
    }

    /**
     * {@code RevertToSnapshot(SnapshotId, BOOL bForceDismount)} (Microsoft docs): only shadow copies of persistent
     * contexts (APP_ROLLBACK, CLIENT_ACCESSIBLE, CLIENT_ACCESSIBLE_WRITERS, NAS_ROLLBACK; all carry the PERSISTENT bit)
     * can be reverted to, else VSS_E_UNSUPPORTED_CONTEXT; VSS_E_REVERT_IN_PROGRESS while the volume is being reverted.
     * The revert runs on after the call returns; QueryRevertStatus follows it. A simulated volume is never in use, so
     * bForceDismount changes nothing.
     */
    int revert(CallArgs a) {
        Snapshot s = store().find(a.guidByValue(1));
        if (s == null) {
            return notFound();
        }
        if (!s.isPersistent()) {
            return VssHresult.VSS_E_UNSUPPORTED_CONTEXT.code();
        }
        synchronized (machine) {
            AsyncOperation running = machine.revertOf(s.volume());
            if (running != null && !running.isDone()) {
                return VssHresult.VSS_E_REVERT_IN_PROGRESS.code();
            }
            machine.recordRevert(s.volume(), AsyncOperation.start(machine, IVssBackupComponents.RevertToSnapshot, op -> {
                store().revert(s);
                return ok();
            }));
        }
        return ok();
    }

    /**
     * {@code QueryRevertStatus(pwszVolume, **ppAsync)} (Microsoft docs): an IVssAsync following the volume's revert;
     * E_POINTER for a NULL ppAsync, VSS_E_OBJECT_NOT_FOUND for an unknown volume. A volume with no revert started gets
     * an operation that has already finished (nothing is in progress).
     */
    int queryRevertStatus(CallArgs a) {
        Pointer out = a.pointer(2);
        if (out == null) {
            return VssHresult.E_POINTER.code();
        }
        String name = a.wideString(1);
        if (name == null || name.isEmpty()) {
            return invalidArg();
        }
        // "The name must be in one of the following formats and must include a trailing backslash" (Microsoft docs);
        // VSS_E_OBJECT_NOT_FOUND: "The pwszVolume parameter is not a valid volume".
        Volume v = VolumeNameRule.volume(machine, name);
        if (v == null) {
            return notFound();
        }
        if (!v.isSupported()) {
            // "Revert is not supported on this volume": no provider supports it (an exposed shadow copy, too).
            return VssHresult.VSS_E_VOLUME_NOT_SUPPORTED.code();
        }
        AsyncOperation revert = machine.revertOf(v);
        if (revert == null) {
            revert = AsyncOperation.start(machine, IVssBackupComponents.QueryRevertStatus, op -> ok());
        }
        out.setPointer(0, new AsyncObject(revert).pointer());
        return ok();
    }

    /**
     * {@code GetRootAndLogicalPrefixPaths(pwszFilePath, *ppwszRootPath, *ppwszLogicalPrefix, BOOL
     * bNormalizeFQDNforRootPath)} (IVssBackupComponentsEx4; Microsoft docs): for a local path the root is the volume
     * mount point (GetVolumePathName: the alias, or the volume directory) and the logical prefix the volume GUID name
     * (GetVolumeNameForVolumeMountPoint). The FQDN flag only concerns UNC paths, which the simulator has none of.
     * Both strings are CoTaskMem the caller frees. A path on no simulated volume gives VSS_E_OBJECT_NOT_FOUND.
     */
    int rootAndLogicalPrefix(CallArgs a) {
        String path = a.wideString(1);
        Pointer rootOut = a.pointer(2);
        Pointer prefixOut = a.pointer(3);
        if (path == null || path.isEmpty() || rootOut == null || prefixOut == null) {
            return invalidArg();
        }
        for (Volume v : machine.volumes()) {
            String root = rootOf(v, path);
            if (root != null) {
                String what = "path of " + path + " from GetRootAndLogicalPrefixPaths";
                rootOut.setPointer(0, CoTaskMem.string(root, what));
                prefixOut.setPointer(0, CoTaskMem.string(v.guidName(), what));
                return ok();
            }
        }
        return notFound();
    }

    /** The mount point of {@code v} that {@code path} lies under (with trailing separator), or null. */
    private static String rootOf(Volume v, String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String alias : v.aliases()) {
            String a = alias.endsWith("\\") ? alias : alias + "\\";
            if (lower.startsWith(a.toLowerCase(Locale.ROOT)) || lower.equals(alias.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        if (path.equalsIgnoreCase(v.guidName()) || lower.startsWith(v.guidName().toLowerCase(Locale.ROOT))) {
            return v.guidName();
        }
        Path p = Path.of(path).toAbsolutePath().normalize();
        return p.startsWith(v.root()) ? v.root() + "/" : null;
    }
}
