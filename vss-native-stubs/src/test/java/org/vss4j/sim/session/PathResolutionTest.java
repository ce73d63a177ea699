package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vss4j.VssHresult;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupException;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.BackupSession;
import org.vss4j.session.BackupSessionBuilder;
import org.vss4j.session.ComponentSelection;
import org.vss4j.session.UnresolvablePathException;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;

/**
 * Writer and caller paths in a whole session: what cannot be put on a volume fails naming path, writer and component
 * (or is reported where the session can do without it), and machine-scope variables are what writers' paths expand to.
 */
@ExtendWith(VssSimulatorExtension.class)
class PathResolutionTest {

    @TempDir
    Path temp;

    SessionFixture fx;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
    }

    /** A builder that expands writers' paths in the machine-scope environment (the default), not in a test map. */
    private BackupSessionBuilder machineScope() {
        return BackupSession.builder().listener(fx.events::add).phaseTimeout(Duration.ofSeconds(30));
    }

    private static SimulatedWriter writerWithFileSet(String path) {
        return SimulatedWriter.builder("PathWriter").component(WriterComponent.fileGroup("Apps", "app")
                .withFile(FileSpec.of(path, "*", true))).build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$AllVolumes$\\Data                  | $AllVolumes$ stands for every volume",
        "\\Device\\HarddiskVolume2\\App      | NT namespace name",
        "App\\Data                           | it is relative",
        "C:App\\Data                         | relative to the current directory of drive X",
        "\\\\fileserver\\share\\App          | network share",
        "M:\\App                             | ERROR_FILE_NOT_FOUND",
    })
    void aSelectedComponentWithAnUnresolvablePathFailsNamingWriterComponentAndPath(String path, String why,
            SimulatedMachine machine) {
        SessionFixture.write(fx.c, "App\\Data\\a.txt", "a");
        machine.addWriter(writerWithFileSet(path));
        assertThatThrownBy(() -> fx.session().components(ComponentSelection.writer("PathWriter")).start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.START_SNAPSHOT_SET);
                    assertThat(e.writer()).contains("PathWriter");
                    assertThat(e.hresult()).isEqualTo(VssHresult.E_INVALIDARG.code());
                    assertThat(e.getCause()).isInstanceOf(UnresolvablePathException.class);
                })
                .hasMessageContaining("file set " + path).hasMessageContaining("component 'Apps\\app'")
                .hasMessageContaining("writer 'PathWriter'").hasMessageContaining(why);
        assertThat(machine.snapshots()).isEmpty();
    }

    @Test
    void dotDotIsAppliedBeforeTheVolumeIsChosenSoAMountedFolderIsReadFromItsOwnShadowCopy(
            SimulatedMachine machine) throws IOException {
        Path d = SessionFixture.mkdirs(temp.resolve("d"));
        SessionFixture.write(d, "data\\m.txt", "mounted");
        machine.addVolume(d, "C:\\mnt\\d\\"); // makes the mounted folder C:\mnt\d
        Files.createDirectories(fx.c.resolve("mnt").resolve("x"));
        machine.addWriter(writerWithFileSet("C:\\mnt\\x\\..\\d\\data"));
        try (BackupSession s = fx.session().components(ComponentSelection.writer("PathWriter")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\mnt\\d\\data\\m.txt");
            BackupItem item = s.items().get(0);
            assertThat(item.volumeName()).isEqualTo("C:\\mnt\\d\\");
            assertThat(item.inSnapshot().startsWith(d)).isFalse();
        }
    }

    /**
     * A {@code ..} above the root: Win32 would stop at the root ({@code C:\data}), a lexical reading on the host
     * would leave the volume's directory. Neither is what the writer said: the selected component fails naming the
     * path, before any shadow copy is made.
     */
    @Test
    void aDotDotAboveTheVolumeRootIsRefusedNamingWriterAndComponent(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "data\\in.txt", "on the volume");
        SessionFixture.write(temp, "data\\out.txt", "beside the volume's directory");
        machine.addWriter(writerWithFileSet("C:\\app\\..\\..\\data"));
        assertThatThrownBy(() -> fx.session().components(ComponentSelection.writer("PathWriter")).start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.START_SNAPSHOT_SET);
                    assertThat(e.writer()).contains("PathWriter");
                    assertThat(((UnresolvablePathException) e.getCause()).reason())
                            .isEqualTo(UnresolvablePathException.Reason.ABOVE_ROOT);
                })
                .hasMessageContaining("component 'Apps\\app'").hasMessageContaining("climbs above the root");
        assertThat(machine.snapshots()).isEmpty();
    }

    /** An exclusion or attribution path with {@code ..} after {@code \\?\} is reported, not passed over at DEBUG. */
    @Test
    void aLiteralDotDotInAnExclusionIsReportedNotSilentlyDropped(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "keep\\k.txt", "k");
        machine.addWriter(SimulatedWriter.builder("Excluder")
                .exclude(FileSpec.of("\\\\?\\C:\\keep\\..\\keep", "*", true)).build());
        try (BackupSession s = fx.session().volumeMode().volumes("C:\\").start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\keep\\k.txt");
        }
        assertThat(fx.events).filteredOn(BackupEvent.PathIgnored.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((BackupEvent.PathIgnored) e).reason()).contains("excluded files",
                        "'.' and '..' are not normalised"));
    }

    @Test
    void anAllVolumesExclusionAppliesOnEveryVolume(SimulatedMachine machine) {
        Path d = SessionFixture.mkdirs(temp.resolve("d"));
        machine.addVolume(d, "D:\\");
        for (Path root : List.of(fx.c, d)) {
            SessionFixture.write(root, "System Volume Information\\{3808876b-c176-4e48-b7ae-04046e6cc752}", "diff");
            SessionFixture.write(root, "System Volume Information\\sub\\tracking.log", "log");
            SessionFixture.write(root, "keep\\k.txt", "k");
        }
        machine.addWriter(SimulatedWriter.builder("Shadow Copy Optimization Writer")
                .exclude(FileSpec.of("$AllVolumes$\\System Volume Information", "*", true)).build());
        try (BackupSession s = fx.session().volumeMode().volumes("C:\\", "D:\\").start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\keep\\k.txt", "D:\\keep\\k.txt");
        }
    }

    @Test
    void anExclusionThatCannotBeResolvedIsReportedNotSilentlyDropped(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "keep\\k.txt", "k");
        machine.addWriter(SimulatedWriter.builder("Excluder")
                .exclude(FileSpec.of("\\Device\\HarddiskVolume1\\keep", "*", true)).build());
        try (BackupSession s = fx.session().volumeMode().volumes("C:\\").start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\keep\\k.txt");
        }
        BackupEvent.PathIgnored ignored = fx.events.stream().filter(BackupEvent.PathIgnored.class::isInstance)
                .map(BackupEvent.PathIgnored.class::cast).findFirst().orElseThrow();
        assertThat(ignored.writer().name()).isEqualTo("Excluder");
        assertThat(ignored.path()).isEqualTo("\\Device\\HarddiskVolume1\\keep");
        assertThat(ignored.reason()).contains("excluded files", "NT namespace");
        assertThat(ignored.consequence()).isEqualTo("the exclusion is not applied");
    }

    @Test
    void inVolumeModeAWriterPathThatCannotBeResolvedLeavesItsFilesUnattributedAndSaysSo(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "App\\a.txt", "a");
        machine.addWriter(writerWithFileSet("App"));
        try (BackupSession s = fx.session().volumeMode().volumes("C:\\").start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\App\\a.txt");
            assertThat(s.items().get(0).component()).isNull();
        }
        assertThat(fx.events).filteredOn(BackupEvent.PathIgnored.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((BackupEvent.PathIgnored) e).reason())
                        .contains("component 'Apps\\app'", "it is relative"));
    }

    @Test
    void aVolumeGivenToTheSessionMustBeAWindowsVolumeNameAndIsCheckedBeforeAnyVssCall(SimulatedMachine machine) {
        String host = fx.c.toString();
        assertThatThrownBy(() -> fx.session().volumeMode().volumes(host).start())
                .isInstanceOf(UnresolvablePathException.class)
                .hasMessageContaining("volume " + host + " given to the session")
                .hasMessageContaining("one backslash is relative to the current drive");
        assertThat(fx.events).as("no phase started").isEmpty();
    }

    @Test
    void writersPathsExpandMachineScopeVariablesNotTheRequestersOwn(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "Windows\\TEMP\\app\\a.log", "machine temp");
        SessionFixture.write(fx.c, "ProgramData\\App\\cfg.ini", "config");
        machine.addWriter(SimulatedWriter.builder("ServiceWriter").component(WriterComponent.fileGroup("", "svc")
                .withFile(FileSpec.of("%TEMP%\\app", "*.log", false))
                .withFile(FileSpec.of("%ProgramData%\\App", "*", false))).build());
        try (BackupSession s = machineScope().components(ComponentSelection.writer("ServiceWriter")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\ProgramData\\App\\cfg.ini",
                    "C:\\Windows\\TEMP\\app\\a.log");
        }
    }

    @Test
    void aMachineScopeVariableTheTestChangesIsTheOneUsed(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "Temp\\Services\\a.log", "moved temp");
        machine.environment().set("temp", "C:\\Temp\\Services");
        machine.addWriter(SimulatedWriter.builder("ServiceWriter").component(WriterComponent.fileGroup("", "svc")
                .withFile(FileSpec.of("%TEMP%", "*.log", false))).build());
        try (BackupSession s = machineScope().components(ComponentSelection.writer("ServiceWriter")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\Temp\\Services\\a.log");
        }
    }

    @Test
    void aUserProfileVariableIsNeverMachineScopeEvenWhereTheBlockCarriesOne(SimulatedMachine machine) {
        // Windows may put USERPROFILE in a block made without a user token; whose profile it is, is unknown.
        machine.environment().set("USERPROFILE", "C:\\Users\\Default");
        SessionFixture.write(fx.c, "Users\\Default\\x.txt", "x");
        machine.addWriter(SimulatedWriter.builder("ProfileWriter").component(WriterComponent.fileGroup("", "p")
                .withFile(FileSpec.of("%USERPROFILE%", "*", false))).build());
        assertThatThrownBy(() -> machineScope().components(ComponentSelection.writer("ProfileWriter")).start())
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.writer()).contains("ProfileWriter"))
                .hasMessageContaining("%USERPROFILE% is not defined")
                .hasMessageContaining("machine-scope environment");
        assertThat(machine.snapshots()).isEmpty();
    }
}
