package org.vss4j.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;

/** A fresh simulated machine whose volume {@code C:\} is a temporary directory, with one simulated writer. */
final class SimulatorTarget implements VssTarget {

    static final String VOLUME = "C:\\";
    static final String WRITER = "Contract Writer";

    private final Path volumeRoot;
    private final Path workDir;
    private final SimulatedMachine machine;
    private final Volume volume;

    SimulatorTarget() throws IOException {
        volumeRoot = Files.createTempDirectory("vss4j-contract-volume-");
        workDir = Files.createDirectories(volumeRoot.resolve("work"));
        machine = SimulatedMachine.create();
        volume = machine.addVolume(volumeRoot, VOLUME);
        machine.addWriter(SimulatedWriter.builder(WRITER).component(WriterComponent.fileGroup("", "data")
                .withFile(FileSpec.of(VOLUME + "work", "*", true))).build());
        SimulatedMachine.install(machine);
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public boolean isSimulator() {
        return true;
    }

    @Override
    public String volume() {
        return VOLUME;
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public String componentWriterName() {
        return WRITER;
    }

    @Override
    public Path volumeRoot() {
        return volumeRoot;
    }

    @Override
    public void createJunction(Path link, Path target) {
        volume.facts().junction(volumeRoot.relativize(link).toString(), target.toAbsolutePath());
    }

    @Override
    public void verifyNothingLeaked() {
        VssSimulatorExtension.verifyNoLeaks(machine);
    }

    /**
     * Cleans up while the test's machine is still the current one: its exposures and facts are what tell a mounted
     * folder from a directory. Then the volume's directory goes (only the root's virtual System Volume Information
     * is listed there by now), and the machine is replaced by an empty one and closed.
     */
    @Override
    public void close() throws IOException {
        try {
            WorkDirectoryCleanup.run(workDir, vssPath(workDir));
            WorkTree.delete(volumeRoot);
        } finally {
            SimulatedMachine.install(SimulatedMachine.create()).close();
        }
    }
}
