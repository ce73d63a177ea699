package org.vss4j.sim.abi;

import com.sun.jna.Memory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.vss4j.abi.ComMethod;

/**
 * The simulator's own statement of a vtable's slot order, read from {@code slots/<Interface>.slots} next to this class:
 * one method name per line in the SDK header's declaration order, after an optional {@code base <Interface>} line. Slot
 * {@code n} of an interface is its base's slots followed by its own lines (single inheritance: vsbackup.h
 * {@code IVssBackupComponentsEx : public IVssBackupComponents}). It never reads the binding's vtable enums: a slot
 * order mistake in one of them then makes the binding call the wrong simulated method instead of going unnoticed.
 *
 * <p>Each line names one method, so each can later carry its native signature after the name; today anything after
 * the name is refused. Methods inherited from {@code IUnknown} are named after the interface directly above IUnknown
 * ({@code IVssAsync::QueryInterface}), as the binding's names are, so fault plans and messages keep one spelling.
 */
public final class SlotTable {

    /**
     * One slot: its index, the interface that declares the method (for names), the method name and
     * {@code Interface::Method}, made once here rather than at every call dispatched through the slot.
     */
    public record Slot(int index, String declaredIn, String name, String qualifiedName) {

        /**
         * A slot; {@code qualifiedName} must be {@code declaredIn::name}.
         *
         * @param index the slot's index in the vtable, from 0
         * @param declaredIn the interface whose name qualifies the method
         * @param name the method's name
         * @param qualifiedName {@code declaredIn::name}
         * @throws IllegalArgumentException if {@code qualifiedName} is not {@code declaredIn::name}
         */
        public Slot {
            if (!qualifiedName.equals(declaredIn + "::" + name)) {
                throw new IllegalArgumentException(qualifiedName + " is not " + declaredIn + "::" + name);
            }
        }

        /**
         * A slot whose qualified name is {@code declaredIn::name}.
         *
         * @param index the slot's index in the vtable, from 0
         * @param declaredIn the interface whose name qualifies the method
         * @param name the method's name
         */
        public Slot(int index, String declaredIn, String name) {
            this(index, declaredIn, name, declaredIn + "::" + name);
        }
    }

    private static final String UNKNOWN = "IUnknown";
    private static final Map<String, SlotTable> LOADED = new ConcurrentHashMap<>();

    private final String interfaceName;
    private final List<String> chain;
    private final List<Slot> slots;

    private SlotTable(String interfaceName, List<String> chain, List<Slot> slots) {
        this.interfaceName = interfaceName;
        this.chain = List.copyOf(chain);
        this.slots = List.copyOf(slots);
    }

    /**
     * The table of {@code interfaceName}, read once.
     *
     * @param interfaceName the interface, e.g. {@code IVssAsync}
     * @return the table
     */
    public static SlotTable of(String interfaceName) {
        SlotTable t = LOADED.get(interfaceName);
        if (t == null) {
            t = load(interfaceName);
            LOADED.putIfAbsent(interfaceName, t);
        }
        return t;
    }

    private static SlotTable load(String interfaceName) {
        Declaration own = Declaration.read(interfaceName);
        List<String> chain = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        if (own.base != null) {
            SlotTable base = of(own.base);
            chain.addAll(base.chain);
            String unknownName = own.base.equals(UNKNOWN) ? interfaceName : null;
            for (Slot s : base.slots) {
                slots.add(unknownName != null ? new Slot(s.index, unknownName, s.name) : s);
            }
        }
        chain.add(interfaceName);
        for (String method : own.methods) {
            if (slots.stream().anyMatch(s -> s.name.equals(method))) {
                throw new IllegalStateException(interfaceName + " slot table declares " + method + " twice");
            }
            slots.add(new Slot(slots.size(), interfaceName, method));
        }
        return new SlotTable(interfaceName, chain, slots);
    }

    /**
     * The name of the interface this table lays out.
     *
     * @return the interface's name, e.g. {@code IVssAsync}
     */
    public String interfaceName() {
        return interfaceName;
    }

    /**
     * The interface and its bases, from the root to this one.
     *
     * @return the interface names, IUnknown first
     */
    public List<String> chain() {
        return chain;
    }

    /**
     * Every slot, in order.
     *
     * @return the slots, by index
     */
    public List<Slot> slots() {
        return slots;
    }

    /**
     * How many slots the table has: its vtable's length.
     *
     * @return the number of slots, IUnknown's three included
     */
    public int size() {
        return slots.size();
    }

    /**
     * The slot of the method named {@code name}, if this table has one.
     *
     * @param name the method's name, without its interface
     * @return the slot, or empty if no method of the table has that name
     */
    public Optional<Slot> find(String name) {
        return slots.stream().filter(s -> s.name.equals(name)).findFirst();
    }

    /**
     * The slot of the binding's {@code method}, found by its name only (never its ordinal); the method's interface
     * must be this one or a base.
     *
     * @param method the binding's method
     * @return the slot
     * @throws IllegalArgumentException if the method belongs to no interface of this table's chain, or the table has no
     *                                  such method
     */
    public Slot slotOf(ComMethod method) {
        if (!chain.contains(method.interfaceName()) && !method.interfaceName().equals(UNKNOWN)) {
            throw new IllegalArgumentException(method.qualifiedName() + " is not a method of " + interfaceName);
        }
        return find(method.name()).orElseThrow(() -> new IllegalArgumentException(
                interfaceName + " slot table has no " + method.name()));
    }

    /**
     * A native table with one function per slot, in this table's order: {@code implementation} gives the function of
     * each slot, chosen by the slot's name (slot {@code n} at {@code n * 8}: x64 pointers are 8 bytes).
     *
     * @param implementation the function of each slot
     * @return the table's native memory, which must stay reachable while it is in use
     */
    public Memory table(Function<Slot, NativeCallback> implementation) {
        Memory t = new Memory((long) slots.size() * Native64.POINTER_SIZE);
        for (Slot s : slots) {
            t.setPointer((long) s.index * Native64.POINTER_SIZE, implementation.apply(s).pointer());
        }
        return t;
    }

    /**
     * As {@link #table(Function)}, from functions keyed by method name: every slot must have one, and every function
     * a slot.
     *
     * @param byName method name to its function
     * @return the table's native memory, which must stay reachable while it is in use
     * @throws IllegalArgumentException if a slot has no function or a function no slot
     */
    public Memory table(Map<String, NativeCallback> byName) {
        for (String name : byName.keySet()) {
            if (find(name).isEmpty()) {
                throw new IllegalArgumentException(interfaceName + " slot table has no " + name);
            }
        }
        return table(s -> {
            NativeCallback f = byName.get(s.name);
            if (f == null) {
                throw new IllegalArgumentException("no simulation of " + s.qualifiedName());
            }
            return f;
        });
    }

    /** The parsed resource: the base and the interface's own methods. */
    private record Declaration(String base, List<String> methods) {

        static Declaration read(String interfaceName) {
            String resource = "slots/" + interfaceName + ".slots";
            try (InputStream in = SlotTable.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no simulator slot table for " + interfaceName + " ("
                            + resource + ")");
                }
                String base = null;
                List<String> methods = new ArrayList<>();
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                int number = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    number++;
                    String text = line.strip();
                    if (text.isEmpty() || text.startsWith("#")) {
                        continue;
                    }
                    String[] words = text.split("\\s+");
                    if (words[0].equals("base") && words.length == 2 && base == null && methods.isEmpty()) {
                        base = words[1];
                    } else if (words.length == 1 && words[0].matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        methods.add(words[0]);
                    } else {
                        throw new IllegalStateException(resource + " line " + number + ": expected a method name"
                                + " or a first 'base <Interface>' line, found '" + text + "'");
                    }
                }
                return new Declaration(base, methods);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }
}
