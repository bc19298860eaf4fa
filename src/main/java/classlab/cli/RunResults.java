package classlab.cli;

import classlab.core.lesson.ExperimentResult;
import classlab.core.train.MetricLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code summary.json} and {@code metrics.csv} of one output folder, merged with what an earlier
 * run of the same lesson left there: re-running one experiment replaces that experiment's entries and
 * keeps the others'; a failure keeps the earlier finished result under {@code "earlier"}. Each experiment entry has {@code "status": "finished"} (with {@code epochs},
 * {@code seconds}, {@code final} and the experiment's {@code details}) or {@code "status": "failed"} (with {@code error}).
 * Files are replaced atomically (written beside, then moved).
 */
final class RunResults {
    static final String SUMMARY = "summary.json";
    static final String METRICS = "metrics.csv";
    private static final String METRICS_HEADER = "experiment,epoch,metric,value";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;
    private final String lesson;
    private final Map<String, ObjectNode> experiments = new LinkedHashMap<>();
    private final List<String> earlierMetrics = new ArrayList<>();
    private Long seed;
    private String version;
    private Map<String, String> changedSettings = Map.of();
    private List<String> mnistFiles = List.of();

    private RunResults(Path dir, String lesson) {
        this.dir = dir;
        this.lesson = lesson;
    }

    /** Reads the earlier results of {@code lesson} in {@code dir}, if any (another lesson's, or unreadable ones, are replaced). */
    static RunResults open(Path dir, String lesson) {
        RunResults r = new RunResults(dir, lesson);
        try {
            JsonNode old = r.json.readTree(dir.resolve(SUMMARY).toFile());
            if (old != null && lesson.equals(old.path("lesson").asText())) {
                for (JsonNode e : old.path("experiments")) {
                    if (e instanceof ObjectNode o && e.hasNonNull("name")) r.experiments.put(e.get("name").asText(), o);
                }
                List<String> lines = Files.readAllLines(dir.resolve(METRICS), StandardCharsets.UTF_8);
                if (!lines.isEmpty() && lines.get(0).equals(METRICS_HEADER)) {
                    // files written before undefined values became empty cells held NaN or Infinity there
                    for (String line : lines.subList(1, lines.size())) r.earlierMetrics.add(line.replaceFirst(",-?(NaN|Infinity)$", ","));
                }
            }
        } catch (IOException e) {
            // No earlier results (or unreadable ones): this run's results stand alone.
        }
        return r;
    }

    void setSeed(Long seed) { this.seed = seed; }

    /** The ClassLab version and the settings that differ from the notebook's defaults, so the run can be repeated. */
    void setRun(String version, Map<String, String> changedSettings) {
        this.version = version;
        this.changedSettings = new LinkedHashMap<>(changedSettings);
    }

    void finished(String name, ExperimentResult result, double seconds) {
        ObjectNode r = entry(name, "finished");
        r.put("epochs", result.epochs());
        r.put("seconds", seconds);
        ObjectNode finals = r.putObject("final");
        // JSON has no NaN: an undefined metric is null, and the experiment's notes say why
        result.finalMetrics().forEach((k, v) -> {
            if (Double.isFinite(v)) finals.put(k, v);
            else finals.putNull(k);
        });
        result.details().forEach((key, value) -> r.set(key, json.valueToTree(value)));
    }

    /** Marks {@code name} failed; an earlier finished result of it is kept under {@code "earlier"}. */
    void failed(String name, String message, double seconds) {
        ObjectNode earlier = experiments.get(name);
        if (earlier != null && earlier.has("earlier")) earlier = (ObjectNode) earlier.get("earlier");
        if (earlier != null && !"finished".equals(earlier.path("status").asText())) earlier = null;
        ObjectNode r = entry(name, "failed");
        if (earlier != null) r.set("earlier", earlier);
        r.put("seconds", seconds);
        r.put("error", message);
    }

    /** The parameter a failed experiment's settings error names. */
    void param(String name, String param) { experiments.get(name).put("param", param); }

    /** Notes the run made about {@code name} (for example a last batch left out), in the output language. */
    void notes(String name, List<String> notes) {
        if (notes.isEmpty() || !experiments.containsKey(name)) return;
        ArrayNode array = experiments.get(name).putArray("notes");
        notes.forEach(array::add);
    }

    /** The MNIST files this run read, named in the summary so the user sees which copies were used. */
    void mnistFiles(List<String> files) { this.mnistFiles = List.copyOf(files); }

    private ObjectNode entry(String name, String status) {
        ObjectNode r = json.createObjectNode();
        r.put("name", name);
        r.put("status", status);
        experiments.remove(name);  // keep the lesson's order of this run at the end
        experiments.put(name, r);
        return r;
    }

    /**
     * Writes both files. In {@code metrics.csv} this run's rows replace the earlier rows logged under
     * the same experiment names; earlier rows of experiments that logged nothing now (not run, or
     * failed before their first epoch) stay.
     */
    void write(MetricLog log) throws IOException {
        ObjectNode summary = json.createObjectNode();
        summary.put("lesson", lesson);
        if (seed == null) summary.putNull("seed");
        else summary.put("seed", seed);
        if (version != null) summary.put("version", version);
        ObjectNode settings = summary.putObject("settings");
        changedSettings.forEach(settings::put);
        if (!mnistFiles.isEmpty()) mnistFiles.forEach(summary.putArray("mnist_files")::add);
        ArrayNode list = summary.putArray("experiments");
        experiments.values().forEach(list::add);
        replace(SUMMARY, json.writeValueAsString(summary) + "\n");

        Set<String> replaced = new HashSet<>();
        for (MetricLog.Row row : log.rows()) replaced.add(row.experiment());
        StringBuilder csv = new StringBuilder(METRICS_HEADER).append('\n');
        for (String line : earlierMetrics) {
            int comma = line.indexOf(',');
            if (comma > 0 && !replaced.contains(line.substring(0, comma))) csv.append(line).append('\n');
        }
        String fresh = log.toCsv();
        csv.append(fresh, fresh.indexOf('\n') + 1, fresh.length());
        replace(METRICS, csv.toString());
    }

    private void replace(String name, String content) throws IOException {
        Path target = dir.resolve(name);
        Path tmp = dir.resolve(name + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
