package org.vss4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The message of a VSS failure names the call and the HRESULT and explains the HRESULT once. */
class VssExceptionTest {

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aWrappedFailureOfTheSameHresultIsExplainedOnce() {
        VssException inner = new VssException(VssHresult.E_FAIL.code(), "IVssBackupComponents::SaveAsXML", null);
        VssException outer = new VssException(VssHresult.E_FAIL.code(), "backup session, SAVE_DOCUMENTS",
                inner.getMessage());

        assertThat(outer.getMessage()).isEqualTo("backup session, SAVE_DOCUMENTS failed: E_FAIL (0x80004005) "
                + "[IVssBackupComponents::SaveAsXML failed: E_FAIL (0x80004005)] - "
                + VssHresult.explain(VssHresult.E_FAIL.code()));
        assertThat(occurrences(outer.getMessage(), VssHresult.explain(VssHresult.E_FAIL.code()))).isEqualTo(1);
    }

    @Test
    void aWrappedFailureOfAnotherHresultKeepsItsOwnExplanation() {
        VssException inner = new VssException(VssHresult.E_ACCESSDENIED.code(), "CreateVssBackupComponentsInternal",
                null);
        VssException outer = new VssException(VssHresult.E_FAIL.code(), "backup session, INITIALIZE",
                inner.getMessage());

        assertThat(outer.getMessage()).contains(VssHresult.explain(VssHresult.E_ACCESSDENIED.code()))
                .endsWith(" - " + VssHresult.explain(VssHresult.E_FAIL.code()));
    }
}
