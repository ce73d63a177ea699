package org.vss4j.sim;

import java.nio.file.Path;

/**
 * How a shadow copy is exposed ({@code IVssBackupComponents::ExposeSnapshot}): {@code name} is what VSS returns in
 * {@code *pwszExposed} and reports as {@code m_pwszExposedName} (a drive letter with colon, a mounted folder or a share
 * name); {@code pathFromRoot} is {@code m_pwszExposedPath}, the shared part of a remotely exposed shadow copy (null when
 * exposed locally); {@code link} is the host symbolic link the simulated machine made so that the exposed name can be
 * read with ordinary file I/O; {@code replacedEmptyDirectory} says whether a mounted folder's empty directory was
 * replaced by the link (and must come back when it is unexposed).
 */
public record Exposure(String name, String pathFromRoot, boolean locally, Path link, boolean replacedEmptyDirectory) {

    /** {@code VSS_VOLSNAP_ATTR_EXPOSED_LOCALLY} (vss.h). */
    public static final int EXPOSED_LOCALLY = 1048576;
    /** {@code VSS_VOLSNAP_ATTR_EXPOSED_REMOTELY} (vss.h). */
    public static final int EXPOSED_REMOTELY = 2097152;

    /**
     * The attribute bit this exposure adds to the shadow copy's {@code m_lSnapshotAttributes}.
     *
     * @return {@link #EXPOSED_LOCALLY} or {@link #EXPOSED_REMOTELY}
     */
    public int attribute() {
        return locally ? EXPOSED_LOCALLY : EXPOSED_REMOTELY;
    }
}
