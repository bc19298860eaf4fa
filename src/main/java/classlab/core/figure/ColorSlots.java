package classlab.core.figure;

import java.util.HashMap;
import java.util.Map;

/**
 * Colour slots shared by the figures of one lesson: a series name (a configuration, a strategy) that
 * has a slot in one figure gets the same slot in every other figure of the lesson where no other
 * series holds it, so "Weighted Loss" is the same colour on every tab that shows it (README: each
 * configuration keeps its colour). A figure's own choice wins where the shared slot is taken in it.
 *
 * <p>Thread-safe. Slots are 0, 1, 2…; views take them modulo their palette.
 */
public final class ColorSlots {
    private final Map<String, Integer> slots = new HashMap<>();

    /** The slot the name has in the lesson, or null when no figure coloured it yet. */
    public synchronized Integer of(String name) { return slots.get(name); }

    /** Records the slot a figure gave the name, unless the lesson already has one for it. */
    synchronized void claim(String name, int slot) { slots.putIfAbsent(name, slot); }

    /**
     * Gives {@code names} the slots 0, 1, 2… in this order before any figure colours them: for a
     * lesson whose tabs show subsets of the same configurations, so a tab with only the second and
     * third still draws them in the second and third colour, whatever tab was run first.
     */
    public synchronized ColorSlots reserve(String... names) {
        for (int i = 0; i < names.length; i++) slots.putIfAbsent(names[i], i);
        return this;
    }
}
