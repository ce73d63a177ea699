package org.vss4j.abi;

import com.sun.jna.Structure;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The layout JNA gives a structure class on this host: field names in order, field offsets and total size.
 * {@code getFieldOrder()} and {@code fieldOffset(String)} are protected JNA API (stable since JNA 4), so they are
 * called reflectively on a fresh instance; JNA then computes exactly the layout it uses when reading native memory.
 */
final class JnaLayout {

    private final Structure instance;

    private JnaLayout(Structure instance) {
        this.instance = instance;
    }

    static JnaLayout of(Class<? extends Structure> struct) {
        try {
            return new JnaLayout(struct.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(struct.getName() + " needs a public no-argument constructor", e);
        }
    }

    int size() {
        return instance.size();
    }

    @SuppressWarnings("unchecked")
    List<String> fieldNames() {
        return (List<String>) call("getFieldOrder", new Class<?>[0]);
    }

    int offset(String field) {
        return (Integer) call("fieldOffset", new Class<?>[] {String.class}, field);
    }

    private Object call(String name, Class<?>[] types, Object... args) {
        try {
            Method method = Structure.class.getDeclaredMethod(name, types);
            method.setAccessible(true);
            return method.invoke(instance, args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("JNA " + name + " failed on " + instance.getClass().getName(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JNA no longer has Structure." + name, e);
        }
    }
}
