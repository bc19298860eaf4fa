package classlab.core.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a lesson's predict-then-reveal questions from {@code /lessons/<id>/questions.json}:
 * <pre>{"questions": [
 *   {"id": "best_test_accuracy", "experiment": "all_four",
 *    "text": {"ko": "…", "en": "…"}, "answer": {"ko": "…", "en": "…"},
 *    "choose": "max", "options": [{"label": "series.none", "metric": "test_accuracy_none"}, …]},
 *   {"id": "dropout_accuracy", "experiment": "dropout", "text": {…}, "answer": {…},
 *    "number": {"metric": "test_accuracy", "min": 0, "max": 1, "tolerance": 0.05}}]}</pre>
 * An option's {@code label} is a lesson message key or an object with the text per language.
 * A lesson without the file has no questions.
 */
public final class Questions {
    private Questions() {}

    /**
     * @throws IllegalStateException naming the file and the question when the file is malformed
     */
    public static List<Question> load(String lessonId) {
        String resource = "/lessons/" + lessonId + "/questions.json";
        try (InputStream in = Questions.class.getResourceAsStream(resource)) {
            if (in == null) return List.of();
            return parse(new ObjectMapper().readTree(in), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static List<Question> parse(JsonNode root, String source) {
        List<Question> list = new ArrayList<>();
        for (JsonNode q : root.path("questions")) {
            String id = required(q, "id", source, "?");
            String experiment = required(q, "experiment", source, id);
            Map<String, String> text = languages(q.path("text"), source, id, "text");
            Map<String, String> answer = languages(q.path("answer"), source, id, "answer");
            if (q.has("number")) {
                JsonNode n = q.path("number");
                list.add(new Question(id, experiment, text, answer, null, List.of(), new Question.NumberAnswer(
                        required(n, "metric", source, id), n.path("min").asDouble(0), n.path("max").asDouble(1),
                        n.path("tolerance").asDouble(0))));
                continue;
            }
            String choose = q.path("choose").asText("");
            if (!choose.equals("max") && !choose.equals("min")) {
                throw new IllegalStateException(source + ", question " + id + ": \"choose\" must be \"max\" or \"min\" (or give \"number\")");
            }
            List<Question.Option> options = new ArrayList<>();
            for (JsonNode o : q.path("options")) {
                JsonNode label = o.path("label");
                String metric = required(o, "metric", source, id);
                options.add(label.isTextual() ? new Question.Option(label.asText(), Map.of(), metric)
                        : new Question.Option(null, languages(label, source, id, "label"), metric));
            }
            if (options.size() < 2) throw new IllegalStateException(source + ", question " + id + ": a choice needs at least two options");
            list.add(new Question(id, experiment, text, answer, choose, options, null));
        }
        return List.copyOf(list);
    }

    private static String required(JsonNode node, String field, String source, String id) {
        String v = node.path(field).asText("");
        if (v.isEmpty()) throw new IllegalStateException(source + ", question " + id + ": \"" + field + "\" is missing");
        return v;
    }

    private static Map<String, String> languages(JsonNode node, String source, String id, String field) {
        Map<String, String> m = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        if (!m.containsKey("ko") || !m.containsKey("en")) {
            throw new IllegalStateException(source + ", question " + id + ": \"" + field + "\" needs \"ko\" and \"en\"");
        }
        return m;
    }
}
