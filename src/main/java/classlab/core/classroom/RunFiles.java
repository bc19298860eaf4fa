package classlab.core.classroom;

import classlab.core.UserException;
import classlab.core.train.TrainingEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded run as a JSON file ({@code .classlab-run.json}): {@code {"format": "classlab-run",
 * "version": 1, "number", "lesson", "experiment", "section", "settings", "changed", "training", "seed",
 * "started" (ISO-8601), "outcome", "results", "curves": [{"figure", "series", "rightAxis", "x", "y"}],
 * "tableRows": [{"figure", "key", "cells"}], "bars", "grids", "metrics", "endedAt": {"label",
 * "configuration", "configurations", "epoch", "epochs", "iteration"}}} ({@code endedAt}: where the run
 * ended, e.g. the epoch at which it was stopped; absent in files of earlier versions). Non-finite
 * numbers are written as {@code null}.
 */
public final class RunFiles {
    /** The file name ending the app proposes and the file chooser filters on. */
    public static final String EXTENSION = ".classlab-run.json";
    static final String FORMAT = "classlab-run";
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFiles() {}

    /** Writes a run (atomically: a temporary file moved into place). */
    public static void write(RunRecord r, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION).put("lesson", r.lesson()).put("experiment", r.experiment())
            .put("section", r.section()).put("outcome", r.outcome())
            .put("started", (r.fromFile() ? r.source().started() : r.started()).toString());
        Integer number = r.fromFile() ? r.source().number() : Integer.valueOf(r.number());
        if (number != null && number > 0) root.put("number", number);
        if (r.seed() != null) root.put("seed", r.seed());
        root.set("settings", JSON.valueToTree(r.settings()));
        root.set("changed", JSON.valueToTree(r.changed()));
        root.set("training", JSON.valueToTree(r.training()));
        ObjectNode results = root.putObject("results");
        r.results().forEach((k, v) -> number(results, k, v));
        ArrayNode curves = root.putArray("curves");
        for (RunRecord.Curve c : r.curves()) {
            ObjectNode n = curves.addObject().put("figure", c.figure()).put("series", c.series()).put("rightAxis", c.rightAxis());
            numbers(n.putArray("x"), c.x());
            numbers(n.putArray("y"), c.y());
        }
        ArrayNode rows = root.putArray("tableRows");
        for (RunRecord.TableRow t : r.tableRows()) {
            ObjectNode n = rows.addObject().put("figure", t.figure()).put("key", t.key());
            ArrayNode cells = n.putArray("cells");
            for (Object cell : t.cells()) {
                if (cell instanceof Integer i) cells.add(i);
                else if (cell instanceof Long l) cells.add(l);
                else if (cell instanceof Number num) number(cells, num.doubleValue());
                else cells.add(String.valueOf(cell));
            }
        }
        ArrayNode bars = root.putArray("bars");
        for (RunRecord.Bar b : r.bars()) {
            number(bars.addObject().put("figure", b.figure()).put("group", b.group()).put("category", b.category()), "value", b.value());
        }
        ArrayNode grids = root.putArray("grids");
        for (RunRecord.Grid g : r.grids()) {
            ObjectNode n = grids.addObject().put("figure", g.figure()).put("caption", g.caption()).put("showValues", g.showValues());
            ArrayNode values = n.putArray("values");
            for (double[] row : g.values()) numbers(values.addArray(), row);
            if (g.rowLabels() != null) n.set("rowLabels", JSON.valueToTree(g.rowLabels()));
            if (g.colLabels() != null) n.set("colLabels", JSON.valueToTree(g.colLabels()));
        }
        ArrayNode metrics = root.putArray("metrics");
        for (RunRecord.Metric m : r.metrics()) {
            number(metrics.addObject().put("experiment", m.experiment()).put("epoch", m.epoch()).put("metric", m.metric()), "value", m.value());
        }
        TrainingEngine.Progress at = r.endedAt();
        if (at != null) {
            root.putObject("endedAt").put("label", at.label()).put("configuration", at.configuration())
                .put("configurations", at.configurations()).put("epoch", at.epoch()).put("epochs", at.epochs())
                .put("iteration", at.iteration());
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "run", ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a run written by {@link #write} (number 0: it is no run of this session; its
     * {@link RunRecord#source() source} names the recorded number and start time).
     *
     * @throws IOException if the file cannot be read
     * @throws UserException naming the file and the problem when it is not a ClassLab run (other
     *         format, newer version, missing or malformed field)
     */
    public static RunRecord read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserException(null, "error.run_file.not_run", file.getFileName());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new UserException(null, "error.run_file.not_run", file.getFileName());
        }
        if (root.path("version").asInt() > VERSION) {
            throw new UserException(null, "error.run_file.newer", file.getFileName(), root.path("version").asInt());
        }
        Instant started;
        try {
            started = Instant.parse(text(root, "started", file));
        } catch (DateTimeParseException e) {
            throw new UserException(null, "error.run_file.field", file.getFileName(), "started");
        }
        List<RunRecord.Curve> curves = new ArrayList<>();
        for (JsonNode n : root.path("curves")) {
            curves.add(new RunRecord.Curve(text(n, "figure", file), text(n, "series", file), n.path("rightAxis").asBoolean(),
                    doubles(n.path("x")), doubles(n.path("y"))));
        }
        List<RunRecord.TableRow> rows = new ArrayList<>();
        for (JsonNode n : root.path("tableRows")) {
            List<Object> cells = new ArrayList<>();
            for (JsonNode c : n.path("cells")) {
                cells.add(c.isInt() ? Integer.valueOf(c.asInt()) : c.isNumber() ? Double.valueOf(c.asDouble())
                        : c.isNull() ? Double.valueOf(Double.NaN) : c.asText());
            }
            rows.add(new RunRecord.TableRow(text(n, "figure", file), text(n, "key", file), cells));
        }
        List<RunRecord.Bar> bars = new ArrayList<>();
        for (JsonNode n : root.path("bars")) {
            bars.add(new RunRecord.Bar(text(n, "figure", file), text(n, "group", file), text(n, "category", file), value(n.path("value"))));
        }
        List<RunRecord.Grid> grids = new ArrayList<>();
        for (JsonNode n : root.path("grids")) {
            List<double[]> values = new ArrayList<>();
            for (JsonNode row : n.path("values")) values.add(doubles(row));
            grids.add(new RunRecord.Grid(text(n, "figure", file), n.path("caption").asText(""), values.toArray(new double[0][]),
                    strings(n.get("rowLabels")), strings(n.get("colLabels")), n.path("showValues").asBoolean()));
        }
        List<RunRecord.Metric> metrics = new ArrayList<>();
        for (JsonNode n : root.path("metrics")) {
            metrics.add(new RunRecord.Metric(text(n, "experiment", file), n.path("epoch").asInt(), text(n, "metric", file), value(n.path("value"))));
        }
        Map<String, Double> results = new LinkedHashMap<>();
        root.path("results").fields().forEachRemaining(e -> results.put(e.getKey(), value(e.getValue())));
        List<String> training = new ArrayList<>();
        for (JsonNode t : root.path("training")) training.add(t.asText());
        return new RunRecord(0, text(root, "lesson", file), text(root, "experiment", file), text(root, "section", file),
                textMap(root.path("settings")), textMap(root.path("changed")), training,
                root.hasNonNull("seed") ? root.path("seed").asLong() : null, started, text(root, "outcome", file), results,
                curves, rows, bars, grids, metrics,
                new RunRecord.Source(root.path("number").asInt() > 0 ? Integer.valueOf(root.path("number").asInt()) : null, started, false),
                endedAt(root.get("endedAt")));
    }

    private static TrainingEngine.Progress endedAt(JsonNode n) {
        if (n == null || !n.isObject()) return null;
        return new TrainingEngine.Progress(n.path("label").asText(""), n.path("configuration").asInt(), n.path("configurations").asInt(1),
                n.path("epoch").asInt(), n.path("epochs").asInt(), n.path("iteration").asLong(), Double.NaN, 0);
    }

    private static String text(JsonNode n, String field, Path file) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new UserException(null, "error.run_file.field", file.getFileName(), field);
        return v.asText();
    }

    private static Map<String, String> textMap(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private static String[] strings(JsonNode n) {
        if (n == null || n.isNull()) return null;
        String[] s = new String[n.size()];
        for (int i = 0; i < s.length; i++) s[i] = n.get(i).asText();
        return s;
    }

    private static double value(JsonNode n) { return n == null || n.isNull() ? Double.NaN : n.asDouble(); }

    private static double[] doubles(JsonNode array) {
        double[] d = new double[array.size()];
        for (int i = 0; i < d.length; i++) d[i] = value(array.get(i));
        return d;
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) number(array, v);
    }

    private static void number(ArrayNode array, double v) {
        if (Double.isFinite(v)) array.add(v); else array.addNull();
    }

    private static void number(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) node.put(field, v); else node.putNull(field);
    }
}
