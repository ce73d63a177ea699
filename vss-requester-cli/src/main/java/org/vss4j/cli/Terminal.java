package org.vss4j.cli;

import java.io.Console;

/** Whether {@code vss} runs on a terminal, so that the {@code --exec} command may read it. */
final class Terminal {

    private Terminal() {
    }

    /**
     * Whether standard input and output are a terminal. Up to JDK 21 that is what a non-null {@link System#console()}
     * means; from JDK 22 on the console is there with redirected streams too (JDK-8308591, the JLine console became
     * the default), and {@code Console.isTerminal()} (added in 22) says it: it is called reflectively, vss4j builds
     * for Java 17.
     */
    static boolean isInteractive() {
        return isTerminal(System.console());
    }

    static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException beforeJdk22) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Cannot tell: no terminal input, so the command never waits for input nobody gives.
            return false;
        }
    }
}
