package org.vss4j.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.vss4j.StaleSnapshotLinks;
import org.vss4j.com.ComApartment;
import org.vss4j.diagnostics.FilesNotToSnapshot;
import org.vss4j.diagnostics.ProcessToken;
import org.vss4j.diagnostics.ServiceStatus;
import org.vss4j.diagnostics.Win32CallException;

/**
 * Runs every check of {@code vss doctor} in order and collects the findings (docs/doctor.md lists them). A check that
 * cannot run becomes a finding itself; none stops the others. The machine checks ask the provider in use: the real
 * Windows, or the simulated machine on the simulator; they are skipped when the provider itself blocks (a simulator
 * chosen on Windows would answer for a machine that is not this one).
 */
final class Doctor {

    private final Duration timeout;

    Doctor(Duration timeout) {
        this.timeout = timeout;
    }

    DoctorReport run(ProviderInUse provider) {
        List<Finding> all = new ArrayList<>(HostFindings.of(HostFindings.ofThisJvm(), provider,
                ProviderInUse.requested()));
        boolean machine = all.stream().noneMatch(f -> f.check().equals("provider")
                && f.severity() == Severity.BLOCKING);
        if (machine) {
            all.addAll(guard("elevation", () -> TokenFindings.of(ProcessToken.ofCurrentProcess())));
            all.addAll(guard(ServiceFindings.CHECK, () -> {
                try {
                    return List.of(ServiceFindings.of(ServiceStatus.vss()));
                } catch (Win32CallException e) {
                    return List.of(ServiceFindings.of(e));
                }
            }));
            all.addAll(guard("vss", () -> new VssFindings(timeout).run()));
            all.add(ComSecurityFindings.of(ComApartment.securityState()));
        }
        all.addAll(guard(LinkFindings.CHECK, () -> List.of(LinkFindings.of(StaleSnapshotLinks.directory()))));
        if (machine) {
            all.addAll(guard(ExclusionFindings.CHECK,
                    () -> List.of(ExclusionFindings.of(FilesNotToSnapshot.ofThisMachine(), provider.isSimulator()))));
        }
        return new DoctorReport(all);
    }

    /** The check's findings, or one warning saying why it could not run. */
    private static List<Finding> guard(String check, Supplier<List<Finding>> work) {
        try {
            return work.get();
        } catch (RuntimeException | LinkageError e) {
            return List.of(Finding.warning(check, null, "could not check: " + e, List.of(),
                    "report this message with the vss4j version if it persists"));
        }
    }
}
