package org.vss4j.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * The state directory of the simulated machine when {@code --sim-state} is not given: {@code .vss4j/simulator} in the
 * home directory, which off Windows is {@code $HOME} when it is set to an absolute path, else Java's
 * {@code user.home}; on Windows always {@code user.home} (the profile folder).
 *
 * <p>{@code $HOME} first because that is what the shell's {@code ~} and other POSIX tools mean, so
 * {@code HOME=/x vss ...} moves the state as a user expects. Java's {@code user.home} is the home directory in the
 * password database, not {@code $HOME}; for a user missing from it (a container run with {@code --user UID}) the
 * JDK 17 sets it to {@code ?}, which would put the state in a relative {@code ?/.vss4j}. On Windows {@code HOME} is
 * set only by some shells (Git Bash, Cygwin), so it is not read there: one state for cmd, PowerShell and those shells.
 */
final class SimulatorStateDefault {

    private SimulatorStateDefault() {
    }

    /** The default for this process. */
    static Path ofThisProcess() {
        return of(System.getenv(), System.getProperty("user.home"),
                System.getProperty("os.name", "").startsWith("Windows"));
    }

    /** The default for the environment {@code env}, Java's {@code userHome}, on Windows or not. */
    static Path of(Map<String, String> env, String userHome, boolean windows) {
        String home = env.get("HOME");
        boolean useHome = !windows && home != null && home.startsWith("/");
        return Path.of(useHome ? home : userHome, ".vss4j", "simulator");
    }
}
