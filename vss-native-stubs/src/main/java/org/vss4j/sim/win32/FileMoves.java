package org.vss4j.sim.win32;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Win32Error;
import org.vss4j.files.FileAttribute;
import org.vss4j.sim.PendingRenames;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.abi.NativeCallback;

/**
 * {@code MoveFileExW} (Microsoft docs, "MoveFileExW function") for renaming a file within one directory tree, as a
 * restore replaces a file by its temporary copy. Only {@code MOVEFILE_REPLACE_EXISTING} and
 * {@code MOVEFILE_DELAY_UNTIL_REBOOT} (a rename recorded for {@link SimulatedMachine#reboot()}) are modelled. Replacing a
 * file whose READONLY attribute is set fails with {@code ERROR_ACCESS_DENIED}, as on Windows (which is why
 * {@code FILE_RENAME_INFORMATION} has {@code FILE_RENAME_IGNORE_READONLY_ATTRIBUTE}, Microsoft docs,
 * "FILE_RENAME_INFORMATION structure"); a replaced file's facts (attributes, security descriptor, streams) go with it.
 */
final class FileMoves {

    /** winbase.h. */
    static final int MOVEFILE_REPLACE_EXISTING = 0x1;
    static final int MOVEFILE_DELAY_UNTIL_REBOOT = 0x4;

    private FileMoves() {
    }

    static void register(Map<NativeExport, NativeCallback> table) {
        Win32Function.put(table, NativeExport.MoveFileExW, 0, a -> move(a.wideString(0), a.wideString(1),
                a.int32(2)));
    }

    private static int move(String from, String to, int flags) {
        if (from == null || to == null || from.isEmpty() || to.isEmpty()
                || (flags & ~(MOVEFILE_REPLACE_EXISTING | MOVEFILE_DELAY_UNTIL_REBOOT)) != 0) {
            // Copying across volumes and write-through are not modelled: refused (docs/simulator.md).
            return FileHandles.failInt(Win32Error.ERROR_INVALID_PARAMETER);
        }
        SimulatedMachine machine = SimulatedMachine.current();
        boolean delayed = (flags & MOVEFILE_DELAY_UNTIL_REBOOT) != 0;
        if (delayed && Win32Path.parse(from).kind() == Win32Path.Kind.UNC) {
            // "the file cannot exist on a remote share, because delayed operations are performed before the network
            // is available" (Microsoft docs, "MoveFileExW function"): STATUS_INVALID_PARAMETER.
            return FileHandles.failInt(Win32Error.ERROR_INVALID_PARAMETER);
        }
        Path source;
        Path target;
        try {
            Optional<Path> s = Win32Names.hostPath(machine, from);
            Optional<Path> t = Win32Names.hostPath(machine, to);
            if (s.isEmpty() || t.isEmpty()) {
                return FileHandles.failInt(Win32Error.ERROR_PATH_NOT_FOUND);
            }
            source = delayed ? realOrAsGiven(s.get()) : real(s.get());
            target = real(t.get());
        } catch (InvalidPathException e) {
            return FileHandles.failInt(Win32Error.ERROR_INVALID_NAME);
        } catch (IOException e) {
            return FileHandles.failInt(Win32Error.ERROR_PATH_NOT_FOUND);
        }
        Place from0 = Place.of(machine, source);
        Place to0 = Place.of(machine, target);
        if (delayed) {
            // Checked before the source exists: a delayed rename is only registered (below).
            return delay(machine, from, to, source, target, from0, to0, (flags & MOVEFILE_REPLACE_EXISTING) != 0);
        }
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            return FileHandles.failInt(Win32Error.ERROR_FILE_NOT_FOUND);
        }
        if ((from0 != null && from0.inShadowCopy()) || (to0 != null && to0.inShadowCopy())) {
            return FileHandles.failInt(Win32Error.ERROR_WRITE_PROTECT);
        }
        if (HeldFiles.isHeld(machine, source) || HeldFiles.isHeld(machine, target)) {
            // A running service holds it open (docs/restore-procedures.md).
            return FileHandles.failInt(Win32Error.ERROR_SHARING_VIOLATION);
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if ((flags & MOVEFILE_REPLACE_EXISTING) == 0) {
                return FileHandles.failInt(Win32Error.ERROR_ALREADY_EXISTS);
            }
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                return FileHandles.failInt(Win32Error.ERROR_ACCESS_DENIED);
            }
            boolean readOnly = to0 != null && to0.facts().fact(to0.relative())
                    .map(f -> (f.attributes() & FileAttribute.READONLY) != 0).orElse(false);
            if (readOnly) {
                return FileHandles.failInt(Win32Error.ERROR_ACCESS_DENIED);
            }
        }
        try {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Another host file system: Windows would need MOVEFILE_COPY_ALLOWED, which is not modelled.
            return FileHandles.failInt(Win32Error.ERROR_NOT_SAME_DEVICE);
        } catch (IOException e) {
            return FileHandles.failInt(Win32Error.ERROR_ACCESS_DENIED);
        }
        if (to0 != null) {
            if (from0 != null && from0.facts() == to0.facts()) {
                to0.facts().moved(from0.relative(), to0.relative());
            } else {
                to0.facts().moved(to0.relative(), to0.relative());
            }
        }
        return 1;
    }

    /**
     * MOVEFILE_DELAY_UNTIL_REBOOT: "can be used only if the process is in the context of a user who belongs to the
     * administrators group or the LocalSystem account" (Microsoft docs, "MoveFileExW function"): without an elevated
     * token ERROR_ACCESS_DENIED. The source need not exist: Windows only records the rename, and the file may exist by
     * the reboot (the Session Manager skips a rename whose source is gone). The simulator's choices, where Windows
     * would accept the call and the rename would fail at boot: a source or target in a shadow copy (read-only) is
     * refused now with ERROR_WRITE_PROTECT, and a move to another volume (MOVEFILE_COPY_ALLOWED cannot be combined
     * with the delay) with ERROR_NOT_SAME_DEVICE. Nothing moves until {@link SimulatedMachine#reboot()}.
     */
    private static int delay(SimulatedMachine machine, String from, String to, Path source, Path target, Place from0,
            Place to0, boolean replace) {
        if (!machine.token().isElevated()) {
            return FileHandles.failInt(Win32Error.ERROR_ACCESS_DENIED);
        }
        if ((from0 != null && from0.inShadowCopy()) || (to0 != null && to0.inShadowCopy())) {
            return FileHandles.failInt(Win32Error.ERROR_WRITE_PROTECT);
        }
        if (from0 == null || to0 == null || from0.facts() != to0.facts()) {
            return FileHandles.failInt(Win32Error.ERROR_NOT_SAME_DEVICE);
        }
        machine.pendingRenames().add(new PendingRenames.Rename(from, to, source, target, replace, to0.facts(),
                from0.relative(), to0.relative()));
        return 1;
    }

    /** {@link #real}, or {@code p} as given when its directory does not exist (yet). */
    private static Path realOrAsGiven(Path p) {
        try {
            return real(p);
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** {@code p} with its directory's links resolved (the name itself is not followed). */
    private static Path real(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        return abs.getParent() == null ? abs : abs.getParent().toRealPath().resolve(abs.getFileName());
    }
}
