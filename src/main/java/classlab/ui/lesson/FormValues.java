package classlab.ui.lesson;

import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The settings a lesson pane edits, free of any UI toolkit: the current values, the fields whose
 * last typed value was refused (a run is refused until they are fixed, or the last valid value would
 * train while the field shows another) and the quick-demo preset. Written from the FX thread; a run
 * takes {@link #values()} (immutable, read through a volatile field) as its snapshot.
 */
final class FormValues {
    /** Divides every epoch count in quick-demo mode (a 30-epoch comparison trains 6 epochs). */
    static final int QUICK_DEMO_FACTOR = 5;

    private volatile ParamValues values;
    /** Parameters whose last typed value was refused, with the problem (deferred message). */
    private final Map<String, String> invalid = new LinkedHashMap<>();
    private ParamValues beforeQuickDemo;

    FormValues(ParamValues initial) { values = initial; }

    ParamValues values() { return values; }

    /**
     * Stores a typed value if its parameter accepts it.
     *
     * @param problemOf the message (deferred) for a refusal
     * @return null when accepted, else the problem
     */
    String set(String key, String raw, Function<IllegalArgumentException, String> problemOf) {
        try {
            values = values.with(key, raw);
        } catch (IllegalArgumentException e) {
            invalid.put(key, problemOf.apply(e));
            return invalid.get(key);
        }
        invalid.remove(key);
        return null;
    }

    /** Whether {@code key} is a demo parameter (its figures redraw when it changes). */
    boolean isDemo(String key) {
        for (ParamSpec p : values.specs()) if (p.key().equals(key)) return p.demo();
        return false;
    }

    /** Whether the value last typed for {@code key} was refused. */
    boolean isInvalid(String key) { return invalid.containsKey(key); }

    /** The first refused field's problem, or null when every field holds what it shows. */
    String firstProblem() { return invalid.isEmpty() ? null : invalid.values().iterator().next(); }

    /**
     * Replaces every value (defaults, a recorded run's settings): nothing refused. Quick demo stays
     * on only when {@code v}'s epoch counts are the quick-demo ones (a run made in quick demo, run
     * again with "Again"): then turning it off brings the epoch counts from before it back.
     */
    void replaceAll(ParamValues v) {
        ParamValues before = beforeQuickDemo;
        values = v;
        invalid.clear();
        beforeQuickDemo = null;
        if (before != null && epochCounts(v).equals(epochCounts(shortened(before)))) beforeQuickDemo = withEpochCountsOf(v, before);
    }

    /** The epoch counts of {@code v} (parameter → text). */
    private static Map<String, String> epochCounts(ParamValues v) {
        Map<String, String> counts = new LinkedHashMap<>();
        for (ParamSpec p : v.specs()) if (ParamValues.isEpochCount(p)) counts.put(p.key(), v.text(p.key()));
        return counts;
    }

    /** {@code v} with every epoch count taken from {@code source}. */
    private static ParamValues withEpochCountsOf(ParamValues v, ParamValues source) {
        for (Map.Entry<String, String> e : epochCounts(source).entrySet()) v = v.with(e.getKey(), e.getValue());
        return v;
    }

    /** Every epoch count divided by {@value #QUICK_DEMO_FACTOR}, rounded up. */
    private static ParamValues shortened(ParamValues v) {
        return v.withEpochs(n -> (n + QUICK_DEMO_FACTOR - 1) / QUICK_DEMO_FACTOR);
    }

    /** Sets every training epoch count to {@code epochs} (within each parameter's range): {@code --epochs}. */
    void setAllEpochs(int epochs) {
        values = values.withEpochs(n -> epochs);
        forgetRefusedEpochCounts();
    }

    boolean quickDemo() { return beforeQuickDemo != null; }

    /**
     * Quick demo on: every training epoch count becomes ⌈n / {@value #QUICK_DEMO_FACTOR}⌉; off: the
     * epoch counts from before come back (other settings changed meanwhile stay).
     */
    void setQuickDemo(boolean on) {
        if (on == quickDemo()) return;
        if (on) {
            beforeQuickDemo = values;
            values = shortened(values);
        } else {
            ParamValues before = beforeQuickDemo;
            beforeQuickDemo = null;
            values = withEpochCountsOf(values, before);
        }
        forgetRefusedEpochCounts();
    }

    /**
     * The epoch counts were just written (quick demo, {@code --epochs}): a value typed and refused
     * there before is gone from the field, so it no longer refuses a run (trial 4, item 1: "abc" in
     * the epochs, then quick demo, showed 20 while Run named "abc").
     */
    private void forgetRefusedEpochCounts() {
        for (ParamSpec p : values.specs()) if (ParamValues.isEpochCount(p)) invalid.remove(p.key());
    }
}
