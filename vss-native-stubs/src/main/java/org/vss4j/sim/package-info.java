/**
 * The simulated VSS: a Windows machine as VSS sees it, behind the same native ABI as {@code vssapi.dll}, so that code
 * written against {@code org.vss4j} runs and is tested unchanged where there is no Windows.
 *
 * <h2>Supported API</h2>
 * What tests and tools use, kept compatible like the binding's API:
 * <ul>
 *   <li>the machine: {@link org.vss4j.sim.SimulatedMachine} (volumes, writers, shadow copies, state directory),
 *       {@link org.vss4j.sim.Volume}, {@link org.vss4j.sim.FileSystemFacts}, {@link org.vss4j.sim.Snapshot},
 *       {@link org.vss4j.sim.Exposure}, {@link org.vss4j.sim.SimulatedProvider},
 *       {@link org.vss4j.sim.SimulatedEnvironment}, {@link org.vss4j.sim.SimulatedRegistry},
 *       {@link org.vss4j.sim.SimulatedToken}, {@link org.vss4j.sim.VssServiceState},
 *       {@link org.vss4j.sim.UnreadableRecord}, {@link org.vss4j.sim.LeftOver};</li>
 *   <li>writers: {@link org.vss4j.sim.SimulatedWriter}, {@link org.vss4j.sim.WriterComponent},
 *       {@link org.vss4j.sim.WriterComponentData}, {@link org.vss4j.sim.WriterEvent},
 *       {@link org.vss4j.sim.FileSpec}, {@link org.vss4j.sim.SimulatedWriterMetadata} (what a writer's metadata
 *       document holds) and {@link org.vss4j.sim.SimulatedComponentDependency};</li>
 *   <li>faults: {@link org.vss4j.sim.Faults}, {@link org.vss4j.sim.AsyncPlan}, {@link org.vss4j.sim.FaultPoints},
 *       {@link org.vss4j.sim.Gate};</li>
 *   <li>JUnit 5: {@link org.vss4j.sim.VssSimulatorExtension}, {@link org.vss4j.sim.WithSimulatedMachine},
 *       {@link org.vss4j.sim.TestTrees}.</li>
 * </ul>
 *
 * <h2>Internal</h2>
 * Public only because the simulator's packages call one another, with no compatibility promise; do not call them:
 * {@link org.vss4j.sim.SimulatorNativeProvider} (found by {@code java.util.ServiceLoader}),
 * {@link org.vss4j.sim.SnapshotStore}, {@link org.vss4j.sim.PointInTimeCopier}, {@link org.vss4j.sim.CopyMethod},
 * {@link org.vss4j.sim.ExposureLinks}, {@link org.vss4j.sim.KillPoint} (a hook of the project's kill trials), and the
 * packages {@code org.vss4j.sim.abi} (native memory, COM objects, vtables, the leak ledger),
 * {@code org.vss4j.sim.vss} (the simulated VSS COM objects) and {@code org.vss4j.sim.win32} (the simulated kernel32,
 * advapi32 and userenv exports). A machine's leak report is read through
 * {@link org.vss4j.sim.SimulatedMachine#leakReport()}.
 */
package org.vss4j.sim;
