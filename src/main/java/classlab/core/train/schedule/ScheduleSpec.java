package classlab.core.train.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * A schedule described by name and text parameters, as typed into the lesson form or given on
 * the command line ({@code --set schedule.gamma=0.9}); {@link #build()} turns it into an
 * {@link LrSchedule}. Missing parameters take the defaults of notebook 000 Part 3
 * ({@link #defaults(String)}); unknown names, unknown keys, unparsable or out-of-range values
 * are reported by {@link #problems()} with one message each.
 *
 * <p>Names and keys (PyTorch argument names in snake case):
 * <pre>
 * constant              lr0
 * step                  lr0 step_size gamma
 * exponential           lr0 gamma
 * cosine                lr0 t_max eta_min
 * cosine_warm_restarts  lr0 t0 t_mult eta_min
 * reduce_on_plateau     lr0 mode(min|max) factor patience threshold threshold_mode(rel|abs) cooldown min_lr
 * </pre>
 *
 * @param name   schedule name, see above
 * @param params parameter values as text; keys not given use the defaults
 */
public record ScheduleSpec(String name, Map<String, String> params) {

    private enum Kind { REAL, INTEGER, CHOICE }

    /** One parameter: key, type, default (text) and the range rule with its wording. */
    private record Param(String key, Kind kind, String defaultValue, DoublePredicate valid, String rule,
                         List<String> choices) {
        static Param real(String key, String def, DoublePredicate valid, String rule) {
            return new Param(key, Kind.REAL, def, valid, rule, List.of());
        }

        static Param integer(String key, String def, DoublePredicate valid, String rule) {
            return new Param(key, Kind.INTEGER, def, valid, rule, List.of());
        }

        static Param choice(String key, String def, String... choices) {
            return new Param(key, Kind.CHOICE, def, v -> true, "", List.of(choices));
        }
    }

    private static final Param LR0 = Param.real("lr0", "0.1", v -> v > 0, "must be > 0");
    private static final Param ETA_MIN = Param.real("eta_min", "1e-4", v -> v >= 0, "must be >= 0");

    private static final Map<String, List<Param>> SCHEDULES = new LinkedHashMap<>();

    static {
        SCHEDULES.put("constant", List.of(LR0));
        SCHEDULES.put("step", List.of(LR0,
                Param.integer("step_size", "15", v -> v >= 1, "must be >= 1"),
                Param.real("gamma", "0.5", v -> v > 0, "must be > 0")));
        SCHEDULES.put("exponential", List.of(LR0,
                Param.real("gamma", "0.95", v -> v > 0, "must be > 0")));
        SCHEDULES.put("cosine", List.of(LR0,
                Param.integer("t_max", "60", v -> v >= 1, "must be >= 1"), ETA_MIN));
        SCHEDULES.put("cosine_warm_restarts", List.of(LR0,
                Param.integer("t0", "20", v -> v >= 1, "must be >= 1"),
                Param.integer("t_mult", "1", v -> v >= 1, "must be >= 1"), ETA_MIN));
        SCHEDULES.put("reduce_on_plateau", List.of(LR0,
                Param.choice("mode", "min", "min", "max"),
                Param.real("factor", "0.5", v -> v > 0 && v < 1, "must be in (0, 1)"),
                Param.integer("patience", "5", v -> v >= 0, "must be >= 0"),
                Param.real("threshold", "1e-4", v -> v >= 0, "must be >= 0"),
                Param.choice("threshold_mode", "rel", "rel", "abs"),
                Param.integer("cooldown", "0", v -> v >= 0, "must be >= 0"),
                Param.real("min_lr", "0", v -> v >= 0, "must be >= 0")));
    }

    public ScheduleSpec {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A spec with every parameter at its default. */
    public static ScheduleSpec of(String name) {
        return new ScheduleSpec(name, Map.of());
    }

    /** The spec that rebuilds {@code schedule} (its name and {@link LrSchedule#parameters()}). */
    public static ScheduleSpec of(LrSchedule schedule) {
        Map<String, String> text = new LinkedHashMap<>();
        schedule.parameters().forEach((k, v) -> text.put(k, String.valueOf(v)));
        return new ScheduleSpec(schedule.name(), text);
    }

    /** All schedule names, in display order. */
    public static List<String> names() {
        return List.copyOf(SCHEDULES.keySet());
    }

    /** Default parameter values of a schedule, in display order. */
    public static Map<String, String> defaults(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Param p : paramsOf(name)) out.put(p.key(), p.defaultValue());
        return out;
    }

    /** Allowed values of a choice parameter ("mode", "threshold_mode"); empty for numbers. */
    public static List<String> choices(String name, String key) {
        for (Param p : paramsOf(name)) if (p.key().equals(key)) return p.choices();
        throw new IllegalArgumentException("schedule " + name + " has no parameter '" + key + "'");
    }

    private static List<Param> paramsOf(String name) {
        List<Param> list = SCHEDULES.get(name);
        if (list == null) {
            throw new IllegalArgumentException("unknown schedule '" + name + "' (known: " + String.join(", ", SCHEDULES.keySet()) + ")");
        }
        return list;
    }

    /** One message per problem (unknown schedule or key, bad number, value out of range); empty if valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        parse(problems);
        return problems;
    }

    /** Builds the schedule; throws {@link IllegalArgumentException} listing every problem. */
    public LrSchedule build() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> v = parse(problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("schedule " + name + ": " + String.join("; ", problems));
        }
        double lr0 = (Double) v.get("lr0");
        try {
            switch (name) {
                case "constant": return new ConstantLR(lr0);
                case "step": return new StepLR(lr0, (Integer) v.get("step_size"), (Double) v.get("gamma"));
                case "exponential": return new ExponentialLR(lr0, (Double) v.get("gamma"));
                case "cosine": return new CosineAnnealingLR(lr0, (Integer) v.get("t_max"), (Double) v.get("eta_min"));
                case "cosine_warm_restarts":
                    return new CosineAnnealingWarmRestarts(lr0, (Integer) v.get("t0"), (Integer) v.get("t_mult"),
                            (Double) v.get("eta_min"));
                case "reduce_on_plateau":
                    return new ReduceLROnPlateau(lr0,
                            ReduceLROnPlateau.Mode.valueOf(((String) v.get("mode")).toUpperCase(Locale.ROOT)),
                            (Double) v.get("factor"), (Integer) v.get("patience"), (Double) v.get("threshold"),
                            ReduceLROnPlateau.ThresholdMode.valueOf(((String) v.get("threshold_mode")).toUpperCase(Locale.ROOT)),
                            (Integer) v.get("cooldown"), (Double) v.get("min_lr"));
                default: throw new IllegalStateException("schedule " + name + " is listed but not built");
            }
        } catch (IllegalArgumentException e) {
            // rules that involve two parameters (eta_min <= lr0) are checked by the constructors
            throw new IllegalArgumentException("schedule " + name + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Object> parse(List<String> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Param> defs = SCHEDULES.get(name);
        if (defs == null) {
            problems.add("unknown schedule '" + name + "' (known: " + String.join(", ", SCHEDULES.keySet()) + ")");
            return values;
        }
        for (String key : params.keySet()) {
            if (defs.stream().noneMatch(p -> p.key().equals(key))) {
                problems.add("unknown parameter '" + key + "' (known: "
                        + String.join(", ", defaults(name).keySet()) + ")");
            }
        }
        for (Param p : defs) {
            String text = params.getOrDefault(p.key(), p.defaultValue()).trim();
            Object value = parseValue(p, text, problems);
            if (value != null) values.put(p.key(), value);
        }
        if (values.get("eta_min") instanceof Double && values.get("lr0") instanceof Double
                && (Double) values.get("eta_min") > (Double) values.get("lr0")) {
            problems.add("eta_min must be <= lr0, got eta_min=" + values.get("eta_min") + " lr0=" + values.get("lr0"));
        }
        return values;
    }

    private static Object parseValue(Param p, String text, List<String> problems) {
        if (p.kind() == Kind.CHOICE) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!p.choices().contains(lower)) {
                problems.add(p.key() + " must be one of " + String.join("|", p.choices()) + ", got '" + text + "'");
                return null;
            }
            return lower;
        }
        double number;
        try {
            number = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            problems.add(p.key() + " must be a number, got '" + text + "'");
            return null;
        }
        if (!Double.isFinite(number)) {
            problems.add(p.key() + " must be finite, got '" + text + "'");
            return null;
        }
        if (p.kind() == Kind.INTEGER && number != Math.rint(number)) {
            problems.add(p.key() + " must be a whole number, got '" + text + "'");
            return null;
        }
        if (!p.valid().test(number)) {
            problems.add(p.key() + " " + p.rule() + ", got " + text);
            return null;
        }
        return p.kind() == Kind.INTEGER ? (Object) (int) number : (Object) number;
    }

    /** Shared guard of the schedule constructors. */
    static void requirePositive(String key, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " must be a finite number > 0, got " + value);
        }
    }
}
