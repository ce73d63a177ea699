package org.vss4j.abi.struct;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the C type that a JNA structure mirrors and its size on Windows x64. The Java field names are the C field
 * names, so the ABI conformance test can compare every offset with {@code offsetof} from the mingw-w64 headers.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NativeStruct {
    /** The C type name, e.g. {@code VSS_SNAPSHOT_PROP}. */
    String value();

    /** {@code sizeof} on Windows x64 (the SDK header's field list with x64 alignment). */
    int x64Size();
}
