package org.vss4j.cli;

import org.vss4j.VssException;

/**
 * A VSS failure with what the command found to be wrong in front of it: VSS's own error (the call, the HRESULT name
 * and value) is kept whole behind the explanation, and the exit code stays that of a VSS failure (3).
 */
final class ExplainedVssFailure extends VssException {

    private static final long serialVersionUID = 1L;

    private final String explanation;
    private final String vssMessage;

    ExplainedVssFailure(String explanation, VssException cause) {
        super(cause.hresult(), cause.operation(), null, cause);
        this.explanation = explanation;
        this.vssMessage = cause.getMessage();
    }

    @Override
    public String getMessage() {
        return explanation + System.lineSeparator() + "  (" + vssMessage + ")";
    }
}
