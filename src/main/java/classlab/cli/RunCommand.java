package classlab.cli;

import classlab.core.UserException;
import classlab.core.figure.Figure;
import classlab.core.lesson.Experiment;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonCatalog;
import classlab.core.lesson.LessonEnvironment;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamValues;
import classlab.core.lesson.Environments;
import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import classlab.ui.widget.HeadlessFigures;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code run LESSON}: runs a lesson's experiments without UI and writes {@code summary.json},
 * {@code metrics.csv}, and one PNG (plus its CSV) per figure into the output folder.
 */
final class RunCommand {
    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int execute(List<String> args) throws UsageException {
        Options o = Options.parse(args, Set.of("experiment", "epochs", "seed", "data-dir", "out", "set", "lang"), Set.of("no-figures"));
        LessonCatalog catalog = LessonCatalog.load();
        if (o.positional.size() != 1) {
            throw new UsageException("run needs exactly one lesson id; lessons: " + ids(catalog));
        }
        LessonCatalog.Entry entry = find(catalog, o.positional.get(0));
        LessonEnvironment env = Environments.create(o.has("data-dir") ? Path.of(o.get("data-dir")) : null,
                classlab.core.data.ProgressListener.NONE);
        LessonModel model = entry.factory().apply(env);
        ParamValues values = configure(model, o);
        List<Experiment> experiments = new ArrayList<>();
        if (o.has("experiment")) {
            try {
                experiments.add(model.experiment(o.get("experiment")));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        } else {
            experiments.addAll(model.experiments());
        }
        String lang = o.has("lang") ? ClassLabCli.language(o.get("lang")) : "en";
        Path outDir = Path.of(o.has("out") ? o.get("out") : "classlab-out/" + entry.id());

        LessonStrings text = LessonStrings.load(entry.id(), lang);
        MetricLog log = new MetricLog();
        List<String> notes = new ArrayList<>();
        RunControl control = RunControl.unattended(log, notes::add);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode summary = json.createObjectNode();
        summary.put("lesson", entry.id());
        if (values.has("seed")) summary.put("seed", ((Number) values.get("seed")).longValue());
        else summary.putNull("seed");
        ArrayNode results = summary.putArray("experiments");
        int exit = 0;
        try {
            Files.createDirectories(outDir);
            model.updateDemos(values);
            for (Experiment e : experiments) {
                long start = System.nanoTime();
                ObjectNode r = results.addObject();
                r.put("name", e.name());
                notes.clear();
                try {
                    ExperimentResult result = model.run(e.name(), values, control);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    r.put("epochs", result.epochs());
                    r.put("seconds", seconds);
                    ObjectNode finals = r.putObject("final");
                    for (Map.Entry<String, Double> m : result.finalMetrics().entrySet()) {
                        // JSON has no NaN: an undefined metric is null, and the run's notes say why
                        if (Double.isFinite(m.getValue())) finals.put(m.getKey(), m.getValue());
                        else finals.putNull(m.getKey());
                    }
                    out.println(String.format(Locale.ROOT, "%s/%s: %d epochs in %.1f s %s", entry.id(), e.name(),
                            result.epochs(), seconds, result.finalMetrics()));
                } catch (UserException ex) {
                    // a setting that does not fit the data or the model: usage, exit 2, one line
                    exit = Math.max(exit, 2);
                    r.put("seconds", (System.nanoTime() - start) / 1e9);
                    r.put("error", ex.getMessage());
                    if (ex.param() != null) r.put("param", ex.param());
                    err.println("classlab: " + entry.id() + "/" + e.name() + ": " + LessonStrings.resolve(text, ex.deferred()));
                } catch (Exception ex) {
                    exit = Math.max(exit, 1);
                    r.put("seconds", (System.nanoTime() - start) / 1e9);
                    r.put("error", String.valueOf(ex.getMessage()));
                    err.println("classlab: " + entry.id() + "/" + e.name() + " failed: " + ex.getMessage());
                }
                if (!notes.isEmpty()) {
                    ArrayNode noteArray = r.putArray("notes");
                    for (String note : notes) {
                        noteArray.add(LessonStrings.resolve(text, note));
                        err.println("classlab: " + entry.id() + "/" + e.name() + ": " + LessonStrings.resolve(text, note));
                    }
                }
            }
            env.loadedMnist().ifPresent(mnist -> {
                ArrayNode files = summary.putArray("mnist_files");
                mnist.files().forEach(f -> files.add(f.toAbsolutePath().toString()));
                out.println("MNIST files used: " + mnist.files().stream().map(f -> f.toAbsolutePath().toString())
                        .collect(java.util.stream.Collectors.joining(", ")));
            });
            json.writeValue(outDir.resolve("summary.json").toFile(), summary);
            Files.writeString(outDir.resolve("metrics.csv"), log.toCsv(), StandardCharsets.UTF_8);
            if (!o.has("no-figures")) writeFigures(model, text, outDir);
        } catch (IOException ex) {
            err.println("classlab: cannot write results to " + outDir + ": " + ex.getMessage());
            return 1;
        } catch (Exception ex) {
            err.println("classlab: " + ex.getMessage());
            return 1;
        }
        out.println("wrote " + outDir.toAbsolutePath());
        return exit;
    }

    private static void writeFigures(LessonModel model, LessonStrings text, Path outDir) throws Exception {
        List<Figure> figures = model.allFigures();
        for (Figure f : figures) {
            Files.writeString(outDir.resolve(f.id() + ".csv"), f.toCsv(), StandardCharsets.UTF_8);
        }
        HeadlessFigures.renderToPng(figures, text, outDir, 900, 600);
    }

    /** Defaults, then --epochs, --seed and every --set, each validated by the lesson's ParamSpec. */
    static ParamValues configure(LessonModel model, Options o) throws UsageException {
        ParamValues values = model.defaults();
        try {
            if (o.has("epochs")) {
                o.positiveInt("epochs");
                if (!values.has("epochs")) throw new UsageException("lesson " + model.id() + " has no epochs parameter");
                values = values.with("epochs", o.get("epochs"));
            }
            if (o.has("seed")) {
                o.longValue("seed");
                if (!values.has("seed")) throw new UsageException("lesson " + model.id() + " has no seed parameter");
                values = values.with("seed", o.get("seed"));
            }
            for (String kv : o.all("set")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) throw new UsageException("--set needs key=value, got '" + kv + "'");
                values = values.with(kv.substring(0, eq), kv.substring(eq + 1));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return values;
    }

    static LessonCatalog.Entry find(LessonCatalog catalog, String id) throws UsageException {
        try {
            return catalog.find(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String ids(LessonCatalog catalog) {
        List<String> ids = new ArrayList<>();
        for (LessonCatalog.Entry e : catalog.entries()) ids.add(e.id());
        return String.join(", ", ids);
    }
}
