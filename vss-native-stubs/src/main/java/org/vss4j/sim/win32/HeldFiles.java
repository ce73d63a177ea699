package org.vss4j.sim.win32;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vss4j.RestoreMethod;
import org.vss4j.diagnostics.ServiceState;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedServices;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.SimulatedWriterMetadata;
import org.vss4j.sim.WriterComponent;

/**
 * The files a running application holds open: those of the components of a writer whose restore method is
 * {@code VSS_RME_STOP_RESTORE_START}, while the service it names runs (a database keeps its files open and denies
 * others writing; that is why the writer asks for the stop, Microsoft docs, "VSS_RESTOREMETHOD_ENUM"). Opening such a
 * file for writing ({@code CreateFileW}) or renaming onto or away from it ({@code MoveFileExW} without the delay)
 * fails with ERROR_SHARING_VIOLATION. A writer of {@code VSS_RME_RESTORE_STOP_START} holds nothing: its files are
 * replaced while it runs and read when it starts again. File specs are matched with {@code *} and {@code ?} without
 * case; the dot rules of Windows wildcards are not modelled (docs/restore-procedures.md).
 */
final class HeldFiles {

    private HeldFiles() {
    }

    /** Whether {@code file} (a host path, its directory resolved) is held open by a running service. */
    static boolean isHeld(SimulatedMachine machine, Path file) {
        for (SimulatedWriter w : machine.writers()) {
            SimulatedWriterMetadata.Restore r = w.metadata().restore();
            if (r == null || r.method() != RestoreMethod.STOP_RESTORE_START || r.service() == null
                    || r.service().isEmpty()) {
                continue;
            }
            SimulatedServices.Service s = machine.services().get(r.service());
            if (s == null || s.state() == ServiceState.STOPPED) {
                continue;
            }
            for (WriterComponent c : w.metadata().components()) {
                if (covers(machine, c.files(), file) || covers(machine, c.databaseFiles(), file)
                        || covers(machine, c.logFiles(), file)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean covers(SimulatedMachine machine, List<FileSpec> specs, Path file) {
        for (FileSpec spec : specs) {
            Optional<Path> dir;
            try {
                dir = Win32Names.hostPath(machine, spec.path());
            } catch (InvalidPathException e) {
                continue;
            }
            if (dir.isEmpty() || file.getParent() == null) {
                continue;
            }
            Path d;
            try {
                d = Files.exists(dir.get()) ? dir.get().toRealPath() : dir.get().toAbsolutePath().normalize();
            } catch (IOException e) {
                continue;
            }
            boolean inDir = spec.recursive() ? file.getParent().startsWith(d) : file.getParent().equals(d);
            if (inDir && wildcard(spec.filespec()).matcher(file.getFileName().toString()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern wildcard(String spec) {
        String s = spec == null || spec.isEmpty() || spec.equals("*.*") ? "*" : spec;
        StringBuilder re = new StringBuilder();
        for (char ch : s.toCharArray()) {
            re.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
