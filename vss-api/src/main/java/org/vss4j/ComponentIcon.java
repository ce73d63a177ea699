package org.vss4j;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The icon a writer declares for a component ({@code VSS_COMPONENTINFO::pbIcon}/{@code cbIcon}): opaque bytes, compared
 * by content. Immutable: the array is copied in and out.
 */
public final class ComponentIcon {

    /** No icon ({@code cbIcon == 0}). */
    public static final ComponentIcon NONE = new ComponentIcon(new byte[0]);

    private final byte[] bytes;

    private ComponentIcon(byte[] bytes) {
        this.bytes = bytes;
    }

    /** An icon holding a copy of {@code bytes}; {@link #NONE} when empty. */
    public static ComponentIcon of(byte[] bytes) {
        return bytes.length == 0 ? NONE : new ComponentIcon(bytes.clone());
    }

    /** A copy of the icon's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComponentIcon other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes.length <= 16 ? "ComponentIcon[" + HexFormat.of().formatHex(bytes) + "]"
                : "ComponentIcon[" + bytes.length + " bytes]";
    }
}
