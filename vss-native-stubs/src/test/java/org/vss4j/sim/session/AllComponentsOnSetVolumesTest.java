package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupType;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentChoice;
import org.vss4j.session.ComponentOutcome;
import org.vss4j.session.ComponentSelection;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;

/**
 * {@code BackupSessionBuilder.allComponentsOnSetVolumes()}: component mode choosing, as vshadow does by default, every
 * top-level component whose files all lie on the set's volumes, and saying why each other one is left out.
 */
@ExtendWith(VssSimulatorExtension.class)
class AllComponentsOnSetVolumesTest {

    @TempDir
    Path temp;

    SessionFixture fx;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
        Path e = SessionFixture.mkdirs(temp.resolve("e"));
        machine.addVolume(e, "E:\\");
        for (String f : new String[] {"db\\db.mdf", "cfg\\c.ini", "split\\s.dat", "x\\x.dat", "a\\a.dat",
            "dep\\d.dat", "ok\\ok.dat"}) {
            SessionFixture.write(fx.c, f, f);
        }
        for (String f : new String[] {"split\\s2.dat", "far\\f.dat", "fixed\\f.dat"}) {
            SessionFixture.write(e, f, f);
        }
        machine.addWriter(SimulatedWriter.builder("OnC")
                .component(WriterComponent.fileGroup("", "db").withFile(FileSpec.of("C:\\db", "*", false)))
                .component(WriterComponent.fileGroup("", "cfg").withSelectable(false)
                        .withFile(FileSpec.of("C:\\cfg", "*", false)))
                .build());
        SimulatedWriter split = machine.addWriter(SimulatedWriter.builder("TwoVolumes")
                .component(WriterComponent.fileGroup("", "both").withFile(FileSpec.of("C:\\split", "*", false))
                        .withFile(FileSpec.of("E:\\split", "*", false)))
                .component(WriterComponent.fileGroup("", "conly").withFile(FileSpec.of("C:\\x", "*", false)))
                .component(WriterComponent.fileGroup("", "A").withFile(FileSpec.of("C:\\a", "*", false)))
                .component(WriterComponent.fileGroup("A", "far").withSelectable(false)
                        .withFile(FileSpec.of("E:\\far", "*", false)))
                .build());
        machine.addWriter(SimulatedWriter.builder("Dependent")
                .component(WriterComponent.fileGroup("", "dep").withFile(FileSpec.of("C:\\dep", "*", false))
                        .withDependency(split.metadata().writerClassId(), "", "both"))
                .build());
        machine.addWriter(SimulatedWriter.builder("RootOnE")
                .component(WriterComponent.fileGroup("", "fixed").withSelectable(false)
                        .withFile(FileSpec.of("E:\\fixed", "*", false)))
                .component(WriterComponent.fileGroup("", "ok").withFile(FileSpec.of("C:\\ok", "*", false)))
                .build());
    }

    private static Map<String, ComponentChoice> byName(BackupSession s) {
        Map<String, ComponentChoice> out = new TreeMap<>();
        s.componentChoices().forEach(c -> out.put(c.component().writer().name() + ":" + c.component().fullPath(), c));
        return out;
    }

    @Test
    void addsWhatLiesOnTheSetVolumesAndSaysWhyTheRestIsLeftOut() {
        try (BackupSession s = fx.session().type(BackupType.FULL).allComponentsOnSetVolumes().volumes("C:\\")
                .start()) {
            Map<String, ComponentChoice> c = byName(s);
            assertThat(c.entrySet().stream().filter(x -> x.getValue().added()).map(Map.Entry::getKey))
                    .containsExactlyInAnyOrder("OnC:db", "OnC:cfg", "TwoVolumes:conly");
            assertThat(c.get("OnC:db").reason()).isEqualTo("selected: its files are all inside the sources (on a "
                    + "volume given, or under a directory given)");
            assertThat(c.get("OnC:cfg").reason()).startsWith("nonselectable with no selectable ancestor");
            assertThat(c.get("TwoVolumes:both").reason()).isEqualTo("left out: its files under E:\\split are "
                    + "outside the sources C:\\");
            assertThat(c.get("TwoVolumes:A").reason()).isEqualTo("left out: its files under E:\\far are outside "
                    + "the sources C:\\");
            assertThat(c.get("TwoVolumes:A\\far").reason()).isEqualTo("left out with its component set A: its "
                    + "files under E:\\far are outside the sources C:\\");
            assertThat(c.get("Dependent:dep").reason()).startsWith("left out: it depends on both (writer ")
                    .endsWith("), which is left out: its files under E:\\split are outside the sources C:\\");
            assertThat(c.get("RootOnE:ok").added()).isFalse();
            assertThat(c.get("RootOnE:ok").reason()).isEqualTo("its writer is left out: its nonselectable "
                    + "component fixed, which a writer that takes part needs, is left out: its files under "
                    + "E:\\fixed are outside the sources C:\\");
            assertThat(s.leftOutComponents()).extracting(x -> x.component().writer().name() + ":"
                    + x.component().fullPath()).containsExactlyInAnyOrder("TwoVolumes:both", "TwoVolumes:A",
                    "TwoVolumes:A\\far", "Dependent:dep", "RootOnE:fixed", "RootOnE:ok");
            assertThat(s.items()).noneMatch(i -> i.originalPath().startsWith("E:"));
            SessionFixture.copyAll(s);
            BackupResult r = s.complete();
            assertThat(r.backupComponentsDocument()).contains("selectComponents=\"yes\"");
            assertThat(r.components().stream().collect(Collectors.toMap(o -> o.component().fullPath(),
                    ComponentOutcome::backupSucceeded))).containsOnly(Map.entry("db", true), Map.entry("cfg", true),
                    Map.entry("conly", true));
        }
    }

    @Test
    void aDirectorySourceAddsOnlyTheComponentsWhoseFilesAreAllUnderIt() {
        try (BackupSession s = fx.session().type(BackupType.FULL).allComponentsOnSetVolumes()
                .directories("E:\\fixed").start()) {
            Map<String, ComponentChoice> c = byName(s);
            // RootOnE:fixed is all inside E:\fixed; its volume E: also holds E:\split and E:\far, which are not asked.
            assertThat(c.entrySet().stream().filter(x -> x.getValue().added()).map(Map.Entry::getKey))
                    .containsExactly("RootOnE:fixed");
            assertThat(c.get("RootOnE:ok").reason()).isEqualTo("left out: its files under C:\\ok are outside the "
                    + "sources E:\\fixed");
            assertThat(c.get("TwoVolumes:A").reason()).isEqualTo("left out: its files under C:\\a, E:\\far are "
                    + "outside the sources E:\\fixed");
            assertThat(s.items()).extracting(i -> i.originalPath()).containsExactly("E:\\fixed\\f.dat");
        }
    }

    @Test
    void aComponentInsideOneOfSeveralSourcesIsAdded() {
        try (BackupSession s = fx.session().allComponentsOnSetVolumes().directories("C:\\db", "C:\\cfg")
                .volumes("E:\\").start()) {
            Map<String, ComponentChoice> c = byName(s);
            assertThat(c.get("OnC:db").added()).isTrue();
            assertThat(c.get("OnC:cfg").added()).isTrue();
            assertThat(c.get("TwoVolumes:both").reason()).isEqualTo("left out: its files under C:\\split are "
                    + "outside the sources E:\\, C:\\db, C:\\cfg");
        }
    }

    @Test
    void itChoosesTheComponentsItselfSoItGoesWithNoSelectionNorWithoutVolumes() {
        assertThatThrownBy(() -> fx.session().allComponentsOnSetVolumes().volumes("C:\\")
                .components(ComponentSelection.writer("OnC")).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not go with components");
        assertThatThrownBy(() -> fx.session().allComponentsOnSetVolumes().start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs the volumes of the set");
    }
}
