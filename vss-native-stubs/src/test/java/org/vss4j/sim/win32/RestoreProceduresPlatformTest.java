package org.vss4j.sim.win32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.com.Exports;
import org.vss4j.com.Win32Error;
import org.vss4j.diagnostics.ServiceState;
import org.vss4j.procedures.ProcedureException;
import org.vss4j.procedures.RebootReplace;
import org.vss4j.procedures.ServiceControl;
import org.vss4j.procedures.Win32ServiceControl;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedServices;
import org.vss4j.sim.SimulatedToken;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * {@link Win32ServiceControl} and {@link RebootReplace} against the simulated service control manager and
 * {@code MoveFileExW} (docs/restore-procedures.md).
 */
@ExtendWith(VssSimulatorExtension.class)
class RestoreProceduresPlatformTest {

    @TempDir
    Path temp;

    private SimulatedMachine machine;
    private Path c;
    private org.vss4j.sim.FileSystemFacts facts;
    private final ServiceControl scm = new Win32ServiceControl(Exports.current(), Duration.ofMillis(1));
    private final Duration timeout = Duration.ofSeconds(10);

    @BeforeEach
    void setUp(SimulatedMachine m) throws IOException {
        machine = m;
        c = Files.createDirectories(temp.resolve("c"));
        facts = machine.addVolume(c, "C:\\").facts();
    }

    @Test
    void aServiceIsStoppedAndStartedAndEachWaitEndsInTheStateAskedFor() {
        SimulatedServices.Service db = machine.services().install("AppDb", ServiceState.RUNNING);

        scm.stop("appdb", timeout);
        assertThat(db.state()).isEqualTo(ServiceState.STOPPED);
        assertThat(scm.state("AppDb")).isEqualTo(ServiceState.STOPPED);
        scm.start("AppDb", timeout);

        assertThat(db.state()).isEqualTo(ServiceState.RUNNING);
        assertThat(db.history()).containsExactly(ServiceState.STOPPED, ServiceState.RUNNING);
    }

    @Test
    void stoppingAStoppedServiceIsNothingToDoAndStartingARunningOneFailsAsOnWindows() {
        SimulatedServices.Service stopped = machine.services().install("Stopped", ServiceState.STOPPED);
        machine.services().install("Running", ServiceState.RUNNING);

        // "Stopping a Service" queries first and returns for a stopped service: no SERVICE_CONTROL_STOP is sent
        // (which would fail with ERROR_SERVICE_NOT_ACTIVE).
        scm.stop("Stopped", timeout);
        assertThat(stopped.history()).isEmpty();
        assertThatThrownBy(() -> scm.start("Running", timeout)).isInstanceOf(ProcedureException.class)
                .hasMessageStartingWith("StartServiceW(Running) failed with Win32 error 1056 "
                        + "(ERROR_SERVICE_ALREADY_RUNNING)");
    }

    @Test
    void anUnknownServiceAndAStandardUserAreNamedWithWhatToDo() {
        machine.services().install("AppDb", ServiceState.RUNNING);
        assertThatThrownBy(() -> scm.stop("NoSuchService", timeout)).isInstanceOf(ProcedureException.class)
                .hasMessageContaining("OpenServiceW(NoSuchService) failed with Win32 error 1060 "
                        + "(ERROR_SERVICE_DOES_NOT_EXIST)").hasMessageContaining("not installed");

        machine.token().setTo(SimulatedToken.standardUser());
        assertThat(scm.state("AppDb")).isEqualTo(ServiceState.RUNNING);
        assertThatThrownBy(() -> scm.stop("AppDb", timeout)).isInstanceOf(ProcedureException.class)
                .hasMessageContaining("OpenServiceW(AppDb) failed with Win32 error 5 (ERROR_ACCESS_DENIED)")
                .hasMessageContaining("administrator");
        assertThat(machine.services().get("AppDb").state()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void aRefusedStopAndAStopThatNeverEndsAreNamed() {
        machine.services().install("Busy", ServiceState.RUNNING).failStop(Win32Error.ERROR_DEPENDENT_SERVICES_RUNNING);
        machine.services().install("Hung", ServiceState.RUNNING).hangOnStop();

        assertThatThrownBy(() -> scm.stop("Busy", timeout)).isInstanceOf(ProcedureException.class)
                .hasMessageContaining("ERROR_DEPENDENT_SERVICES_RUNNING").hasMessageContaining("stop them first");
        assertThatThrownBy(() -> scm.stop("Hung", Duration.ZERO)).isInstanceOf(ProcedureException.class)
                .hasMessageContaining("QueryServiceStatusEx(Hung) failed: still SERVICE_STOP_PENDING after 0 ms, "
                        + "waiting for SERVICE_STOPPED");
        assertThat(machine.services().get("Busy").state()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void aDelayedReplaceWaitsForTheRebootAndRenamesInOrder() throws IOException {
        Path target = Files.writeString(c.resolve("data.db"), "live");
        Files.writeString(c.resolve("data.db" + RebootReplace.STAGING_SUFFIX), "first");
        Files.writeString(c.resolve("second.tmp"), "second");
        RebootReplace reboot = RebootReplace.local();

        reboot.schedule(RebootReplace.stagingPath("C:\\data.db"), "C:\\data.db");
        reboot.schedule("C:\\second.tmp", "C:\\data.db");

        assertThat(Files.readString(target)).isEqualTo("live");
        assertThat(machine.pendingRenames().pending()).extracting(r -> r.from() + ">" + r.to())
                .containsExactly("C:\\data.db.vss4j-restore-at-reboot>C:\\data.db", "C:\\second.tmp>C:\\data.db");
        assertThat(machine.reboot()).hasSize(2);
        assertThat(Files.readString(target)).isEqualTo("second");
        assertThat(c.resolve("data.db" + RebootReplace.STAGING_SUFFIX)).doesNotExist();
        assertThat(machine.pendingRenames().pending()).isEmpty();
    }

    @Test
    void aDelayedReplaceNeedsAdministratorRights() throws IOException {
        Files.writeString(c.resolve("data.db"), "live");
        Files.writeString(c.resolve("staged"), "new");
        machine.token().setTo(SimulatedToken.standardUser());

        assertThatThrownBy(() -> RebootReplace.local().schedule("C:\\staged", "C:\\data.db"))
                .isInstanceOf(ProcedureException.class)
                .hasMessageContaining("MoveFileExW(C:\\staged, C:\\data.db, MOVEFILE_DELAY_UNTIL_REBOOT | "
                        + "MOVEFILE_REPLACE_EXISTING) failed with Win32 error 5 (ERROR_ACCESS_DENIED)")
                .hasMessageContaining("administrator");
        assertThat(machine.pendingRenames().pending()).isEmpty();
    }

    @Test
    void whileTheWritersServiceRunsItsFilesCannotBeWrittenOrReplaced() throws IOException {
        machine.addWriter(org.vss4j.sim.SimulatedWriter.builder("DbWriter")
                .component(org.vss4j.sim.WriterComponent.database("", "db")
                        .withDatabaseFile(org.vss4j.sim.FileSpec.of("C:\\db", "*.MDF", false)))
                .restoreMethod(org.vss4j.RestoreMethod.STOP_RESTORE_START, "DbService", null,
                        org.vss4j.WriterRestore.NEVER, false).build());
        Files.createDirectories(c.resolve("db"));
        Files.writeString(c.resolve("db/data.mdf"), "live");
        Files.writeString(c.resolve("db/data.new"), "restored");
        Files.writeString(c.resolve("db/notes.txt"), "not the database");
        Exports x = Exports.current();
        assertThat(machine.services().get("DbService").state()).isEqualTo(ServiceState.RUNNING);

        assertThat(x.moveFileEx(org.vss4j.com.Utf16.toNative("C:\\db\\data.new"),
                org.vss4j.com.Utf16.toNative("C:\\db\\data.mdf"), 0x1)).isFalse();
        assertThat(x.lastError()).isEqualTo(Win32Error.ERROR_SHARING_VIOLATION);
        com.sun.jna.Pointer h = x.createFile(org.vss4j.com.Utf16.toNative("C:\\db\\data.mdf"), 0x40000000, 0, 3, 0);
        assertThat(com.sun.jna.Pointer.nativeValue(h)).isEqualTo(Exports.INVALID_HANDLE_VALUE);
        assertThat(x.lastError()).isEqualTo(Win32Error.ERROR_SHARING_VIOLATION);
        com.sun.jna.Pointer read = x.createFile(org.vss4j.com.Utf16.toNative("C:\\db\\data.mdf"), 0x80000000, 1, 3,
                0);
        assertThat(com.sun.jna.Pointer.nativeValue(read)).isNotEqualTo(Exports.INVALID_HANDLE_VALUE);
        x.closeHandle(read);
        // Another file of the directory, not in the file spec, is not held.
        assertThat(x.moveFileEx(org.vss4j.com.Utf16.toNative("C:\\db\\notes.txt"),
                org.vss4j.com.Utf16.toNative("C:\\db\\notes.old"), 0)).isTrue();

        scm.stop("DbService", timeout);

        assertThat(x.moveFileEx(org.vss4j.com.Utf16.toNative("C:\\db\\data.new"),
                org.vss4j.com.Utf16.toNative("C:\\db\\data.mdf"), 0x1)).isTrue();
        assertThat(Files.readString(c.resolve("db/data.mdf"))).isEqualTo("restored");
    }

    @Test
    void aDelayedReplaceOfAHeldFileIsAcceptedAndDoneAtTheReboot() throws IOException {
        machine.addWriter(org.vss4j.sim.SimulatedWriter.builder("DbWriter")
                .component(org.vss4j.sim.WriterComponent.fileGroup("", "db")
                        .withFile(org.vss4j.sim.FileSpec.of("C:\\db", "*", true)))
                .restoreMethod(org.vss4j.RestoreMethod.STOP_RESTORE_START, "DbService", null,
                        org.vss4j.WriterRestore.NEVER, false).build());
        Files.createDirectories(c.resolve("db/sub"));
        Files.writeString(c.resolve("db/sub/data.db"), "live");
        Files.writeString(c.resolve("db/sub/data.db" + RebootReplace.STAGING_SUFFIX), "restored");

        RebootReplace.local().schedule("C:\\db\\sub\\data.db" + RebootReplace.STAGING_SUFFIX, "C:\\db\\sub\\data.db");
        machine.reboot();

        assertThat(Files.readString(c.resolve("db/sub/data.db"))).isEqualTo("restored");
    }

    @Test
    void aRenameAtRebootTakesTheStagedFilesMetadataToTheTarget() throws IOException {
        Files.writeString(c.resolve("data.db"), "live");
        Files.writeString(c.resolve("data.db.new"), "restored");
        byte[] oldSd = {1, 0, 4, (byte) 0x80};
        byte[] newSd = {1, 0, 4, (byte) 0x84};
        facts.attributes("data.db", org.vss4j.files.FileAttribute.HIDDEN).securityDescriptor("data.db", oldSd)
                .alternateStream("data.db", "old", new byte[] {1});
        facts.attributes("data.db.new", org.vss4j.files.FileAttribute.SYSTEM).securityDescriptor("data.db.new", newSd)
                .alternateStream("data.db.new", "Zone.Identifier", new byte[] {2});

        RebootReplace.local().schedule("C:\\data.db.new", "C:\\data.db");
        assertThat(facts.fact("data.db").orElseThrow().attributes()).isEqualTo(org.vss4j.files.FileAttribute.HIDDEN);
        machine.reboot();

        assertThat(Files.readString(c.resolve("data.db"))).isEqualTo("restored");
        assertThat(facts.fact("data.db").orElseThrow().attributes()).isEqualTo(org.vss4j.files.FileAttribute.SYSTEM);
        assertThat(facts.securityDescriptor("data.db")).contains(newSd);
        assertThat(facts.alternateStreams("data.db")).containsOnlyKeys("Zone.Identifier");
        assertThat(facts.fact("data.db.new")).isEmpty();
        assertThat(facts.securityDescriptor("data.db.new")).isEmpty();
    }

    @Test
    void aRenameAtRebootOntoAReadOnlyFileIsSkippedAsTheBootTimeRenameIsRefused() throws IOException {
        Files.writeString(c.resolve("data.db"), "live");
        Files.writeString(c.resolve("data.db.new"), "restored");
        facts.attributes("data.db", org.vss4j.files.FileAttribute.READONLY);

        RebootReplace.local().schedule("C:\\data.db.new", "C:\\data.db");

        assertThat(machine.reboot()).isEmpty();
        assertThat(Files.readString(c.resolve("data.db"))).isEqualTo("live");
        assertThat(c.resolve("data.db.new")).exists();
        assertThat(machine.pendingRenames().pending()).isEmpty();
    }

    @Test
    void aStartThatFailsAfterStartServiceSucceededFailsAtOnceWithTheExitCode() {
        // ERROR_PROCESS_ABORTED (winerror.h 1067): "The process terminated unexpectedly."
        machine.services().install("Crashes", ServiceState.STOPPED).failsAfterStart(1067, 0);
        machine.services().install("OwnCode", ServiceState.STOPPED).failsAfterStart(1066, 42);
        // A long timeout: waiting it out would take an hour.
        Duration hour = Duration.ofHours(1);

        assertThatThrownBy(() -> scm.start("Crashes", hour)).isInstanceOfSatisfying(ProcedureException.class, e -> {
            assertThat(e.error()).isEqualTo(1067);
            assertThat(e).hasMessageStartingWith("StartServiceW(Crashes) failed: the service stopped while starting "
                    + "(SERVICE_STOPPED), with Win32 error 1067").hasMessageContaining("event log");
        });
        assertThatThrownBy(() -> scm.start("OwnCode", hour)).isInstanceOfSatisfying(ProcedureException.class,
                e -> assertThat(e).hasMessageContaining("service-specific exit code 42, with Win32 error 1066"));
        assertThat(machine.services().get("Crashes").state()).isEqualTo(ServiceState.STOPPED);
    }

    @Test
    void aStopTheServiceAbandonsFailsAtOnce() {
        machine.services().install("Stubborn", ServiceState.RUNNING).abandonsStop();

        assertThatThrownBy(() -> scm.stop("Stubborn", Duration.ofHours(1))).isInstanceOf(ProcedureException.class)
                .hasMessageStartingWith("ControlService(Stubborn, SERVICE_CONTROL_STOP) failed: the service is running "
                        + "again: it did not stop (SERVICE_RUNNING).");
        assertThat(machine.services().get("Stubborn").state()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void aStopWaitsForAStoppingServiceAndForAStartingOneToRunBeforeSendingTheStop() {
        SimulatedServices.Service stopping = machine.services().install("Stopping", ServiceState.STOP_PENDING);
        SimulatedServices.Service starting = machine.services().install("Starting", ServiceState.START_PENDING);

        scm.stop("Stopping", timeout);
        scm.stop("Starting", timeout);

        assertThat(stopping.state()).isEqualTo(ServiceState.STOPPED);
        // Stopping was only waited for (no SERVICE_CONTROL_STOP); Starting ran, then was stopped.
        assertThat(stopping.history()).containsExactly(ServiceState.STOPPED);
        assertThat(starting.history()).containsExactly(ServiceState.RUNNING, ServiceState.STOPPED);
    }

    @Test
    void aStartWaitsForAServiceStillStoppingFirst() {
        SimulatedServices.Service db = machine.services().install("Late", ServiceState.STOP_PENDING);

        scm.start("Late", timeout);

        assertThat(db.history()).containsExactly(ServiceState.STOPPED, ServiceState.RUNNING);
    }

    @Test
    void aWaitThatTimesOutBeforeTheStopSaysWhatItWaitedFor() {
        machine.services().install("Hung", ServiceState.STOP_PENDING).hangOnStop();

        assertThatThrownBy(() -> scm.stop("Hung", Duration.ZERO)).isInstanceOf(ProcedureException.class)
                .hasMessageContaining("still SERVICE_STOP_PENDING after 0 ms, waiting for SERVICE_STOPPED");
        assertThatThrownBy(() -> scm.start("Hung", Duration.ZERO)).isInstanceOf(ProcedureException.class)
                .hasMessageContaining("still SERVICE_STOP_PENDING after 0 ms, waiting to finish stopping before the "
                        + "start");
    }

    /** Runs {@code calls} with a handle to {@code name} opened for SERVICE_QUERY_STATUS, SERVICE_START, SERVICE_STOP. */
    private static void withHandle(String name, java.util.function.Consumer<com.sun.jna.Pointer> calls) {
        Exports x = Exports.current();
        com.sun.jna.Pointer manager = x.openSCManager(null, null, 0x1);
        com.sun.jna.Pointer h = x.openService(manager, org.vss4j.com.Utf16.toNative(name), 0x4 | 0x10 | 0x20);
        try {
            calls.accept(h);
        } finally {
            x.closeServiceHandle(h);
            x.closeServiceHandle(manager);
        }
    }

    /** ControlService(SERVICE_CONTROL_STOP) into a SERVICE_STATUS filled with 0xFF: whether it succeeded. */
    private static boolean controlStop(com.sun.jna.Pointer h, com.sun.jna.Memory status) {
        status.setMemory(0, status.size(), (byte) 0xFF);
        return Exports.current().controlService(h, 0x1, status);
    }

    @Test
    void startServiceOnAnyStateButStoppedIsAlreadyRunningAsOnWindows() {
        for (ServiceState state : new ServiceState[] {ServiceState.PAUSED, ServiceState.STOP_PENDING,
            ServiceState.PAUSE_PENDING, ServiceState.CONTINUE_PENDING, ServiceState.START_PENDING}) {
            machine.services().install("S" + state, state);
            withHandle("S" + state, h -> {
                assertThat(Exports.current().startService(h)).isFalse();
                assertThat(Exports.current().lastError()).as("%s", state)
                        .isEqualTo(Win32Error.ERROR_SERVICE_ALREADY_RUNNING);
            });
        }
    }

    @Test
    void aPausedServiceReceivesTheStopAndAFailedControlStillFillsTheStatus() {
        machine.services().install("Paused", ServiceState.PAUSED);
        machine.services().install("Starting", ServiceState.START_PENDING);
        machine.services().install("Stopped", ServiceState.STOPPED);
        com.sun.jna.Memory status = new com.sun.jna.Memory(28);

        withHandle("Paused", h -> {
            assertThat(controlStop(h, status)).isTrue();
            // SERVICE_STATUS: dwCurrentState at 4, dwCheckPoint at 20, dwWaitHint at 24 (winsvc.h).
            assertThat(status.getInt(4)).isEqualTo(ServiceState.STOP_PENDING.value());
            assertThat(status.getInt(20)).isZero();
            assertThat(status.getInt(24)).isEqualTo(2000);
        });
        withHandle("Starting", h -> {
            assertThat(controlStop(h, status)).isFalse();
            assertThat(Exports.current().lastError()).isEqualTo(Win32Error.ERROR_SERVICE_CANNOT_ACCEPT_CTRL);
            assertThat(status.getInt(4)).isEqualTo(ServiceState.START_PENDING.value());
            assertThat(status.getInt(8)).isZero(); // no control accepted while starting
            assertThat(status.getInt(24)).isEqualTo(2000);
        });
        withHandle("Stopped", h -> {
            assertThat(controlStop(h, status)).isFalse();
            assertThat(Exports.current().lastError()).isEqualTo(Win32Error.ERROR_SERVICE_NOT_ACTIVE);
            assertThat(status.getInt(4)).isEqualTo(ServiceState.STOPPED.value());
            assertThat(status.getInt(24)).isZero();
        });
        assertThat(machine.services().get("Paused").state()).isEqualTo(ServiceState.STOP_PENDING);
        scm.stop("Paused", timeout);
        assertThat(machine.services().get("Paused").state()).isEqualTo(ServiceState.STOPPED);
    }

    @Test
    void aDelayedRenameOfAMissingSourceIsRegisteredAndSkippedAtTheRebootIfStillMissing() throws IOException {
        Files.writeString(c.resolve("data.db"), "live");
        RebootReplace reboot = RebootReplace.local();

        // Windows only records a delayed rename: the source may exist by the reboot.
        reboot.schedule("C:\\later.db", "C:\\data.db");
        reboot.schedule("C:\\missing\\dir.db", "C:\\data.db");
        assertThat(machine.pendingRenames().pending()).extracting(PendingRenamesView::of)
                .containsExactly("C:\\later.db>C:\\data.db", "C:\\missing\\dir.db>C:\\data.db");
        Files.writeString(c.resolve("later.db"), "arrived");

        assertThat(machine.reboot()).extracting(PendingRenamesView::of).containsExactly("C:\\later.db>C:\\data.db");
        assertThat(Files.readString(c.resolve("data.db"))).isEqualTo("arrived");
    }

    @Test
    void aDelayedRenameFromARemoteShareIsRefused() {
        Exports x = Exports.current();

        assertThat(x.moveFileEx(org.vss4j.com.Utf16.toNative("\\\\server\\share\\data.db"),
                org.vss4j.com.Utf16.toNative("C:\\data.db"), 0x4 | 0x1)).isFalse();
        assertThat(x.lastError()).isEqualTo(Win32Error.ERROR_INVALID_PARAMETER);
        assertThat(machine.pendingRenames().pending()).isEmpty();
    }

    /** A pending rename as "from>to". */
    private static final class PendingRenamesView {
        static String of(org.vss4j.sim.PendingRenames.Rename r) {
            return r.from() + ">" + r.to();
        }
    }
}
