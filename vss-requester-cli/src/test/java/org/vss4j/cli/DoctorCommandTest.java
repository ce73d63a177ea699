package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vss doctor} on the embedded simulator: the simulated machine's answers, as text and JSON, and the exit code. */
class DoctorCommandTest {

    @TempDir
    Path volume;

    @TempDir
    Path state;

    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(volume.resolve("report.txt"), "q3");
    }

    private int vss(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--sim-volume", "D:\\=" + volume, "--sim-state", state.toString()));
        return VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    private JsonNode finding(JsonNode report, String check, String subject) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("check").asText().equals(check)
                    && (subject == null || subject.equals(f.path("subject").asText(null)))) {
                return f;
            }
        }
        throw new AssertionError("no finding " + check + " " + subject + " in " + report);
    }

    @Test
    void aHealthyMachineHasNothingBlockingAndEveryCheckReports() {
        int exit = vss("doctor");

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains("  ok        provider: simulator", "  ok        elevation: the process is elevated")
                .contains("privilege SeBackupPrivilege: held, disabled")
                .contains("privilege SeRestorePrivilege: held", "privilege SeCreateSymbolicLinkPrivilege: held")
                .contains("vss-service: 'Volume Shadow Copy' (VSS): SERVICE_STOPPED, SERVICE_DEMAND_START: it starts")
                .contains("  ok        vss: this process may use VSS: 1 writer(s)")
                .contains("writer vss4j Demo Writer: VSS_WS_STABLE, last error: no error")
                .contains("  ok        com-security: vss4j set it")
                .contains("shadow-copies: no persistent shadow copy")
                .contains("  ok        links: ")
                .contains("  warning   files-not-to-snapshot: 7 path(s) of 4 application(s) may be deleted from every "
                        + "shadow copy (HKLM\\SYSTEM\\CurrentControlSet\\Control\\BackupRestore\\FilesNotToSnapshot in "
                        + "the simulated registry, not this machine's); those of OutlookOST are user files (under "
                        + "user profiles)", "- WUA: %windir%\\softwaredistribution\\*.* /s")
                .contains("fix: none on the simulator (these are the simulated machine's values); on Windows: back")
                .contains("vss doctor: nothing blocks a backup (1 warning(s))");
    }

    @Test
    void jsonIsTheOnlyThingOnStdout() throws Exception {
        assertThat(vss("doctor", "--json")).isZero();

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("backupPossible").asBoolean()).isTrue();
        assertThat(report.get("blocking").asInt()).isZero();
        assertThat(finding(report, "privilege", "SeBackupPrivilege").get("severity").asText()).isEqualTo("ok");
        assertThat(finding(report, "files-not-to-snapshot", null).get("details").toString())
                .contains("OutlookOST: $UserProfile$\\\\AppData\\\\Local\\\\Microsoft\\\\Outlook\\\\*.ost");
        assertThat(finding(report, "os", null).has("fix")).isFalse();
        assertThat(err.toString()).contains("(simulated VSS: volume D:\\ is ");
    }

    @Test
    void withoutElevationVssRefusesTheProcessAndTheExitCodeSaysSo() throws Exception {
        int exit = vss("doctor", "--json", "--sim-not-elevated");

        assertThat(exit).isEqualTo(ExitCodes.BLOCKED);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("backupPossible").asBoolean()).isFalse();
        assertThat(finding(report, "elevation", null).get("severity").asText()).isEqualTo("blocking");
        assertThat(finding(report, "elevation", null).get("fix").asText()).contains("Run as administrator");
        assertThat(finding(report, "privilege", "SeBackupPrivilege").get("severity").asText()).isEqualTo("blocking");
        assertThat(finding(report, "privilege", "SeRestorePrivilege").get("severity").asText()).isEqualTo("warning");
        assertThat(finding(report, "vss", null).get("summary").asText())
                .contains("CreateVssBackupComponentsInternal failed: E_ACCESSDENIED");
        assertThat(report.get("findings").findValuesAsText("check")).doesNotContain("writer");
    }

    @Test
    void whatTheDoctorCallsBlockingTheOtherCommandsMeetAsOneActionableLine() {
        assertThat(vss("snapshot", "create", "D:\\", "--sim-not-elevated")).isEqualTo(ExitCodes.VSS_FAILURE);
        // One error line (the provider notes before it are stderr's too).
        assertThat(err.toString().lines().filter(l -> l.startsWith("vss: ")))
                .singleElement().asString().startsWith("vss: CreateVssBackupComponentsInternal failed: E_ACCESSDENIED");
        assertThat(err.toString()).contains("must run elevated");
        assertThat(out.toString()).doesNotContain("DoSnapshotSet");

        assertThat(vss("writers", "--sim-vss-service", "disabled")).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(err.toString()).contains("HRESULT_FROM_WIN32_ERROR_SERVICE_DISABLED (0x80070422)",
                "sc config VSS start= demand");
    }

    @Test
    void aDisabledVssServiceBlocks() {
        int exit = vss("doctor", "--sim-vss-service", "disabled");

        assertThat(exit).isEqualTo(ExitCodes.BLOCKED);
        assertThat(out.toString())
                .contains("  blocking  vss-service: 'Volume Shadow Copy' (VSS): SERVICE_STOPPED, SERVICE_DISABLED")
                .contains("fix: set the 'Volume Shadow Copy' service's startup type to Manual")
                .contains("  blocking  vss: VSS refuses this process: CreateVssBackupComponentsInternal failed: "
                        + "HRESULT_FROM_WIN32_ERROR_SERVICE_DISABLED (0x80070422)")
                .contains("vss doctor: 2 finding(s) block a backup");
    }

    @Test
    void aRunningServiceIsFine() {
        assertThat(vss("doctor", "--sim-vss-service", "running")).isZero();
        assertThat(out.toString()).contains("  ok        vss-service: 'Volume Shadow Copy' (VSS): SERVICE_RUNNING");
    }

    @Test
    void aPersistentShadowCopyLeftBehindIsAWarningWithItsId() {
        assertThat(vss("snapshot", "create", "D:\\", "--persistent")).as(err.toString()).isZero();
        String id = out.toString().replaceAll("(?s).*shadow copy \\{([0-9a-f-]{36})}.*", "$1");

        assertThat(vss("doctor")).isZero();
        assertThat(out.toString()).contains("  warning   shadow-copies: 1 persistent shadow copy(ies)")
                .contains("- {" + id + "} of \\\\?\\Volume{").contains("fix: delete those no longer needed");

        assertThat(vss("snapshot", "delete", id)).as(err.toString()).isZero();
        assertThat(vss("doctor")).isZero();
        assertThat(out.toString()).contains("  ok        shadow-copies: no persistent shadow copy");
    }

    @Test
    void linksLeftByAnEndedProcessAreListedAndKept(@TempDir Path links) throws Exception {
        UUID shadow = UUID.randomUUID();
        Files.createFile(links.resolve("4242-ended.lock"));
        Path dir = Files.createDirectory(links.resolve("4242-ended"));
        Path link = Files.createSymbolicLink(dir.resolve(shadow + "-1"), volume);
        String before = System.getProperty("vss4j.linkDirectory");
        System.setProperty("vss4j.linkDirectory", links.toString());
        try {
            assertThat(vss("doctor")).isZero();
        } finally {
            if (before == null) {
                System.clearProperty("vss4j.linkDirectory");
            } else {
                System.setProperty("vss4j.linkDirectory", before);
            }
        }
        assertThat(out.toString()).contains("  warning   links: 1 link(s) to shadow copies left by ended vss4j "
                + "processes in " + links).contains("- " + link + " -> " + volume + " (shadow copy {" + shadow + "})");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    /** Runs {@code vss doctor} with {@code -Dvss4j.linkDirectory=links}. */
    private int doctorWithLinkDirectory(Path links, String... args) {
        String before = System.getProperty("vss4j.linkDirectory");
        System.setProperty("vss4j.linkDirectory", links.toString());
        try {
            List<String> all = new ArrayList<>(List.of("doctor"));
            all.addAll(List.of(args));
            return vss(all.toArray(String[]::new));
        } finally {
            if (before == null) {
                System.clearProperty("vss4j.linkDirectory");
            } else {
                System.setProperty("vss4j.linkDirectory", before);
            }
        }
    }

    @Test
    void aLinkDirectoryOthersMayWriteBlocksAndTheFixSaysHowToChooseAnother(@TempDir Path parent) throws Exception {
        Assumptions.assumeTrue(parent.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions");
        Path links = Files.createDirectory(parent.resolve("links"));
        Files.setPosixFilePermissions(links, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(doctorWithLinkDirectory(links)).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("  blocking  links: the link directory " + links + " cannot be used: "
                        + "--exec and SnapshotMount (how vss4j reads a shadow copy) would fail")
                .contains("- " + links + " may be written by other users (rwxrwxrwx)")
                .contains("choose a directory of your own with VSS_JAVA_OPTS=-Dvss4j.linkDirectory=DIR");

        assertThat(doctorWithLinkDirectory(links, "--json")).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("backupPossible").asBoolean()).isFalse();
        assertThat(finding(report, "links", null).get("severity").asText()).isEqualTo("blocking");
    }

    @Test
    void aLinkDirectoryOfAnotherAccountBlocks(@TempDir Path parent) throws Exception {
        Assumptions.assumeTrue(parent.getFileSystem().supportedFileAttributeViews().contains("posix")
                && "root".equals(System.getProperty("user.name")),
                "only root can give a directory to another account (chown); run as root to check this");
        Path links = Files.createDirectory(parent.resolve("links"));
        Files.setPosixFilePermissions(links, PosixFilePermissions.fromString("rwx------"));
        Files.setOwner(links, links.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        assertThat(doctorWithLinkDirectory(links)).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("  blocking  links: the link directory " + links + " cannot be used")
                .contains("- " + links + " belongs to nobody, not to root");
    }

    @Test
    void theHelpNamesTheExitCodes() {
        out = new StringWriter();
        err = new StringWriter();
        assertThat(VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "--help")).isZero();
        assertThat(out.toString()).contains("doctor", "1      vss doctor: something blocks a backup");
    }
}
