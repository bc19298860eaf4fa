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

    /**
     * The slot for a name new to a figure whose series hold the slots {@code used}: the name's slot
     * in the lesson when it is not among them, else the lowest free one (recorded as the name's slot
     * in the lesson if it had none).
     */
    synchronized int choose(String name, java.util.Collection<Integer> used) {
        Integer shared = slots.get(name);
        int slot = 0;
        if (shared != null && !used.contains(shared)) slot = shared;
        else while (used.contains(slot)) slot++;
        slots.putIfAbsent(name, slot);
        return slot;
    }

    /** The slot a figure of the lesson gave {@code name}, or null when none has coloured it yet. */
    public synchronized Integer slotOf(String name) { return slots.get(name); }

    /**
     * Gives {@code names} the slots 0, 1, 2… in this order before any figure colours them: for a
     * lesson whose tabs show subsets of the same configurations, so a tab with only the second and
     * third still draws them in the second and third colour, whatever tab was run first.
     */
    public synchronized ColorSlots reserve(String... names) {
        for (int i = 0; i < names.length; i++) slots.putIfAbsent(names[i], i);
        return this;
    }

    /**
     * Gives {@code name} the slot of {@code like} when {@code like} has one and {@code name} has none yet:
     * a figure that follows the lesson's colours ({@link LineFigure#followColors}) then draws {@code name}
     * as the lesson's figures draw {@code like} (cifar's live loss of the CNN in the colour of its
     * "CNN_V1 train" curve, not in that of "MLP val").
     */
    public synchronized ColorSlots sameAs(String name, String like) {
        Integer slot = slots.get(like);
        if (slot != null) slots.putIfAbsent(name, slot);
        return this;
    }

    /** One figure's colour slots per name, chosen through the lesson's {@link ColorSlots} it shares. */
    static final class OfFigure {
        private final Map<String, Integer> slots = new HashMap<>();
        private ColorSlots lesson = new ColorSlots();
        /** Whether names take the lesson's slot even where a series of this figure has it ({@link #follow}). */
        private boolean follows;

        synchronized void share(ColorSlots shared) { lesson = java.util.Objects.requireNonNull(shared, "slots"); }

        /**
         * Colours names by the lesson's slots even where another series of this figure has the same
         * one (for curves that follow one another on the x axis and never overlap), and records none
         * of this figure's own names in the lesson.
         */
        synchronized void follow(ColorSlots shared) {
            share(shared);
            follows = true;
        }

        /** Takes {@code other}'s slots, lesson and mode: a copy of a figure colours every name as the figure does. */
        void copyFrom(OfFigure other) {
            Map<String, Integer> theirs;
            ColorSlots theirLesson;
            boolean theyFollow;
            synchronized (other) {
                theirs = new HashMap<>(other.slots);
                theirLesson = other.lesson;
                theyFollow = other.follows;
            }
            synchronized (this) {
                slots.putAll(theirs);
                lesson = theirLesson;
                follows = theyFollow;
            }
        }

        /** The name's slot in this figure, chosen on first use ({@link ColorSlots#choose}). */
        synchronized int of(String name) {
            Integer slot = slots.get(name);
            if (slot != null) return slot;
            if (follows) {
                Integer shared = lesson.slotOf(name);
                int s = 0;
                if (shared != null) s = shared;
                else while (slots.containsValue(s)) s++;
                slots.put(name, s);
                return s;
            }
            // A renamed curve shares its slot under both names: count the slots, not the names.
            int s = lesson.choose(name, new java.util.HashSet<>(slots.values()));
            slots.put(name, s);
            return s;
        }

        /**
         * Gives {@code to} the slot of {@code from}, unless {@code to} has one; a {@link #follow following}
         * figure gives it the lesson's slot of {@code to} where the lesson has one.
         */
        synchronized void alias(String to, String from) {
            Integer shared = follows ? lesson.slotOf(to) : null;
            slots.putIfAbsent(to, shared != null ? shared : of(from));
        }
    }
}
