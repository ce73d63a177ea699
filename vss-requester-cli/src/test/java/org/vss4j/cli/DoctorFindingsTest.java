package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.UsageType;
import org.vss4j.VssHresult;
import org.vss4j.WriterState;
import org.vss4j.WriterStatus;
import org.vss4j.com.ComSecurity;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterEvent;

/** The judgements of {@code vss doctor}, check by check, including machines the simulator options cannot describe. */
@ExtendWith(VssSimulatorExtension.class)
class DoctorFindingsTest {

    private static final HostFindings.Host WINDOWS_64 = new HostFindings.Host("Windows Server 2022", "10.0",
            "amd64", "64", null, "17");

    private static Finding check(List<Finding> all, String check) {
        return all.stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
    }

    @Test
    void a32BitJvmOnWindowsBlocksAndSaysWhy() {
        var wow64 = new HostFindings.Host("Windows 11", "10.0", "x86", "32", "AMD64", "17");
        Finding jvm = check(HostFindings.of(wow64, new ProviderInUse("windows", null), null), "jvm");

        assertThat(jvm.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(jvm.summary()).contains("32-bit JVM on 64-bit Windows (AMD64)", "under WOW64");
        assertThat(jvm.fix()).contains("64-bit JDK");
        assertThat(check(HostFindings.of(WINDOWS_64, new ProviderInUse("windows", null), null), "jvm").severity())
                .isEqualTo(Severity.OK);
    }

    @Test
    void theSimulatorOnWindowsIsAWarningAndAMissingProviderBlocksWithItsOwnFix() {
        // On Windows the binding runs the simulator only when -Dvss4j.provider=simulator asks for it.
        ProviderInUse simulator = new ProviderInUse("simulator", null);
        Finding asked = check(HostFindings.of(WINDOWS_64, simulator, "simulator"), "provider");
        assertThat(asked.severity()).isEqualTo(Severity.WARNING);
        assertThat(asked.fix()).contains("drop -Dvss4j.provider=simulator");
        Finding none = check(HostFindings.of(WINDOWS_64, new ProviderInUse(null, "No VSS provider can work here; "
                + "run a 64-bit JDK"), null), "provider");
        assertThat(none.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(none.fix()).isEqualTo("No VSS provider can work here; run a 64-bit JDK");
    }

    @Test
    void comSecuritySetByTheHostIsAWarningNamingEvent8194() {
        Finding tooLate = ComSecurityFindings.of(ComSecurity.State.SET_BEFORE_VSS4J);
        assertThat(tooLate.severity()).isEqualTo(Severity.WARNING);
        assertThat(tooLate.summary()).contains("RPC_E_TOO_LATE", "event 8194");
        assertThat(ComSecurityFindings.of(ComSecurity.State.SET_BY_VSS4J).severity()).isEqualTo(Severity.OK);
        assertThat(ComSecurityFindings.of(ComSecurity.State.NOT_SET_YET).severity()).isEqualTo(Severity.OK);
    }

    @Test
    void writersThatFailedOrWaitAreWarningsWithTheirLastError() {
        UUID id = UUID.randomUUID();
        Finding failed = VssFindings.writer(new WriterStatus(id, id, "SqlServerWriter",
                WriterState.FAILED_AT_FREEZE, VssHresult.VSS_E_WRITERERROR_RETRYABLE.code()));
        assertThat(failed.severity()).isEqualTo(Severity.WARNING);
        assertThat(failed.summary()).isEqualTo(
                "VSS_WS_FAILED_AT_FREEZE, last error: VSS_E_WRITERERROR_RETRYABLE (0x800423F3)");
        Finding waiting = VssFindings.writer(new WriterStatus(id, id, "W", WriterState.WAITING_FOR_BACKUP_COMPLETE, 0));
        assertThat(waiting.severity()).isEqualTo(Severity.WARNING);
        assertThat(waiting.fix()).contains("another backup is running");
    }

    @Test
    void aWriterFailingOnTheMachineIsReportedAndDoesNotBlock(SimulatedMachine machine) {
        machine.addWriter(SimulatedWriter.builder("Flaky Writer").usage(UsageType.USERDATA).build())
                .failAt(WriterEvent.IDENTIFY, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        machine.addWriter(SimulatedWriter.builder("Good Writer").usage(UsageType.USERDATA).build());

        DoctorReport report = new Doctor(Duration.ofSeconds(30)).run(ProviderInUse.current());

        List<Finding> writers = report.findings().stream().filter(f -> f.check().equals("writer")).toList();
        assertThat(writers).extracting(Finding::subject).containsExactlyInAnyOrder("Flaky Writer", "Good Writer");
        Finding flaky = writers.stream().filter(f -> f.subject().equals("Flaky Writer")).findFirst().orElseThrow();
        assertThat(flaky.severity()).as(flaky.toString()).isEqualTo(Severity.WARNING);
        assertThat(flaky.summary()).startsWith("VSS_WS_FAILED_AT_IDENTIFY");
        assertThat(report.backupPossible()).isTrue();
    }

    @Test
    void userProfileExclusionsWarnAndSystemOnesDoNot() {
        Finding system = ExclusionFindings.of(Map.of("WUA", List.of("%windir%\\softwaredistribution\\*.* /s")));
        assertThat(system.severity()).isEqualTo(Severity.OK);
        assertThat(system.details()).containsExactly("WUA: %windir%\\softwaredistribution\\*.* /s");
        Finding user = ExclusionFindings.of(Map.of("OutlookOST",
                List.of("$UserProfile$\\AppData\\Local\\Microsoft\\Outlook\\*.ost")));
        assertThat(user.severity()).isEqualTo(Severity.WARNING);
        assertThat(user.summary()).endsWith("(HKLM\\" + org.vss4j.diagnostics.FilesNotToSnapshot.KEY
                + "); those of OutlookOST are user files (under user profiles)");
        assertThat(user.fix()).startsWith("back these files up another way");
        assertThat(ExclusionFindings.of(Map.of()).summary()).contains("VSS leaves out no files");
    }

    @Test
    void onTheSimulatorTheExclusionsSayTheyComeFromTheSimulatedRegistry() {
        Map<String, List<String>> values = Map.of("OutlookOST",
                List.of("$UserProfile$\\AppData\\Local\\Microsoft\\Outlook\\*.ost"));
        Finding simulated = ExclusionFindings.of(values, true);
        assertThat(simulated.severity()).isEqualTo(Severity.WARNING);
        assertThat(simulated.summary()).contains(" in the simulated registry, not this machine's)");
        assertThat(simulated.fix()).startsWith("none on the simulator (these are the simulated machine's values); "
                + "on Windows: back these files up another way");
        assertThat(ExclusionFindings.of(values, false).summary()).doesNotContain("simulated");
        assertThat(ExclusionFindings.of(Map.of(), true).summary()).contains("in the simulated registry lists nothing");
    }

    @Test
    void aMissingVssServiceBlocksAndAnUnreadableOneOnlyWarns() {
        assertThat(ServiceFindings.of(new org.vss4j.diagnostics.Win32CallException("OpenServiceW(VSS)", 1060))
                .severity()).isEqualTo(Severity.BLOCKING);
        assertThat(ServiceFindings.of(new org.vss4j.diagnostics.Win32CallException("OpenServiceW(VSS)", 5))
                .severity()).isEqualTo(Severity.WARNING);
    }
}
