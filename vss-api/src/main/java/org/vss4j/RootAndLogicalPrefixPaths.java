package org.vss4j;

/**
 * The result of {@code IVssBackupComponentsEx4::GetRootAndLogicalPrefixPaths}.
 *
 * @param rootPath      what to pass to {@code AddToSnapshotSet}: the volume mount point of a local path
 *                      (GetVolumePathName) or the root of a file share
 * @param logicalPrefix the volume GUID name of a local path (GetVolumeNameForVolumeMountPoint), or the fully evaluated
 *                      share path of a UNC path
 */
public record RootAndLogicalPrefixPaths(String rootPath, String logicalPrefix) {
}
