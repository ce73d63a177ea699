package org.vss4j.cli;

/** Prints what {@link StderrTerminal} says of this process's stderr: run by ProgressOutputTest on a pseudo-terminal. */
public final class StderrTerminalProbe {

    private StderrTerminalProbe() {
    }

    public static void main(String[] args) {
        System.out.println("stderr terminal: " + StderrTerminal.isTerminal());
    }
}
