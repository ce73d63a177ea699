package org.vss4j;

/**
 * {@code IVssComponentEx2::GetFailure}: the failure a writer reported for one component with {@code SetFailure}.
 *
 * @param hresult            the failure, {@code S_OK} (0) for none
 * @param applicationHresult the application's own error code
 * @param applicationMessage the application's message, or null
 * @param reserved           {@code dwReserved}, 0
 */
public record ComponentFailure(int hresult, int applicationHresult, String applicationMessage, int reserved) {

    /** No failure reported. */
    public static final ComponentFailure NONE = new ComponentFailure(0, 0, null, 0);
}
