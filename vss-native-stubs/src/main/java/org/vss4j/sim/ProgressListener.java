package org.vss4j.sim;

/**
 * Told how far a long piece of the simulator's work has come: the point-in-time copy of a volume, the deletion of a
 * shadow copy's files, a revert, the removal of what an interrupted run left. The simulator is a library and prints
 * nothing itself; a program that wants a progress bar (the {@code vss} command on a terminal) attaches one here
 * ({@link SimulatedMachine#progress(ProgressListener)}, {@link SimulatedMachine#persistentAt(java.nio.file.Path,
 * ProgressListener)}).
 *
 * <p>For each piece of work the listener is told first {@code (phase, 0, total)}, then a growing {@code done}, and
 * {@code (phase, total, total)} when the work completes; a piece that fails stops being reported where it failed.
 * Either way, last, {@link #ended} says that the piece is over and whether it completed, so that a display can close
 * what it shows before the failure is reported.
 * {@code done} and {@code total} count files (a directory is not counted; a symbolic link is). Calls come from the
 * thread doing the work, never two at once for one machine, and a slow listener slows that work: keep it cheap.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Tells nothing; the default. */
    ProgressListener NONE = (phase, done, total) -> { };

    /** The kinds of long work reported, each with the words a progress display may show. */
    enum Phase {
        /** A volume's files are copied into its new shadow copy (DoSnapshotSet). */
        POINT_IN_TIME_COPY("copying into the shadow copy"),
        /** A shadow copy's files are deleted (DeleteSnapshots, a non-persistent set released). */
        SHADOW_COPY_DELETION("deleting the shadow copy"),
        /** A volume's files are replaced by a shadow copy's (RevertToSnapshot). */
        REVERT("reverting the volume"),
        /** What an interrupted run left in the state directory is removed (a machine opening it). */
        LEFT_OVER_REMOVAL("removing what an interrupted run left");

        private final String words;

        Phase(String words) {
            this.words = words;
        }

        /**
         * What a progress display shows for this phase.
         *
         * @return the phase's description, e.g. for a progress bar
         */
        public String words() {
            return words;
        }
    }

    /**
     * {@code done} of {@code total} files of {@code phase} are done ({@code 0 <= done <= total}).
     *
     * @param phase the work in progress
     * @param done how many files are done
     * @param total how many files the phase has
     */
    void progress(Phase phase, long done, long total);

    /**
     * The piece of work of {@code phase} is over: {@code completed} if every file was done, otherwise it failed after
     * {@code done} of {@code total} (its exception follows, thrown to the caller). Told once per piece, after its last
     * {@link #progress}, whatever happened; the default does nothing.
     *
     * @param phase the work that ended
     * @param done how many files were done
     * @param total how many files the phase had
     * @param completed whether every file was done
     */
    default void ended(Phase phase, long done, long total, boolean completed) {
    }
}
