/**
 * Internal to the simulator, no compatibility promise: the simulated VSS COM objects ({@code IVssBackupComponents},
 * {@code IVssAsync}, the writer metadata and components interfaces, a hosted writer's {@code IVssWriterImpl}). Tests
 * describe the machine through {@link org.vss4j.sim.SimulatedMachine} and call these objects through the binding.
 */
package org.vss4j.sim.vss;
