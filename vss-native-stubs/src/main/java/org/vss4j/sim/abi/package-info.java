/**
 * Internal to the simulator, no compatibility promise: native memory with leak tracking (BSTR, CoTaskMem), simulated
 * COM objects and their vtables, the leak ledger and its reports. The one type of it that callers see is
 * {@link org.vss4j.sim.abi.LeakReport}, what {@link org.vss4j.sim.SimulatedMachine#leakReport()} returns and
 * {@link org.vss4j.sim.VssSimulatorExtension} checks.
 */
package org.vss4j.sim.abi;
