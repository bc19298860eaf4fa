package classlab.core.lesson;

import classlab.core.UserException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One hyperparameter of a lesson: its type, default (the notebook's value), bounds and whether it
 * only redraws instant demo figures ({@code demo}) or configures a training run. The label is
 * the message key {@code param.<key>} in the lesson's strings.
 *
 * @param sections the lesson sections whose forms show it; empty for every section
 */
public record ParamSpec(String key, Type type, String defaultValue, double min, double max,
                        List<String> choices, List<String> sections, boolean demo) {

    public enum Type { INT, DOUBLE, BOOL, CHOICE, INT_LIST, DOUBLE_LIST }

    public static ParamSpec integer(String key, int def, int min, int max) {
        return new ParamSpec(key, Type.INT, Integer.toString(def), min, max, List.of(), List.of(), false);
    }

    public static ParamSpec real(String key, double def, double min, double max) {
        return new ParamSpec(key, Type.DOUBLE, format(def), min, max, List.of(), List.of(), false);
    }

    public static ParamSpec bool(String key, boolean def) {
        return new ParamSpec(key, Type.BOOL, Boolean.toString(def), 0, 1, List.of(), List.of(), false);
    }

    public static ParamSpec choice(String key, String def, String... choices) {
        return new ParamSpec(key, Type.CHOICE, def, 0, 0, List.of(choices), List.of(), false);
    }

    public static ParamSpec intList(String key, String def, int min, int max) {
        return new ParamSpec(key, Type.INT_LIST, def, min, max, List.of(), List.of(), false);
    }

    public static ParamSpec realList(String key, String def, double min, double max) {
        return new ParamSpec(key, Type.DOUBLE_LIST, def, min, max, List.of(), List.of(), false);
    }

    /** The same parameter shown only in these sections' forms (e.g. not in an exercise that has its own). */
    public ParamSpec in(String... sectionIds) {
        return new ParamSpec(key, type, defaultValue, min, max, choices, List.of(sectionIds), demo);
    }

    /** Whether the form of section {@code sectionId} shows (and its runs use) this parameter. */
    public boolean shownIn(String sectionId) {
        return sections.isEmpty() || sections.contains(sectionId);
    }

    /** Marks the parameter as driving instant demo figures (redrawn on change, no training). */
    public ParamSpec asDemo() {
        return new ParamSpec(key, type, defaultValue, min, max, choices, sections, true);
    }

    /**
     * Parses and validates a value typed by a user.
     *
     * @throws UserException with a message key naming the parameter and the accepted values
     */
    public Object parse(String raw) {
        String s = raw == null ? "" : raw.trim();
        switch (type) {
            case INT: return checkRange(parseInt(s));
            case DOUBLE: return checkRange(parseDouble(s));
            case BOOL:
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) return Boolean.parseBoolean(s);
                throw new UserException(key, "error.param.bool", key, s);
            case CHOICE:
                if (choices.contains(s)) return s;
                throw new UserException(key, "error.param.choice", key, String.join(", ", choices), s);
            case INT_LIST: {
                List<Integer> out = new ArrayList<>();
                for (String part : splitList(s)) out.add(checkRange(parseInt(part)));
                return List.copyOf(out);
            }
            default: {
                List<Double> out = new ArrayList<>();
                for (String part : splitList(s)) out.add(checkRange(parseDouble(part)));
                return List.copyOf(out);
            }
        }
    }

    private List<String> splitList(String s) {
        List<String> parts = Arrays.stream(s.split("[,\\s]+")).filter(p -> !p.isEmpty()).toList();
        if (parts.isEmpty()) throw new UserException(key, "error.param.empty_list", key);
        return parts;
    }

    private int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            // a whole number too large for an int is out of range, not "not a whole number" (trial 5, item 24)
            if (s.matches("[+-]?[0-9]+")) throw new UserException(key, "error.param.range", key, new java.math.BigInteger(s).toString(), format(min), format(max));
            throw new UserException(key, "error.param.whole_number", key, s, format(min), format(max));
        }
    }

    private double parseDouble(String s) {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new UserException(key, "error.param.number", key, s, format(min), format(max));
        }
    }

    private <T extends Number> T checkRange(T v) {
        double d = v.doubleValue();
        if (d < min || d > max) {
            throw new UserException(key, "error.param.range", key, format(d), format(min), format(max));
        }
        return v;
    }

    /** As such values are typed: 0.001, 1e-6, 1e20 (see {@link classlab.core.Deferred#argument}). */
    static String format(double d) {
        return classlab.core.Deferred.argument(d);
    }
}
