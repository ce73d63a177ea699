package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.jna.ptr.ByteByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.BackupComponents;
import org.vss4j.ExamineWriterMetadata;
import org.vss4j.FileSet;
import org.vss4j.RestoreMethod;
import org.vss4j.SourceType;
import org.vss4j.UsageType;
import org.vss4j.VssHresult;
import org.vss4j.WriterComponentInfo;
import org.vss4j.WriterMetadata;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterRestore;
import org.vss4j.WriterRestoreMethod;
import org.vss4j.abi.vtable.IVssExamineWriterMetadata;
import org.vss4j.sim.vss.WriterMetadataXml;

/**
 * The in-box writers of a Windows Server, read through the binding as a requester reads them on Windows: ids and names
 * as Microsoft docs "In-Box VSS Writers" gives them, components, file specs, exclusions and restore methods as these
 * writers report them ("Backing Up and Restoring System State", "Registry Backup and Restore Operations Under VSS",
 * "Using VSS Automated System Recovery for Disaster Recovery", "Excluding Files from Shadow Copies").
 */
@ExtendWith(VssSimulatorExtension.class)
class InboxWritersTest {

    private static final Duration T = Duration.ofSeconds(30);

    /** GatherWriterMetadata, then every writer's whole document, by writer name. */
    private static Map<String, WriterMetadata> gather() {
        Map<String, WriterMetadata> byName = new LinkedHashMap<>();
        gather((m, xml) -> byName.put(m.identity().writerName(), m));
        return byName;
    }

    /** GatherWriterMetadata, then each writer's document as read and as saved ({@code SaveAsXML}). */
    private static void gather(java.util.function.BiConsumer<WriterMetadata, String> each) {
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.gatherWriterMetadata().finish(T);
            for (int i = 0; i < b.getWriterMetadataCount(); i++) {
                try (WriterMetadataEntry e = b.getWriterMetadata(i)) {
                    each.accept(e.metadata().read(), e.metadata().saveAsXml());
                }
            }
        }
    }

    private static WriterComponentInfo component(WriterMetadata m, String name) {
        return m.components().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + name + " in " + m.identity().writerName()));
    }

    private static FileSet files(String path, String filespec, boolean recursive) {
        return new FileSet(path, filespec, recursive, null, FileSpec.DEFAULT_MASK);
    }

    @Test
    void theTenInBoxWritersReportTheirDocumentedIdsAndNames(SimulatedMachine machine) {
        machine.addInboxWriters();

        Map<String, WriterMetadata> writers = gather();

        assertThat(writers.values()).extracting(m -> m.identity().writerName(), m -> m.identity().writerId())
                .containsExactly(
                        tuple("System Writer", UUID.fromString("E8132975-6F93-4464-A53E-1050253AE220")),
                        tuple("Registry Writer", UUID.fromString("AFBAB4A2-367D-4D15-A586-71DBB18F8485")),
                        tuple("WMI Writer", UUID.fromString("A6AD56C2-B509-4E6C-BB19-49D8F43532F0")),
                        tuple("COM+ REGDB Writer", UUID.fromString("542DA469-D3E1-473C-9F4F-7847F01FC64F")),
                        tuple("ASR Writer", UUID.fromString("BE000CBE-11FE-4426-9C58-531AA6355FC4")),
                        tuple("Shadow Copy Optimization Writer",
                                UUID.fromString("4DC3BDD4-AB48-4D07-ADB0-3BEE2926FD7F")),
                        tuple("Task Scheduler Writer", UUID.fromString("D61D61C8-D73A-4EEE-8CDD-F6F9786B7124")),
                        tuple("VSS Metadata Store Writer", UUID.fromString("75DFB225-E2E4-4D39-9AC9-FFAFF65DDF06")),
                        tuple("Performance Counters Writer",
                                UUID.fromString("0BADA1DE-01A9-4625-8278-69E735F39DD2")),
                        tuple("BITS Writer", UUID.fromString("4969D978-BE47-48B0-B100-F328F07AC1E0")));
        assertThat(writers.values()).extracting(m -> m.identity().instanceId()).doesNotHaveDuplicates();
        assertThat(writers.values()).allSatisfy(m -> assertThat(m.identity().source()).isEqualTo(SourceType.OTHER));
        // System state writers are those of usage BOOTABLESYSTEMSTATE or SYSTEMSERVICE ("Backing Up and Restoring
        // System State"); the Shadow Copy Optimization Writer holds no system state.
        assertThat(writers.get("Registry Writer").identity().usage()).isEqualTo(UsageType.BOOTABLESYSTEMSTATE);
        assertThat(writers.get("System Writer").identity().usage()).isEqualTo(UsageType.BOOTABLESYSTEMSTATE);
        assertThat(writers.get("WMI Writer").identity().usage()).isEqualTo(UsageType.SYSTEMSERVICE);
        assertThat(writers.get("BITS Writer").identity().usage()).isEqualTo(UsageType.SYSTEMSERVICE);
        assertThat(writers.get("Shadow Copy Optimization Writer").identity().usage()).isEqualTo(UsageType.USERDATA);
    }

    @Test
    void theRegistryWriterReportsTheSystemHivesInPlaceAndExcludesTheirLogs(SimulatedMachine machine) {
        machine.addInboxWriters();

        WriterMetadata registry = gather().get("Registry Writer");

        WriterComponentInfo hives = component(registry, "Registry");
        assertThat(hives.logicalPath()).isNull();
        assertThat(hives.selectable()).isTrue();
        assertThat(hives.selectableForRestore()).isFalse();
        assertThat(hives.files()).contains(files("%SystemRoot%\\System32\\config", "SAM", false),
                files("%SystemRoot%\\System32\\config", "SECURITY", false),
                files("%SystemRoot%\\System32\\config", "software", false),
                files("%SystemRoot%\\System32\\config", "system", false),
                files("%SystemRoot%\\System32\\config", "default", false));
        // No user hives (Microsoft docs, "Registry Backup and Restore Operations Under VSS").
        assertThat(hives.files()).noneMatch(f -> f.filespec().equalsIgnoreCase("NTUSER.DAT"));
        assertThat(registry.excludeFiles()).contains(files("%SystemRoot%\\System32\\config", "system.LOG", false));
        assertThat(registry.restoreMethod()).isEqualTo(new WriterRestoreMethod(
                RestoreMethod.RESTORE_AT_REBOOT_IF_CANNOT_REPLACE, null, null, WriterRestore.NEVER, true, 0));
    }

    @Test
    void theSystemStateFileLocationsAreTheDocumentedOnes(SimulatedMachine machine) {
        machine.addInboxWriters();

        Map<String, WriterMetadata> w = gather();

        // "Backing Up and Restoring System State": task files in %windir%\system32\tasks and %windir%\tasks.
        WriterComponentInfo tasks = component(w.get("Task Scheduler Writer"), "TasksStore");
        assertThat(tasks.selectable()).isFalse();
        assertThat(tasks.files()).containsExactly(files("%windir%\\System32\\Tasks", "*", true),
                files("%windir%\\Tasks", "*", true));
        // Performance counter configuration files in %SystemRoot%\System32.
        assertThat(component(w.get("Performance Counters Writer"), "PerformanceCounters").files())
                .hasSize(8).allMatch(f -> f.path().equals("%SystemRoot%\\System32") && !f.recursive())
                .extracting(FileSet::filespec).contains("Perfc???.dat", "Prfh????.dat");
        // "In-Box VSS Writers": the COM+ REGDB writer owns %SystemRoot%\Registration; WMI the WBEM repository.
        assertThat(component(w.get("COM+ REGDB Writer"), "COM+ REGDB").files())
                .containsExactly(files("%SystemRoot%\\Registration", "*", true));
        WriterComponentInfo wmi = component(w.get("WMI Writer"), "WMI");
        assertThat(wmi.selectable()).isFalse();
        assertThat(wmi.files()).containsExactly(files("%SystemRoot%\\System32\\wbem\\Repository", "*.*", true));
        assertThat(w.get("WMI Writer").restoreMethod().method()).isEqualTo(RestoreMethod.RESTORE_AT_REBOOT);
        assertThat(component(w.get("VSS Metadata Store Writer"), "WriterMetadataStore").files())
                .containsExactly(files("%SystemRoot%\\Vss\\Writers", "*.xml", true));
        WriterMetadata system = w.get("System Writer");
        assertThat(system.components()).extracting(WriterComponentInfo::name)
                .containsExactly("System Files", "Win32 Services Files");
        assertThat(component(system, "System Files").files()).contains(files("%SystemRoot%\\WinSxS", "*.*", true),
                files("%SystemRoot%\\System32\\DriverStore\\FileRepository", "*.*", true));
    }

    @Test
    void theAsrWriterReportsTheAsrDiskAndBcdComponents(SimulatedMachine machine) {
        machine.addInboxWriters();

        WriterMetadata asr = gather().get("ASR Writer");

        // "Using VSS Automated System Recovery for Disaster Recovery": logical paths Disks, BCD (and Volumes).
        assertThat(asr.components()).extracting(WriterComponentInfo::logicalPath, WriterComponentInfo::name,
                WriterComponentInfo::selectable).containsExactly(tuple("ASR", "ASR", false),
                        tuple("Disks", "harddisk0", true), tuple("BCD", "BCD", false));
        assertThat(component(asr, "BCD").caption()).startsWith("This is the path to the boot BCD store");
        assertThat(component(asr, "BCD").files()).containsExactly(files("%SystemDrive%\\Boot", "*.*", true));
    }

    @Test
    void theShadowCopyOptimizationAndBitsWritersOnlyExcludeAndDeclareNoRestoreMethod(SimulatedMachine machine) {
        machine.addInboxWriters();

        Map<String, WriterMetadata> w = gather();

        WriterMetadata scow = w.get("Shadow Copy Optimization Writer");
        assertThat(scow.components()).isEmpty();
        assertThat(scow.excludeFiles()).isEmpty();
        assertThat(scow.excludeFromSnapshot()).contains(files("C:\\Windows\\SoftwareDistribution", "*.*", true),
                files("\\System Volume Information\\Heat", "*.*", true));
        WriterMetadata bits = w.get("BITS Writer");
        assertThat(bits.components()).isEmpty();
        // "In-Box VSS Writers": the BITS cache under %AllUsersProfile%\Microsoft\Network\Downloader is excluded.
        assertThat(bits.excludeFiles()).contains(files("%ALLUSERSPROFILE%\\Microsoft\\Network\\Downloader\\", "*",
                true), files("%SystemRoot%\\System32", "bits.log", false));
        assertThat(List.of(scow.restoreMethod(), bits.restoreMethod())).containsOnly(new WriterRestoreMethod(
                RestoreMethod.UNDEFINED, null, null, WriterRestore.UNDEFINED, false, 0));
    }

    @Test
    void aWriterWithoutARestoreMethodAnswersSFalse(SimulatedMachine machine) {
        machine.addWriter(SimulatedWriter.builder("No Restore").noRestoreMethod().build());
        machine.addWriter(SimulatedWriter.builder("Restores").build());
        List<Integer> hresults = new ArrayList<>();
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.gatherWriterMetadata().finish(T);
            for (int i = 0; i < 2; i++) {
                try (WriterMetadataEntry e = b.getWriterMetadata(i)) {
                    hresults.add(new RawCom(e.metadata().pointer(), "IVssExamineWriterMetadata").call(
                            IVssExamineWriterMetadata.GetRestoreMethod, new IntByReference(), new PointerByReference(),
                            new PointerByReference(), new IntByReference(), new ByteByReference(),
                            new IntByReference()));
                }
            }
        }
        assertThat(hresults).containsExactly(VssHresult.S_FALSE.code(), VssHresult.S_OK.code());
    }

    @Test
    void everyInBoxPathExpandsWithTheMachineEnvironment(SimulatedMachine machine) {
        List<String> paths = new ArrayList<>();
        for (SimulatedWriter w : machine.addInboxWriters()) {
            org.vss4j.sim.SimulatedWriterMetadata m = w.metadata();
            m.components().forEach(c -> {
                c.files().forEach(f -> paths.add(f.path()));
                c.databaseFiles().forEach(f -> paths.add(f.path()));
            });
            m.excludes().forEach(f -> paths.add(f.path()));
        }
        Map<String, String> env = machine.environment().asMap();
        assertThat(paths).isNotEmpty().allSatisfy(p -> assertThat(expand(p, env)).startsWith("C:\\"));
    }

    /** {@code %NAME%} replaced from {@code env}; an unknown name stays as it is. */
    private static String expand(String path, Map<String, String> env) {
        StringBuilder b = new StringBuilder();
        String[] parts = path.split("%", -1);
        for (int i = 0; i < parts.length; i++) {
            b.append(i % 2 == 1 && env.containsKey(parts[i]) ? env.get(parts[i])
                    : (i % 2 == 1 ? "%" + parts[i] + "%" : parts[i]));
        }
        return b.toString();
    }

    @Test
    void theInBoxDocumentsSurviveSaveAsXmlAndCreateVssExamineWriterMetadata(SimulatedMachine machine) {
        for (SimulatedWriter w : machine.addInboxWriters()) {
            String xml = WriterMetadataXml.write(w.metadata());
            assertThat(WriterMetadataXml.read(xml)).as(w.name()).isEqualTo(w.metadata());
        }
        Map<String, String> saved = new LinkedHashMap<>();
        Map<String, WriterMetadata> read = new LinkedHashMap<>();
        gather((m, xml) -> {
            read.put(m.identity().writerName(), m);
            saved.put(m.identity().writerName(), xml);
        });
        saved.forEach((name, xml) -> {
            try (ExamineWriterMetadata loaded = ExamineWriterMetadata.fromXml(xml)) {
                assertThat(loaded.read()).as(name).isEqualTo(read.get(name));
            }
        });
    }

    @Test
    void theInBoxSetCannotBeAddedTwice(SimulatedMachine machine) {
        machine.addInboxWriters();

        assertThatThrownBy(machine::addInboxWriters).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("System Writer").hasMessageContaining("already has");
    }

    @Test
    void theMachineEnvironmentIsAWindowsServersMachineScope(SimulatedMachine machine) {
        Map<String, String> env = machine.environment().asMap();

        assertThat(env).containsEntry("SystemRoot", "C:\\Windows").containsEntry("windir", "C:\\Windows")
                .containsEntry("SystemDrive", "C:").containsEntry("ProgramData", "C:\\ProgramData")
                .containsEntry("ALLUSERSPROFILE", "C:\\ProgramData")
                .containsEntry("TEMP", "C:\\Windows\\TEMP").containsEntry("COMPUTERNAME", machine.name())
                // System variables only, as CreateEnvironmentBlock without a user token gives them.
                .doesNotContainKey("USERPROFILE").doesNotContainKey("APPDATA");
        assertThat(env.get("SYSTEMROOT")).as("names are case-insensitive").isEqualTo("C:\\Windows");

        machine.environment().set("systemroot", "D:\\Win").set("VSS4J_TEST", "x");
        assertThat(machine.environment().asMap()).containsEntry("SystemRoot", "D:\\Win").containsEntry("vss4j_test", "x");
        assertThat(env.get("SystemRoot")).as("a copy").isEqualTo("C:\\Windows");
        machine.environment().remove("VSS4J_TEST");
        assertThat(machine.environment().asMap()).doesNotContainKey("VSS4J_TEST");
        assertThatThrownBy(() -> machine.environment().set("A=B", "c"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
