package org.vss4j;

/**
 * {@code IVssComponentEx::GetRollForward}: the roll-forward a restore asks for.
 *
 * @param type  none, all, or partial up to {@code point}
 * @param point the writer-specific restore point of a partial roll-forward, or null
 */
public record RollForward(RollForwardType type, String point) {
}
