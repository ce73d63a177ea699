package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vss4j.sim.session.SessionFixture.outcome;
import static org.vss4j.sim.session.SessionFixture.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.FileRestoreStatus;
import org.vss4j.RestoreMethod;
import org.vss4j.WriterRestore;
import org.vss4j.com.Exports;
import org.vss4j.com.Win32Error;
import org.vss4j.diagnostics.ServiceState;
import org.vss4j.procedures.ServiceControl;
import org.vss4j.procedures.Win32ServiceControl;
import org.vss4j.session.RestoreItem;
import org.vss4j.session.RestoreOutcome;
import org.vss4j.session.RestoreResult;
import org.vss4j.session.RestoreSession;
import org.vss4j.session.RestoreSessionBuilder;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedServices;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * The restore methods that need a service stop or a reboot, with and without the caller's consent
 * ({@link RestoreSessionBuilder#stopServices}, {@link RestoreSessionBuilder#restoreAtReboot}), against the simulated
 * service control manager and MoveFileExW (Microsoft docs, "VSS_RESTOREMETHOD_ENUM"; docs/restore-procedures.md).
 */
@ExtendWith(VssSimulatorExtension.class)
class RestoreProceduresTest {

    private static final String SFRS = "IVssBackupComponents::SetFileRestoreStatus";
    private static final String SERVICE = "AppService";

    @TempDir
    Path temp;

    private SessionFixture fx;
    private SimulatedMachine machine;
    private Map<String, String> saved = Map.of();
    /** What the recording service control did: "stop AppService" and the writer's last event then. */
    private final List<String> serviceLog = new ArrayList<>();

    @BeforeEach
    void setUp(SimulatedMachine m) {
        machine = m;
        fx = new SessionFixture(m, temp);
        SessionFixture.write(fx.c, "one\\a.txt", "a");
        SessionFixture.write(fx.c, "two\\b.txt", "b");
    }

    private SimulatedWriter addWriter(RestoreMethod method) {
        return machine.addWriter(SimulatedWriter.builder("AppWriter")
                .component(WriterComponent.fileGroup("", "one").withFile(FileSpec.of("C:\\one", "*", false)))
                .component(WriterComponent.fileGroup("", "two").withFile(FileSpec.of("C:\\two", "*", false)))
                .restoreMethod(method, SERVICE, "call support", WriterRestore.ALWAYS, false).build());
    }

    private String backup(SimulatedWriter w) {
        SessionFixture.Backup b = fx.backUpComponents(w.metadata().writerClassId());
        saved = b.saved();
        return b.document();
    }

    /** The saved files of {@code item}: Windows path to content. */
    private Map<String, String> filesOf(RestoreItem item) {
        String prefix = item.files().path().toLowerCase(Locale.ROOT) + "\\";
        Map<String, String> out = new java.util.TreeMap<>();
        saved.forEach((path, content) -> {
            if (path.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                out.put(path, content);
            }
        });
        return out;
    }

    private Path host(String windowsPath) {
        return fx.c.resolve(windowsPath.substring("C:\\".length()).replace('\\', '/'));
    }

    private void write(String windowsPath, String content) {
        try {
            Files.writeString(host(windowsPath), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void copyBack(RestoreItem item) {
        filesOf(item).forEach(this::write);
    }

    private String read(String rel) throws IOException {
        return Files.readString(fx.c.resolve(rel));
    }

    /** A service control that logs each stop and start with the writer's last event at that moment. */
    private ServiceControl recording(SimulatedWriter w) {
        ServiceControl real = new Win32ServiceControl(Exports.current(), Duration.ofMillis(1));
        return new ServiceControl() {
            @Override
            public ServiceState state(String service) {
                return real.state(service);
            }

            @Override
            public void stop(String service, Duration timeout) {
                serviceLog.add("stop " + service + " after " + last(w) + sfrsCalls());
                real.stop(service, timeout);
            }

            @Override
            public void start(String service, Duration timeout) {
                serviceLog.add("start " + service + " after " + last(w) + sfrsCalls());
                real.start(service, timeout);
            }
        };
    }

    private static WriterEvent last(SimulatedWriter w) {
        List<WriterEvent> e = w.events();
        return e.get(e.size() - 1);
    }

    private String sfrsCalls() {
        return machine.faults().callLog().contains(SFRS) ? ", SetFileRestoreStatus called" : "";
    }

    private SimulatedServices.Service service() {
        return machine.services().get(SERVICE);
    }

    @Test
    void stopRestoreStartStopsTheServiceAfterPreRestoreAndStartsItBeforeTheStatusAndPostRestore() throws IOException {
        SimulatedWriter w = addWriter(RestoreMethod.STOP_RESTORE_START);
        String bcd = backup(w);
        SessionFixture.write(fx.c, "one\\a.txt", "damaged");
        assertThat(service().state()).isEqualTo(ServiceState.RUNNING);
        machine.faults().recordCalls();
        RestoreResult result;
        try (RestoreSession s = restore(bcd).stopServices(true).serviceControl(recording(w)).start()) {
            assertThat(s.items()).extracting(RestoreItem::action)
                    .containsOnly(RestoreItem.Action.REPLACE_WITH_SERVICE_STOPPED);
            assertThat(service().state()).isEqualTo(ServiceState.STOPPED);
            s.items().forEach(i -> {
                copyBack(i);
                s.restored(i);
            });
            result = s.complete();
        }
        assertThat(serviceLog).containsExactly("stop AppService after PRE_RESTORE",
                "start AppService after PRE_RESTORE");
        assertThat(last(w)).isEqualTo(WriterEvent.POST_RESTORE);
        assertThat(service().state()).isEqualTo(ServiceState.RUNNING);
        assertThat(service().history()).containsExactly(ServiceState.STOPPED, ServiceState.RUNNING);
        assertThat(read("one/a.txt")).isEqualTo("a");
        assertThat(result.allRestored()).isTrue();
        assertThat(w.seenAt(WriterEvent.POST_RESTORE)).extracting(c -> c.fileRestoreStatus())
                .containsOnly(FileRestoreStatus.ALL);
    }

    @Test
    void aPausedServiceIsStoppedBeforeTheCopyAndEndsRunning() {
        SimulatedWriter w = addWriter(RestoreMethod.STOP_RESTORE_START);
        String bcd = backup(w);
        service().state(ServiceState.PAUSED);
        machine.faults().recordCalls();
        RestoreResult result;
        try (RestoreSession s = restore(bcd).stopServices(true).serviceControl(recording(w)).start()) {
            // Paused, the service still holds its files: it is stopped like a running one.
            assertThat(s.items()).extracting(RestoreItem::action)
                    .containsOnly(RestoreItem.Action.REPLACE_WITH_SERVICE_STOPPED);
            assertThat(service().state()).isEqualTo(ServiceState.STOPPED);
            s.items().forEach(s::restored);
            result = s.complete();
        }
        assertThat(serviceLog).containsExactly("stop AppService after PRE_RESTORE",
                "start AppService after PRE_RESTORE");
        assertThat(service().state()).isEqualTo(ServiceState.RUNNING);
        assertThat(result.allRestored()).isTrue();
    }

    @Test
    void withoutConsentNoServiceIsTouchedAndTheReasonSaysHowToAllowIt() {
        SimulatedWriter w = addWriter(RestoreMethod.STOP_RESTORE_START);
        String bcd = backup(w);
        RestoreResult result;
        try (RestoreSession s = restore(bcd).restoreAtReboot(true).start()) {
            assertThat(s.items()).noneMatch(RestoreItem::toCopy);
            result = s.complete();
        }
        assertThat(outcome(result, "one").restored()).isFalse();
        assertThat(outcome(result, "one").reason()).isEqualTo("not restored: needs service stop (AppService); allow "
                + "the session to stop and start it with RestoreSessionBuilder.stopServices(true) (needs "
                + "administrator rights)");
        assertThat(outcome(result, "one").status()).isEqualTo(FileRestoreStatus.NONE);
        assertThat(service().history()).isEmpty();
    }

    @Test
    void restoreStopStartCopiesWhileTheServiceRunsThenStopsAndStartsItAfterPostRestore() {
        SimulatedWriter w = addWriter(RestoreMethod.RESTORE_STOP_START);
        String bcd = backup(w);
        machine.faults().recordCalls();
        RestoreResult result;
        try (RestoreSession s = restore(bcd).stopServices(true).serviceControl(recording(w)).start()) {
            assertThat(s.items()).extracting(RestoreItem::action)
                    .containsOnly(RestoreItem.Action.REPLACE_THEN_RESTART_SERVICE);
            assertThat(service().state()).isEqualTo(ServiceState.RUNNING);
            s.items().forEach(i -> {
                copyBack(i);
                s.restored(i);
            });
            assertThat(serviceLog).isEmpty();
            result = s.complete();
        }
        // Microsoft docs, "VSS_RESTOREMETHOD_ENUM", VSS_RME_RESTORE_STOP_START: restore the files, send PostRestore
        // and wait for the writers, then stop and restart the service.
        assertThat(serviceLog).containsExactly("stop AppService after POST_RESTORE, SetFileRestoreStatus called",
                "start AppService after POST_RESTORE, SetFileRestoreStatus called");
        assertThat(service().history()).containsExactly(ServiceState.STOPPED, ServiceState.RUNNING);
        assertThat(result.allRestored()).isTrue();
    }

    @Test
    void restoreStopStartLeavesAServiceThatWasStoppedStopped() {
        SimulatedWriter w = addWriter(RestoreMethod.RESTORE_STOP_START);
        String bcd = backup(w);
        service().state(ServiceState.STOPPED);
        machine.faults().recordCalls();
        RestoreResult result;
        try (RestoreSession s = restore(bcd).stopServices(true).serviceControl(recording(w)).start()) {
            s.items().forEach(s::restored);
            result = s.complete();
        }
        // It reads the restored files whenever it is started; the restore does not start it.
        assertThat(serviceLog).isEmpty();
        assertThat(service().state()).isEqualTo(ServiceState.STOPPED);
        assertThat(service().history()).isEmpty();
        assertThat(result.allRestored()).isTrue();
    }

    @Test
    void aServiceThatWillNotStopLeavesItsComponentsUncopiedAndNamesTheCall() {
        SimulatedWriter w = addWriter(RestoreMethod.STOP_RESTORE_START);
        String bcd = backup(w);
        service().failStop(Win32Error.ERROR_DEPENDENT_SERVICES_RUNNING);
        machine.faults().recordCalls();
        RestoreResult result;
        try (RestoreSession s = restore(bcd).stopServices(true).serviceControl(recording(w)).start()) {
            assertThat(s.items()).noneMatch(RestoreItem::toCopy);
            assertThat(s.items().get(0).reason()).startsWith("needs service stop (AppService), which failed: "
                    + "ControlService(AppService, SERVICE_CONTROL_STOP) failed with Win32 error 1051 "
                    + "(ERROR_DEPENDENT_SERVICES_RUNNING)");
            result = s.complete();
        }
        // One stop for the writer's service, not one per component; nothing to start again.
        assertThat(serviceLog).containsExactly("stop AppService after PRE_RESTORE");
        assertThat(service().state()).isEqualTo(ServiceState.RUNNING);
        assertThat(outcome(result, "two").status()).isEqualTo(FileRestoreStatus.NONE);
        assertThat(outcome(result, "two").reason()).contains("ERROR_DEPENDENT_SERVICES_RUNNING");
    }

    @Test
    void aRunningDependentServiceIsNeverStoppedAndLeavesTheComponentsNotRestored() {
        SimulatedWriter w = addWriter(RestoreMethod.STOP_RESTORE_START);
        String bcd = backup(w);
        SimulatedServices.Service web = machine.services().install("AppWeb", ServiceState.RUNNING).dependsOn(SERVICE);
        RestoreResult result;
        try (RestoreSession s = restore(bcd).stopServices(true).start()) {
            assertThat(s.items()).noneMatch(RestoreItem::toCopy);
            result = s.complete();
        }
        assertThat(outcome(result, "one").reason()).contains("ControlService(AppService, SERVICE_CONTROL_STOP) failed "
                + "with Win32 error 1051 (ERROR_DEPENDENT_SERVICES_RUNNING)");
        assertThat(outcome(result, "one").status()).isEqualTo(FileRestoreStatus.NONE);
        assertThat(web.state()).isEqualTo(ServiceState.RUNNING);
        assertThat(service().state()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void aStoppedDependentDoesNotHoldTheStop() {
        SimulatedWriter w = addWriter(RestoreMethod.STOP_RESTORE_START);
        String bcd = backup(w);
        machine.services().install("AppWeb", ServiceState.STOPPED).dependsOn(SERVICE);
        try (RestoreSession s = restore(bcd).stopServices(true).start()) {
            assertThat(s.items()).allMatch(RestoreItem::toCopy);
            s.items().forEach(s::restored);
            assertThat(s.complete().allRestored()).isTrue();
        }
        assertThat(service().history()).containsExactly(ServiceState.STOPPED, ServiceState.RUNNING);
    }

    @Test
    void aStopTheServiceAbandonsLeavesTheComponentsUncopiedAndTheServiceIsNotStartedAgain() {
        SimulatedWriter w = addWriter(RestoreMethod.STOP_RESTORE_START);
        String bcd = backup(w);
        service().abandonsStop();
        machine.faults().recordCalls();
        RestoreResult result;
        try (RestoreSession s = restore(bcd).stopServices(true).serviceControl(recording(w)).start()) {
            assertThat(s.items()).noneMatch(RestoreItem::toCopy);
            result = s.complete();
        }
        // It runs again: a start would fail with ERROR_SERVICE_ALREADY_RUNNING and be reported as a failure.
        assertThat(serviceLog).containsExactly("stop AppService after PRE_RESTORE");
        assertThat(outcome(result, "one").reason()).startsWith("not restored: needs service stop (AppService), which "
                + "failed: ControlService(AppService, SERVICE_CONTROL_STOP) failed: the service is running again");
        assertThat(service().state()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void aServiceThatWillNotStartAgainIsNamedInTheOutcomeAfterTheFilesAreRestored() {
        SimulatedWriter w = addWriter(RestoreMethod.STOP_RESTORE_START);
        String bcd = backup(w);
        service().failStart(Win32Error.ERROR_SERVICE_REQUEST_TIMEOUT);
        RestoreResult result;
        try (RestoreSession s = restore(bcd).stopServices(true).start()) {
            s.items().forEach(i -> {
                copyBack(i);
                s.restored(i);
            });
            result = s.complete();
        }
        RestoreOutcome one = outcome(result, "one");
        assertThat(one.restored()).isFalse();
        assertThat(one.status()).isEqualTo(FileRestoreStatus.ALL);
        assertThat(one.reason()).startsWith("files restored, but service AppService could not be started again: "
                + "StartServiceW(AppService) failed with Win32 error 1053 (ERROR_SERVICE_REQUEST_TIMEOUT)");
        assertThat(result.allRestored()).isFalse();
        assertThat(service().state()).isEqualTo(ServiceState.STOPPED);
        assertThat(last(w)).isEqualTo(WriterEvent.POST_RESTORE);
    }

    @Test
    void closingWithoutCompleteStartsTheStoppedServiceAgainBeforePostRestore() {
        SimulatedWriter w = addWriter(RestoreMethod.STOP_RESTORE_START);
        String bcd = backup(w);
        machine.faults().recordCalls();
        try (RestoreSession s = restore(bcd).stopServices(true).serviceControl(recording(w)).start()) {
            assertThat(service().state()).isEqualTo(ServiceState.STOPPED);
        }
        assertThat(serviceLog).containsExactly("stop AppService after PRE_RESTORE",
                "start AppService after PRE_RESTORE");
        assertThat(service().state()).isEqualTo(ServiceState.RUNNING);
        assertThat(last(w)).isEqualTo(WriterEvent.POST_RESTORE);
    }

    @Test
    void restoreAtRebootStagesEachFileAndTheSimulatedRebootPutsItInPlace() throws IOException {
        SimulatedWriter w = addWriter(RestoreMethod.RESTORE_AT_REBOOT);
        String bcd = backup(w);
        SessionFixture.write(fx.c, "one\\a.txt", "damaged");
        RestoreResult result;
        try (RestoreSession s = restore(bcd).restoreAtReboot(true).start()) {
            assertThat(s.items()).extracting(RestoreItem::action).containsOnly(RestoreItem.Action.STAGE_FOR_REBOOT);
            for (RestoreItem item : s.items()) {
                filesOf(item).forEach((target, content) -> {
                    write(item.stagingPath(target), content);
                    s.staged(item, target);
                });
                s.restored(item);
            }
            result = s.complete();
        }
        assertThat(read("one/a.txt")).isEqualTo("damaged");
        assertThat(machine.pendingRenames().pending()).extracting(r -> r.from() + ">" + r.to()).containsExactly(
                "C:\\one\\a.txt.vss4j-restore-at-reboot>C:\\one\\a.txt",
                "C:\\two\\b.txt.vss4j-restore-at-reboot>C:\\two\\b.txt");
        RestoreOutcome one = outcome(result, "one");
        assertThat(one.restored()).isTrue();
        assertThat(one.status()).isEqualTo(FileRestoreStatus.ALL);
        assertThat(one.reason()).startsWith("restored at next reboot: 1 file(s) replaced then");

        machine.reboot();

        assertThat(read("one/a.txt")).isEqualTo("a");
        assertThat(fx.c.resolve("one/a.txt.vss4j-restore-at-reboot")).doesNotExist();
    }

    @Test
    void restoreAtRebootIfCannotReplaceSchedulesOnlyWhatCouldNotBeReplaced() throws IOException {
        SimulatedWriter w = addWriter(RestoreMethod.RESTORE_AT_REBOOT_IF_CANNOT_REPLACE);
        String bcd = backup(w);
        SessionFixture.write(fx.c, "one\\a.txt", "damaged");
        SessionFixture.write(fx.c, "two\\b.txt", "in use");
        RestoreResult result;
        try (RestoreSession s = restore(bcd).restoreAtReboot(true).start()) {
            assertThat(s.items()).extracting(RestoreItem::action)
                    .containsOnly(RestoreItem.Action.REPLACE_OR_STAGE_FOR_REBOOT);
            for (RestoreItem item : s.items()) {
                boolean replaceable = item.component().name().equals("one");
                filesOf(item).forEach((target, content) -> {
                    if (replaceable) {
                        write(target, content);
                    } else {
                        write(item.stagingPath(target), content);
                        s.staged(item, target);
                    }
                });
                s.restored(item);
            }
            result = s.complete();
        }
        assertThat(read("one/a.txt")).isEqualTo("a");
        assertThat(machine.pendingRenames().pending()).extracting(r -> r.to()).containsExactly("C:\\two\\b.txt");
        assertThat(outcome(result, "one").reason()).isNull();
        assertThat(outcome(result, "two").reason()).startsWith("restored at next reboot: 1 file(s)");
        assertThat(result.outcomes()).extracting(RestoreOutcome::status).containsOnly(FileRestoreStatus.ALL);
        machine.reboot();
        assertThat(read("two/b.txt")).isEqualTo("b");
    }

    @Test
    void withoutConsentNothingIsStagedAndTheReasonSaysHowToAllowIt() {
        SimulatedWriter w = addWriter(RestoreMethod.RESTORE_AT_REBOOT);
        String bcd = backup(w);
        RestoreResult result;
        try (RestoreSession s = restore(bcd).stopServices(true).start()) {
            assertThat(s.items()).noneMatch(RestoreItem::toCopy);
            result = s.complete();
        }
        assertThat(outcome(result, "one").reason()).isEqualTo("not restored: needs reboot; allow replacing the files "
                + "at the next reboot with RestoreSessionBuilder.restoreAtReboot(true) (needs administrator rights)");
        assertThat(machine.pendingRenames().pending()).isEmpty();
    }

    @Test
    void aCustomProcedureIsNeverPerformedEvenWithBothAllowed() {
        SimulatedWriter w = addWriter(RestoreMethod.CUSTOM);
        String bcd = backup(w);
        RestoreResult result;
        try (RestoreSession s = restore(bcd).stopServices(true).restoreAtReboot(true).start()) {
            assertThat(s.items()).noneMatch(RestoreItem::toCopy);
            result = s.complete();
        }
        assertThat(outcome(result, "one").reason()).isEqualTo("not restored: needs custom procedure (call support)");
        assertThat(service()).isNull();
        assertThat(machine.pendingRenames().pending()).isEmpty();
    }

    // ---- procedures and new targets -------------------------------------------------------------------------------

    private SimulatedWriter addWriterWithNewTargets(RestoreMethod method) {
        return machine.addWriter(SimulatedWriter.builder("AppWriter")
                .component(WriterComponent.fileGroup("", "one").withFile(FileSpec.of("C:\\one", "*", false)))
                .restoreMethod(method, SERVICE, null, WriterRestore.ALWAYS, false)
                .backupSchema(org.vss4j.BackupSchema.WRITER_SUPPORTS_NEW_TARGET.value()).build());
    }

    @Test
    void aNewTargetRootTakesTheFilesOfAServiceStopElsewhereWithoutStoppingTheService() {
        SimulatedWriter w = addWriterWithNewTargets(RestoreMethod.STOP_RESTORE_START);
        String bcd = backup(w);
        try (RestoreSession s = restore(bcd).stopServices(true).serviceControl(recording(w))
                .newTargetRoot("D:\\restore").start()) {
            // The stop exists to replace files the service holds; at a new location nothing holds them.
            assertThat(s.items()).extracting(RestoreItem::action, RestoreItem::target).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(RestoreItem.Action.COPY_TO_NEW_TARGET, "D:\\restore\\C\\one"));
            s.items().forEach(s::restored);
            assertThat(s.complete().allRestored()).isTrue();
        }
        assertThat(serviceLog).isEmpty();
        assertThat(service().state()).isEqualTo(ServiceState.RUNNING);
        assertThat(w.seenAt(WriterEvent.PRE_RESTORE).get(0).newTargets()).extracting(org.vss4j.FileSet::alternateLocation)
                .containsExactly("D:\\restore\\C\\one");
    }

    @Test
    void aNewTargetTakesTheFilesOfARebootReplacementEvenWithoutConsentToTheReboot() {
        SimulatedWriter w = addWriterWithNewTargets(RestoreMethod.RESTORE_AT_REBOOT);
        String bcd = backup(w);
        try (RestoreSession s = restore(bcd).newTarget(w.metadata().writerClassId(), "one", "C:\\one", "*", false,
                "D:\\x").start()) {
            assertThat(s.items()).extracting(RestoreItem::action, RestoreItem::target).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(RestoreItem.Action.COPY_TO_NEW_TARGET, "D:\\x"));
            s.items().forEach(s::restored);
            assertThat(s.complete().allRestored()).isTrue();
        }
    }

    @Test
    void aNewTargetForACustomProcedureIsRefused() {
        SimulatedWriter w = addWriterWithNewTargets(RestoreMethod.CUSTOM);
        String bcd = backup(w);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> restore(bcd)
                .newTarget(w.metadata().writerClassId(), "one", "C:\\one", "*", false, "D:\\x").start())
                .isInstanceOfSatisfying(org.vss4j.session.BackupException.class, e -> {
                    assertThat(e.hresult()).isEqualTo(org.vss4j.VssHresult.E_INVALIDARG.code());
                    assertThat(e.getMessage()).contains("VSS_RME_CUSTOM");
                });
        assertThat(w.events()).doesNotContain(WriterEvent.PRE_RESTORE);
    }

    @Test
    void restoreStopStartRestartsTheServiceAfterTheCopyEvenWhenTheSessionIsClosedWithoutComplete() {
        SimulatedWriter w = addWriter(RestoreMethod.RESTORE_STOP_START);
        String bcd = backup(w);
        machine.faults().recordCalls();
        try (RestoreSession s = restore(bcd).stopServices(true).serviceControl(recording(w)).start()) {
            RestoreItem first = s.items().get(0);
            copyBack(first);
            s.restored(first);
        }
        // Closed while copying: the failure path sends PostRestore, then the service reads what was copied.
        assertThat(serviceLog).containsExactly("stop AppService after POST_RESTORE, SetFileRestoreStatus called",
                "start AppService after POST_RESTORE, SetFileRestoreStatus called");
        assertThat(service().state()).isEqualTo(ServiceState.RUNNING);
    }
}
