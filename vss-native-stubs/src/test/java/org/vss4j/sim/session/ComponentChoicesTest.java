package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.VssHresult;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentChoice;
import org.vss4j.session.ComponentSelection;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * {@link BackupSession#componentChoices()}: every component of every writer, whether it was added and why, as a dry
 * run shows them; {@link BackupSession#skippedWriters()} and {@link BackupSession#result()}.
 */
@ExtendWith(VssSimulatorExtension.class)
class ComponentChoicesTest {

    @TempDir
    Path temp;

    SessionFixture fx;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
        for (String f : new String[] {"sets\\a\\1.txt", "sets\\a\\sub\\2.txt", "sets\\b\\4.txt",
            "sets\\config\\c.ini", "base\\base.dat", "other\\o.txt"}) {
            SessionFixture.write(fx.c, f, f);
        }
        SimulatedWriter base = machine.addWriter(SimulatedWriter.builder("BaseWriter")
                .component(WriterComponent.fileGroup("", "base").withFile(FileSpec.of("C:\\base", "*", false)))
                .component(WriterComponent.fileGroup("", "unused").withFile(FileSpec.of("C:\\other", "*", false)))
                .build());
        machine.addWriter(SimulatedWriter.builder("SetWriter")
                .component(WriterComponent.fileGroup("", "A").withFile(FileSpec.of("C:\\sets\\a", "*", false)))
                .component(WriterComponent.fileGroup("A", "sub").withFile(FileSpec.of("C:\\sets\\a\\sub", "*",
                        false)).withDependency(base.metadata().writerClassId(), "", "base"))
                .component(WriterComponent.fileGroup("A", "fixed").withSelectable(false))
                .component(WriterComponent.fileGroup("", "B").withFile(FileSpec.of("C:\\sets\\b", "*", false)))
                .component(WriterComponent.fileGroup("", "config").withSelectable(false)
                        .withFile(FileSpec.of("C:\\sets\\config", "*", false)))
                .build());
        machine.addWriter(SimulatedWriter.builder("Broken").build())
                .failAt(WriterEvent.IDENTIFY, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
    }

    private static Map<String, ComponentChoice> byName(BackupSession s) {
        Map<String, ComponentChoice> out = new TreeMap<>();
        s.componentChoices().forEach(c -> out.put(c.component().writer().name() + ":" + c.component().fullPath(), c));
        return out;
    }

    @Test
    void eachComponentSaysWhetherItIsAddedAndWhy() {
        try (BackupSession s = fx.session().components(ComponentSelection.component("SetWriter", "A")).start()) {
            Map<String, ComponentChoice> c = byName(s);
            assertThat(c).containsOnlyKeys("SetWriter:A", "SetWriter:A\\sub", "SetWriter:A\\fixed", "SetWriter:B",
                    "SetWriter:config", "BaseWriter:base", "BaseWriter:unused");
            assertThat(c.get("SetWriter:A").added()).isTrue();
            assertThat(c.get("SetWriter:A").reason()).isEqualTo("selected");
            assertThat(c.get("SetWriter:config").added()).isTrue();
            assertThat(c.get("SetWriter:config").selectable()).isFalse();
            assertThat(c.get("SetWriter:config").reason()).startsWith("nonselectable with no selectable ancestor");
            assertThat(c.get("BaseWriter:base").added()).isTrue();
            assertThat(c.get("BaseWriter:base").reason()).isEqualTo("a dependency of A\\sub (writer "
                    + c.get("SetWriter:A").component().writer() + ") pulled it in");
            assertThat(c.get("SetWriter:A\\sub").added()).isFalse();
            assertThat(c.get("SetWriter:A\\sub").reason()).isEqualTo("included with its component set A");
            assertThat(c.get("SetWriter:A\\fixed").reason()).isEqualTo("included with its component set A");
            assertThat(c.get("SetWriter:B").reason()).isEqualTo("not selected");
            assertThat(c.get("BaseWriter:unused").reason()).isEqualTo("not selected");
            assertThat(s.skippedWriters()).singleElement().satisfies(w -> assertThat(w.name()).isEqualTo("Broken"));
            assertThat(s.result()).isEmpty();
            SessionFixture.copyAll(s);
            BackupResult r = s.complete();
            assertThat(s.result()).containsSame(r);
        }
    }

    @Test
    void aNonselectableComponentInsideASetNotSelectedSaysSo() {
        try (BackupSession s = fx.session().components(ComponentSelection.component("SetWriter", "B")).start()) {
            Map<String, ComponentChoice> c = byName(s);
            assertThat(c.get("SetWriter:B").reason()).isEqualTo("selected");
            assertThat(c.get("SetWriter:A\\fixed").reason()).isEqualTo("not selectable on its own: it is backed up "
                    + "with its component set A, which was not selected");
            assertThat(c.get("SetWriter:A").reason()).isEqualTo("not selected");
        }
    }

    @Test
    void inVolumeModeAComponentOnAnotherVolumeSaysItsVolumeIsNotInTheSet(SimulatedMachine machine) {
        Path e = SessionFixture.mkdirs(temp.resolve("e"));
        SessionFixture.write(e, "e.txt", "on E");
        machine.addVolume(e, "E:\\");
        machine.addWriter(SimulatedWriter.builder("EWriter").component(WriterComponent.fileGroup("", "onE")
                .withFile(FileSpec.of("E:\\", "*", true))).build());
        try (BackupSession s = fx.session().volumeMode().volumes("C:\\").start()) {
            Map<String, ComponentChoice> c = byName(s);
            assertThat(c.get("EWriter:onE").added()).isFalse();
            assertThat(c.get("EWriter:onE").reason())
                    .isEqualTo("volume mode: its file sets are on no volume of the shadow copy set");
            assertThat(c.get("SetWriter:B").reason()).startsWith("volume mode: no component is added; its files");
        }
    }
}
