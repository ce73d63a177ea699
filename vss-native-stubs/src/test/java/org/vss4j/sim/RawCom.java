package org.vss4j.sim;

import com.sun.jna.Pointer;
import org.vss4j.abi.ComMethod;
import org.vss4j.com.ComObject;

/** A borrowed view of a COM object, to call methods the binding does not wrap yet (through the same vtable path). */
final class RawCom extends ComObject {

    RawCom(Pointer p, String interfaceName) {
        super(p, interfaceName, -1);
    }

    int call(ComMethod m, Object... args) {
        return invoke(m, args);
    }
}
