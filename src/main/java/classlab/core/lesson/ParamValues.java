package classlab.core.lesson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validated values of a lesson's parameters; immutable, so a run keeps the values it started with. */
public final class ParamValues {
    private final Map<String, ParamSpec> specs;
    private final Map<String, Object> values;

    private ParamValues(Map<String, ParamSpec> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = values;
    }

    /** Every parameter at its default (the notebook's value). */
    public static ParamValues defaults(List<ParamSpec> params) {
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec p : params) {
            specs.put(p.key(), p);
            values.put(p.key(), p.parse(p.defaultValue()));
        }
        return new ParamValues(Collections.unmodifiableMap(specs), Collections.unmodifiableMap(values));
    }

    /**
     * A copy with one value replaced.
     *
     * @throws classlab.core.UserException for an unknown key or an invalid value (message names both)
     */
    public ParamValues with(String key, String raw) {
        ParamSpec spec = specs.get(key);
        if (spec == null) {
            throw new classlab.core.UserException(key, "error.param.unknown", key, String.join(", ", specs.keySet()));
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, spec.parse(raw));
        return new ParamValues(specs, Collections.unmodifiableMap(copy));
    }

    /**
     * A copy with every training epoch count mapped by {@code epochs}: the integer parameters named
     * {@code epochs} or {@code *_epochs} that configure a run (demo parameters, which only redraw
     * an instant figure, are kept). Results are clamped to each parameter's range. Used by the
     * command line's {@code --epochs N} and the pane's quick-demo preset.
     *
     * @param epochs maps a current epoch count (≥ 1) to the new one
     */
    public ParamValues withEpochs(java.util.function.IntUnaryOperator epochs) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        for (ParamSpec p : specs.values()) {
            if (isEpochCount(p)) {
                int n = epochs.applyAsInt((Integer) values.get(p.key()));
                copy.put(p.key(), (int) Math.max(p.min(), Math.min(p.max(), n)));
            }
        }
        return new ParamValues(specs, Collections.unmodifiableMap(copy));
    }

    /**
     * A copy with the integer {@code key} lowered to {@code available} when above it (more images than
     * the data holds: the run uses them all, and the form says "In use: N"); unchanged when it is not
     * above, or when {@code available} is below the setting's minimum (the run's note says that case).
     */
    public ParamValues atMost(String key, int available) {
        if (getInt(key) <= available) return this;
        try {
            return with(key, Integer.toString(available));
        } catch (IllegalArgumentException belowTheRange) {
            return this;
        }
    }

    /**
     * Refuses an epoch count that none of the lesson's training epoch counts accepts ({@code --epochs
     * 99999} where they go up to 5000); within that, {@link #withEpochs} gives each count its own range.
     *
     * @throws classlab.core.UserException ({@code error.param.range}) naming the epoch count with the widest range
     */
    public void checkEpochs(int epochs) {
        ParamSpec widest = null;
        for (ParamSpec p : specs.values()) if (isEpochCount(p) && (widest == null || p.max() > widest.max())) widest = p;
        if (widest != null) widest.parse(Integer.toString(epochs));
    }

    /** Whether {@code p} is a training epoch count ({@code epochs} or {@code *_epochs}, not a demo parameter). */
    public static boolean isEpochCount(ParamSpec p) {
        return p.type() == ParamSpec.Type.INT && !p.demo() && (p.key().equals("epochs") || p.key().endsWith("_epochs"));
    }

    /**
     * The parameters whose value differs from {@code defaults}, as typed ({@code key → text}), in form
     * order; the seed is left out (it is reported on its own).
     */
    public Map<String, String> changedFrom(ParamValues defaults) {
        Map<String, String> changed = new LinkedHashMap<>();
        for (ParamSpec p : specs.values()) {
            if (p.key().equals("seed") || !defaults.has(p.key())) continue;
            if (!text(p.key()).equals(defaults.text(p.key()))) changed.put(p.key(), text(p.key()));
        }
        return changed;
    }

    public boolean has(String key) { return specs.containsKey(key); }

    /**
     * These values restricted to the parameters that the form of section {@code sectionId} shows and its
     * runs use ({@link ParamSpec#shownIn}): an export of one tab's run names that tab's settings and seed,
     * not another tab's (trial 8: tab A's table said tab C's "seed 43052").
     */
    public ParamValues shownIn(String sectionId) {
        Map<String, ParamSpec> shownSpecs = new LinkedHashMap<>();
        Map<String, Object> shownValues = new LinkedHashMap<>();
        for (ParamSpec p : specs.values()) {
            if (!p.shownIn(sectionId)) continue;
            shownSpecs.put(p.key(), p);
            shownValues.put(p.key(), values.get(p.key()));
        }
        return new ParamValues(Collections.unmodifiableMap(shownSpecs), Collections.unmodifiableMap(shownValues));
    }

    /**
     * The key of the seed among these values: {@code seed}, else the first called {@code <name>_seed}
     * (multiclass's tab A has {@code binary_seed}), else null. With {@link #shownIn} it is the seed of
     * one tab's runs.
     */
    public String seedKey() {
        if (has("seed")) return "seed";
        return specs.keySet().stream().filter(k -> k.endsWith("_seed")).findFirst().orElse(null);
    }

    public List<ParamSpec> specs() { return List.copyOf(specs.values()); }

    public Object get(String key) {
        if (!values.containsKey(key)) throw new IllegalArgumentException("unknown parameter '" + key + "'");
        return values.get(key);
    }

    /** The value as it would be typed back into a form. */
    public String text(String key) {
        Object v = get(key);
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Object o : list) {
                if (sb.length() > 0) sb.append(", ");
                sb.append(o instanceof Double d ? ParamSpec.format(d) : String.valueOf(o));
            }
            return sb.toString();
        }
        return v instanceof Double d ? ParamSpec.format(d) : String.valueOf(v);
    }

    public int getInt(String key) { return (Integer) get(key); }
    public double getDouble(String key) { return ((Number) get(key)).doubleValue(); }
    public boolean getBool(String key) { return (Boolean) get(key); }
    public String getString(String key) { return (String) get(key); }

    @SuppressWarnings("unchecked")
    public List<Integer> getIntList(String key) { return (List<Integer>) get(key); }

    @SuppressWarnings("unchecked")
    public List<Double> getDoubleList(String key) { return (List<Double>) get(key); }
}
