package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.VssHresult;
import org.vss4j.session.BackupException;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentRef;
import org.vss4j.session.ComponentSelection;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/** Selectability, component sets, dependencies and excluded writers. */
@ExtendWith(VssSimulatorExtension.class)
class ComponentSelectionTest {

    @TempDir
    Path temp;

    SessionFixture fx;
    SimulatedWriter sets;
    SimulatedWriter base;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
        for (String f : new String[] {"sets\\a\\1.txt", "sets\\a\\sub\\2.txt", "sets\\a\\fixed\\3.txt",
            "sets\\b\\4.txt", "sets\\config\\c.ini", "base\\base.dat"}) {
            SessionFixture.write(fx.c, f, f);
        }
        base = machine.addWriter(SimulatedWriter.builder("BaseWriter").component(WriterComponent.fileGroup("", "base")
                .withFile(FileSpec.of("C:\\base", "*", false))).build());
        // "A" is a selectable component set; "A\sub" selectable inside it; "A\fixed" nonselectable inside it;
        // "config" is nonselectable with no selectable ancestor, so it comes with any backup of the writer.
        sets = machine.addWriter(SimulatedWriter.builder("SetWriter")
                .component(WriterComponent.fileGroup("", "A").withFile(FileSpec.of("C:\\sets\\a", "*", false))
                        .withDependency(base.metadata().writerClassId(), "", "base"))
                .component(WriterComponent.fileGroup("A", "sub").withFile(FileSpec.of("C:\\sets\\a\\sub", "*",
                        false)))
                .component(WriterComponent.fileGroup("A", "fixed").withSelectable(false)
                        .withFile(FileSpec.of("C:\\sets\\a\\fixed", "*", false)))
                .component(WriterComponent.fileGroup("", "B").withFile(FileSpec.of("C:\\sets\\b", "*", false)))
                .component(WriterComponent.fileGroup("", "config").withSelectable(false)
                        .withFile(FileSpec.of("C:\\sets\\config", "*", false)))
                .build());
    }

    @Test
    void aComponentSetBringsItsSubcomponentsItsDependenciesAndTheWritersFixedComponents() {
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.component("SetWriter", "A")).start()) {
            assertThat(s.addedComponents()).extracting(c -> c.writer().name() + ":" + c.fullPath())
                    .containsExactlyInAnyOrder("SetWriter:A", "SetWriter:config", "BaseWriter:base");
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\base\\base.dat", "C:\\sets\\a\\1.txt",
                    "C:\\sets\\a\\fixed\\3.txt", "C:\\sets\\a\\sub\\2.txt", "C:\\sets\\config\\c.ini");
            BackupItem sub = item(s, "C:\\sets\\a\\sub\\2.txt");
            assertThat(sub.component().fullPath()).isEqualTo("A\\sub");
            assertThat(sub.addedComponent().fullPath()).isEqualTo("A");
            SessionFixture.copyAll(s);
            result = s.complete();
        }
        // One AddComponent for the set: its subcomponents are implicitly included, not added.
        assertThat(result.backupComponentsDocument()).contains("componentName=\"A\"")
                .doesNotContain("componentName=\"sub\"").doesNotContain("componentName=\"fixed\"");
        assertThat(base.events()).contains(WriterEvent.FREEZE);
    }

    @Test
    void aSubcomponentAlreadyInASelectedSetIsNotAddedTwice() {
        try (BackupSession s = fx.session().components(ComponentSelection.component("SetWriter", "A\\sub"),
                ComponentSelection.component("SetWriter", "A")).start()) {
            assertThat(s.addedComponents()).extracting(ComponentRef::fullPath).doesNotContain("A\\sub");
        }
    }

    @Test
    void aSelectableSubcomponentCanBeBackedUpWithoutItsSet() {
        try (BackupSession s = fx.session().components(ComponentSelection.component("SetWriter", "A\\sub")).start()) {
            assertThat(s.addedComponents()).extracting(ComponentRef::fullPath)
                    .containsExactlyInAnyOrder("A\\sub", "config");
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\sets\\a\\sub\\2.txt",
                    "C:\\sets\\config\\c.ini");
        }
    }

    @Test
    void aNonselectableSubcomponentCannotBeSelectedOnItsOwn() {
        assertThatThrownBy(() -> fx.session().components(ComponentSelection.component("SetWriter", "A\\fixed"))
                .start()).isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.SELECT_COMPONENTS);
                    assertThat(e.hresult()).isEqualTo(VssHresult.E_INVALIDARG.code());
                    assertThat(e.getMessage()).contains("not selectable").contains("component set A");
                });
        assertThat(sets.events()).containsExactly(WriterEvent.IDENTIFY);
    }

    @Test
    void aDependencyOnAnExcludedWriterFailsNamingIt() {
        assertThatThrownBy(() -> fx.session().excludeWriterClasses(base.metadata().writerClassId())
                .components(ComponentSelection.component("SetWriter", "A")).start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.SELECT_COMPONENTS);
                    assertThat(e.hresult()).isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND.code());
                    assertThat(e.getMessage()).contains(base.metadata().writerClassId().toString());
                });
        assertThat(base.events()).isEmpty();
    }

    @Test
    void anExcludedWriterCannotBeSelectedAndOthersGoOn() {
        assertThatThrownBy(() -> fx.session().excludeWriterInstances(sets.metadata().instanceId())
                .components(ComponentSelection.writer("SetWriter")).start())
                .isInstanceOfSatisfying(BackupException.class,
                        e -> assertThat(e.getMessage()).contains("no writer 'SetWriter'"));
        try (BackupSession s = fx.session().includeWriterClasses(base.metadata().writerClassId())
                .components(ComponentSelection.writer("BaseWriter")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\base\\base.dat");
        }
    }

    @Test
    void backupOptionsReachTheDocument() {
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.component("SetWriter", "B")
                .withBackupOptions("fast=yes")).start()) {
            SessionFixture.copyAll(s);
            result = s.complete();
        }
        assertThat(result.backupComponentsDocument()).contains("backupOptions=\"fast=yes\"");
    }

    @Test
    void anUnknownComponentFailsClearly() {
        assertThatThrownBy(() -> fx.session().components(ComponentSelection.component("SetWriter", "nope")).start())
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.getMessage())
                        .contains("has no component nope"));
    }

    static BackupItem item(BackupSession s, String original) {
        return s.items().stream().filter(i -> i.originalPath().equals(original)).findFirst().orElseThrow();
    }
}
