/**
 * The platform steps of the restore methods that need more than copying files (Microsoft docs, "Setting VSS Restore
 * Methods"): stopping and starting a service ({@link org.vss4j.procedures.ServiceControl}) and replacing a file at the
 * next reboot ({@link org.vss4j.procedures.RebootReplace}). docs/restore-procedures.md describes them.
 */
package org.vss4j.procedures;
