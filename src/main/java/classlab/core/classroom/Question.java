package classlab.core.classroom;

import java.util.List;
import java.util.Map;

/**
 * A discussion question of a notebook whose answer the data gives: students predict before Run,
 * and the run's final metrics ({@link RunRecord#results()}) decide. Read from
 * {@code /lessons/<id>/questions.json} by {@link Questions}.
 *
 * <p>Two kinds: a <em>choice</em> ({@code options} non-empty): the outcome is the option whose metric
 * is largest ({@code choose = "max"}) or smallest ({@code "min"}); a <em>number</em>
 * ({@code number} non-null): the outcome is the metric's value, and a prediction within
 * {@code tolerance} of it is right.
 *
 * @param experiment the experiment whose run answers it
 * @param text       the question per language ({@code ko}, {@code en})
 * @param answer     the notebook's explanation per language, shown when the teacher reveals it
 */
public record Question(String id, String experiment, Map<String, String> text, Map<String, String> answer,
                       String choose, List<Option> options, NumberAnswer number) {

    /**
     * One answer to choose.
     *
     * @param labelKey a lesson message key (for example {@code series.dropout}), or null when
     *                 {@code label} gives the text per language
     * @param metric   the final metric that stands for this option
     */
    public record Option(String labelKey, Map<String, String> label, String metric) {}

    /**
     * A numeric answer: the final {@code metric}, predicted within [{@code min}, {@code max}]; a
     * prediction is right when {@code |prediction − outcome| ≤ tolerance}.
     */
    public record NumberAnswer(String metric, double min, double max, double tolerance) {}

    /**
     * What the run gave: for a choice the index of the winning option, for a number the value.
     * {@link #available()} is false when the run did not report every metric the question needs
     * (stopped early, or parameters changed the configurations).
     */
    public record Outcome(int option, double value, boolean available) {
        static final Outcome NONE = new Outcome(-1, Double.NaN, false);
    }

    public Question {
        text = Map.copyOf(text);
        answer = Map.copyOf(answer);
        options = List.copyOf(options);
    }

    public boolean isChoice() { return number == null; }

    public String text(String language) { return pick(text, language); }

    public String answer(String language) { return pick(answer, language); }

    private static String pick(Map<String, String> byLanguage, String language) {
        String s = byLanguage.get(language);
        return s != null ? s : byLanguage.getOrDefault("en", "");
    }

    /** The outcome of a run's final metrics. */
    public Outcome outcome(Map<String, Double> metrics) {
        if (!isChoice()) {
            Double v = metrics.get(number.metric());
            return v == null || v.isNaN() ? Outcome.NONE : new Outcome(-1, v, true);
        }
        int best = -1;
        double bestValue = Double.NaN;
        for (int i = 0; i < options.size(); i++) {
            Double v = metrics.get(options.get(i).metric());
            if (v == null || v.isNaN()) return Outcome.NONE;
            boolean better = choose.equals("max") ? v > bestValue : v < bestValue;
            if (best < 0 || better) { best = i; bestValue = v; }
        }
        return new Outcome(best, bestValue, true);
    }

    /**
     * Whether a prediction matches an available outcome: the same option, or a number within the
     * tolerance. {@code prediction} is the option index (as a double) for a choice.
     */
    public boolean isRight(double prediction, Outcome outcome) {
        if (!outcome.available()) return false;
        if (isChoice()) return (int) prediction == outcome.option();
        return Math.abs(prediction - outcome.value()) <= number.tolerance() + 1e-12;
    }

    /**
     * A typed numeric prediction ("0.85"; a decimal comma is accepted), or null when it is not a
     * number within [{@code min}, {@code max}] (the UI then names the range).
     */
    public Double parseNumber(String raw) {
        try {
            double v = Double.parseDouble(raw.trim().replace(',', '.'));
            return Double.isFinite(v) && v >= number.min() && v <= number.max() ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
