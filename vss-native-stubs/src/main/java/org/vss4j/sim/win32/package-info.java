/**
 * Internal to the simulator, no compatibility promise: the simulated kernel32, advapi32 and userenv exports
 * ({@code FindFirstFileW}, {@code CreateSymbolicLinkW}, {@code GetVolumePathNameW}, the process token, the service
 * manager, the registry) over a {@link org.vss4j.sim.SimulatedMachine}'s volumes.
 */
package org.vss4j.sim.win32;
