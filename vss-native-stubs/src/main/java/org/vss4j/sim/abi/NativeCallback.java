package org.vss4j.sim.abi;

import com.sun.jna.CallbackProxy;
import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.VssHresult;
import org.vss4j.abi.CallbackClasses;
import org.vss4j.abi.NativeExport;
import org.vss4j.abi.NativeSignature;
import org.vss4j.sim.SimulatedMachine;

/**
 * A native function pointer backed by Java: a JNA {@link CallbackProxy} with an explicit C signature, so one class
 * serves every export and vtable slot. JNA builds a libffi trampoline for it; the trampoline lives only as long as the
 * Java object, so every instance is kept in {@link #KEEP_ALIVE} for the life of the process (vtables and exports are
 * made once and never freed).
 *
 * <p>A Java exception must not unwind through native frames: {@link #callback} catches everything, records it in the
 * current machine's ledger and returns {@code E_UNEXPECTED} (or NULL / 0 / false for non-HRESULT returns).
 */
public final class NativeCallback implements CallbackProxy {

    /** The Java side of a native function: receives the arguments as JNA converted them. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the native function.
         *
         * @param args the arguments as JNA converted them
         * @return the value returned to native code, of the callback's return class
         */
        Object call(Object[] args);
    }

    private static final Logger LOG = LoggerFactory.getLogger(NativeCallback.class);
    private static final List<NativeCallback> KEEP_ALIVE = new CopyOnWriteArrayList<>();

    private final String name;
    private final Class<?>[] parameterTypes;
    private final Class<?> returnType;
    private final Body body;
    private final Pointer pointer;
    private final boolean consultsFaultPlan;

    private NativeCallback(String name, Class<?> returnType, Class<?>[] parameterTypes, Body body) {
        this(name, returnType, parameterTypes, false, body);
    }

    private NativeCallback(String name, Class<?> returnType, Class<?>[] parameterTypes, boolean consultsFaultPlan,
            Body body) {
        this.name = name;
        this.consultsFaultPlan = consultsFaultPlan;
        this.returnType = returnType;
        this.parameterTypes = parameterTypes.clone();
        this.body = body;
        KEEP_ALIVE.add(this);
        this.pointer = CallbackReference.getFunctionPointer(this);
    }

    /**
     * A function {@code returnType name(parameterTypes...)} implemented by {@code body}.
     *
     * @param name the function's name, for the ledger's messages
     * @param returnType the JNA return class
     * @param parameterTypes the JNA parameter classes
     * @param body the implementation
     * @return the callback, kept alive for the process
     */
    public static NativeCallback of(String name, Class<?> returnType, Class<?>[] parameterTypes, Body body) {
        return new NativeCallback(name, returnType, parameterTypes, body);
    }

    /**
     * The implementation of {@code export} ({@code consultsFaultPlan}: whether {@code body} asks the fault plan first):
     * its parameter and return classes come from the export's declared signature
     * (one JNA class per kind, {@link CallbackClasses}), the ones the binding's calls are checked against, so
     * the two cannot disagree.
     *
     * @param export the export implemented
     * @param consultsFaultPlan whether {@code body} asks the fault plan first
     * @param body the implementation
     * @return the callback, kept alive for the process
     */
    public static NativeCallback of(NativeExport export, boolean consultsFaultPlan, Body body) {
        NativeSignature signature = export.signature();
        return new NativeCallback(export.name(), CallbackClasses.returns(signature), CallbackClasses.parameters(signature),
                consultsFaultPlan, body);
    }

    /**
     * Whether the body asks the machine's fault plan ({@code Faults.onCall}) before it runs, so that a fault planned
     * on this export fires; {@code Faults} refuses to plan one on an export that does not.
     *
     * @return true if a fault planned on the function fires
     */
    public boolean consultsFaultPlan() {
        return consultsFaultPlan;
    }

    /**
     * The native function pointer (the trampoline's address).
     *
     * @return the function pointer, valid for the life of the process
     */
    public Pointer pointer() {
        return pointer;
    }

    /**
     * The pointer as a JNA {@link Function}, what a provider hands to the binding.
     *
     * @return the function
     */
    public Function function() {
        return Function.getFunction(pointer);
    }

    @Override
    public Object callback(Object[] args) {
        try {
            return body.call(args);
        } catch (Throwable t) {
            LOG.error("simulated {} threw; returning a failure to native code", name, t);
            SimulatedMachine.current().ledger().error(name + " threw " + t);
            return failureValue();
        }
    }

    private Object failureValue() {
        if (returnType == int.class) {
            return VssHresult.E_UNEXPECTED.code();
        }
        if (returnType == long.class) {
            return 0L;
        }
        if (returnType == byte.class) {
            return (byte) 0;
        }
        return null;
    }

    @Override
    public Class<?>[] getParameterTypes() {
        return parameterTypes.clone();
    }

    @Override
    public Class<?> getReturnType() {
        return returnType;
    }

    @Override
    public String toString() {
        return name;
    }
}
