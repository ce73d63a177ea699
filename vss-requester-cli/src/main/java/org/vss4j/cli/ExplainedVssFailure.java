package org.vss4j.cli;

import org.vss4j.VssException;

/**
 * A VSS failure with what the command found to be wrong in front of it: VSS's own error (the call, the HRESULT name
 * and value) is kept whole behind the explanation. The exit code is that of a VSS failure (3), or of a bad command
 * line (2) when what was wrong is the user's input itself ({@link #badArgument}): a target that is a file, a set id
 * given where a shadow copy id is expected.
 */
final class ExplainedVssFailure extends VssException {

    private static final long serialVersionUID = 1L;

    private final String explanation;
    private final String vssMessage;
    private final boolean badArgument;

    ExplainedVssFailure(String explanation, VssException cause) {
        this(explanation, cause, false);
    }

    private ExplainedVssFailure(String explanation, VssException cause, boolean badArgument) {
        super(cause.hresult(), cause.operation(), null, cause);
        this.explanation = explanation;
        this.vssMessage = cause.getMessage();
        this.badArgument = badArgument;
    }

    /** {@code cause}, explained as a wrong value on the command line (exit code 2). */
    static ExplainedVssFailure badArgument(String explanation, VssException cause) {
        return new ExplainedVssFailure(explanation, cause, true);
    }

    /** Whether the user's input was wrong (exit code 2) rather than something VSS refused to do (3). */
    boolean isBadArgument() {
        return badArgument;
    }

    @Override
    public String getMessage() {
        return explanation + System.lineSeparator() + "  (" + vssMessage + ")";
    }
}
