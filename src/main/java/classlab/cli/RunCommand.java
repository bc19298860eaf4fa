package classlab.cli;

import classlab.core.UserException;
import classlab.core.data.Destinations;
import classlab.core.data.FileAccessException;
import classlab.core.figure.Figure;
import classlab.core.lesson.Experiment;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonCatalog;
import classlab.core.lesson.LessonEnvironment;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamValues;
import classlab.core.lesson.Environments;
import classlab.core.train.Backend;
import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import classlab.core.train.ThreadTimes;
import classlab.core.train.TrainingEngine;
import classlab.ui.widget.HeadlessFigures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code run LESSON}: runs a lesson's experiments without UI and writes {@code summary.json},
 * {@code metrics.csv}, and one PNG (plus its CSV) per figure into the output folder. The folder is
 * checked before training; a failed experiment is marked in the summary, the others' results are
 * written, and earlier results of experiments not run now are kept (see {@link RunResults}).
 */
final class RunCommand {
    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int execute(List<String> args) throws UsageException {
        if (args.contains("--help")) return help(args);
        Options o = Options.parse(args, Set.of("experiment", "epochs", "seed", "data-dir", "out", "set", "lang"), Set.of("no-figures"));
        LessonCatalog catalog = LessonCatalog.load();
        if (o.positional.size() != 1) {
            throw new UsageException("cli.run_needs_lesson", ids(catalog));
        }
        LessonCatalog.Entry entry = find(catalog, o.positional.get(0));
        String lang = o.has("lang") ? ClassLabCli.language(o.get("lang")) : "en";
        LessonStrings text = LessonStrings.load(entry.id(), lang);
        Path outDir = Path.of(o.has("out") ? o.get("out") : "classlab-out/" + entry.id());
        LessonEnvironment env = Environments.forOneRun(o.has("data-dir") ? o.existingFolder("data-dir") : null,
                classlab.core.data.ProgressListener.NONE);
        LessonModel model = entry.factory().apply(env);
        ParamValues values = configure(model, o, text);
        List<Experiment> experiments = new ArrayList<>();
        if (o.has("experiment")) {
            experiments.add(experiment(model, o.get("experiment")));
        } else {
            experiments.addAll(model.experimentsOfAFullRun());
        }
        // Before any training: minutes of work must not end in "cannot write results".
        try {
            Destinations.requireWritableFolder(outDir, FileAccessException.Attempt.RESULTS);
        } catch (FileAccessException e) {
            throw UsageException.told(describe(text, e));
        }

        // ND4J starts before anything is timed, as the window starts it before Run can be pressed: an
        // experiment's seconds are its training (bench/app-vs-run compares them with the window's).
        // A failure to start is left to the first experiment, which reports it in the user's terms.
        try {
            Backend.awaitReady();
        } catch (java.util.concurrent.CompletionException notStarted) {
            // reported by the experiments below
        }
        List<String> failed = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        int exit = 0;
        try {
            model.updateDemos(values);
        } catch (UserException ex) {
            // A setting that does not fit with another (target_class 15 of 10 classes) is bad usage like a
            // value out of range: one line, exit 2, before anything trains or is written (trial 4, item 19).
            if (ex.param() != null) throw UsageException.told(entry.id() + ": " + describe(text, ex));
            exit = demoFailed(text, entry.id(), ex, reported);
        } catch (Exception ex) {
            exit = demoFailed(text, entry.id(), ex, reported);
        }
        MetricLog log = new MetricLog();
        List<String> notes = new ArrayList<>();
        RunControl control = RunControl.unattended(log, notes::add);
        RunResults results = RunResults.open(outDir, entry.id());
        // one experiment: the seed of its tab (multiclass binary_logits trains with binary_seed, not tab C's seed)
        ParamValues seeded = experiments.size() == 1 ? values.shownIn(experiments.get(0).section()) : values;
        String seedKey = seeded.seedKey();
        results.setSeed(seedKey == null ? null : ((Number) seeded.get(seedKey)).longValue());
        for (Experiment e : experiments) {
            long start = System.nanoTime();
            long cpuAtStart = TrainingEngine.threadCpuNanos();
            long queuedAtStart = ThreadTimes.runQueueWaitNanos();
            ThreadTimes.Snapshot threadsAtStart = Boolean.getBoolean("classlab.benchLines") ? ThreadTimes.now() : null;
            notes.clear();
            try {
                ExperimentResult result = model.run(e.name(), values, control);
                double seconds = (System.nanoTime() - start) / 1e9;
                // bench/app-vs-run compares this thread's CPU with the window's training thread (TrainingEngine.jobCpuNanos)
                if (Boolean.getBoolean("classlab.benchLines")) {
                    long queued = ThreadTimes.runQueueWaitNanos();
                    out.println(String.format(Locale.ROOT, "run-training: experiment=%s ms=%.0f trainer-cpu-ms=%.0f trainer-queued-ms=%.0f", e.name(), seconds * 1e3,
                            cpuAtStart < 0 ? -1 : (TrainingEngine.threadCpuNanos() - cpuAtStart) / 1e6,
                            queuedAtStart < 0 || queued < 0 ? -1 : (queued - queuedAtStart) / 1e6)
                            + ThreadTimes.summary(threadsAtStart, ThreadTimes.now(), ThreadTimes.currentTid()));
                }
                results.finished(e.name(), result, seconds);
                // the English line is what bench/app-vs-run reads: "lesson/experiment: N epochs in S s {metrics}" ("1 epoch in" for one)
                out.println(text.format("note.run.experiment_done", entry.id() + "/" + e.name(),
                        result.epochs(), String.format(Locale.ROOT, "%.1f", seconds), rounded(result.finalMetrics()), String.valueOf(result.epochs())));
            } catch (Exception ex) {
                String message = describe(text, ex);
                failed.add(e.name());
                results.failed(e.name(), message, (System.nanoTime() - start) / 1e9);
                // A setting that does not fit (the exception names the parameter) is a usage error: exit 2.
                exit = Math.max(exit, ex instanceof UserException u && u.param() != null ? 2 : 1);
                if (ex instanceof UserException u && u.param() != null) results.param(e.name(), u.param());
                // A data error fails every experiment the same way: say it once.
                if (reported.add(message)) err.println("classlab: " + text.format("error.run.failed", entry.id() + "/" + e.name(), message));
            }
            List<String> resolved = notes.stream().map(n -> LessonStrings.resolve(text, n)).toList();
            results.notes(e.name(), resolved);
            // summary.json keeps every experiment's notes; the terminal hears each one once (the MNIST fallback of cifar, say)
            for (String note : resolved) if (reported.add(note)) err.println("classlab: " + entry.id() + "/" + e.name() + ": " + note);
        }
        env.loadedMnist().ifPresent(mnist -> {
            List<String> files = mnist.files().stream().map(f -> f.toAbsolutePath().normalize().toString()).toList();
            results.mnistFiles(files);
            out.println(text.format("note.run.mnist_files", String.join(", ", files)));
        });
        // The settings the runs used: a lesson that had to replace one (cifar on MNIST) says so.
        ParamValues used = model.inEffect(values);
        results.setRun(classlab.ui.widget.ExportStamp.appVersion(), used.changedFrom(model.defaults()));
        try {
            results.write(log);
            if (!o.has("no-figures")) {
                writeFigures(model, experiments, text, outDir, classlab.ui.widget.ExportStamp.of(entry.title(text.language()),
                        experiments.size() == 1 ? experiments.get(0).name() : null,
                        experiments.size() == 1 ? experiments.get(0).section() : null, used, model.defaults(), text,
                        java.time.LocalDateTime.now()));
            }
        } catch (IOException ex) {
            err.println("classlab: " + describe(text, FileAccessException.translate(ex, FileAccessException.Attempt.RESULTS, outDir)));
            return 1;
        } catch (Exception ex) {
            err.println("classlab: " + describe(text, ex));
            return 1;
        }
        if (failed.isEmpty()) {
            out.println(text.format("note.run.wrote", outDir.toAbsolutePath()));
            return exit;
        }
        // One experiment, or every one failing on a setting: the failure line above says all, once.
        // Otherwise one line sums the failures up.
        if (experiments.size() == 1 || (exit == 2 && failed.size() == experiments.size())) return exit;
        if (failed.size() == experiments.size()) {
            err.println("classlab: " + text.format("error.run.all_failed", String.valueOf(experiments.size()),
                    outDir.resolve(RunResults.SUMMARY).toAbsolutePath()));
        } else {
            err.println("classlab: " + text.format("error.run.some_failed", String.valueOf(failed.size()),
                    String.valueOf(experiments.size()), String.join(", ", failed), outDir.toAbsolutePath()));
        }
        return exit;
    }

    /**
     * A demo figure that could not be drawn for another reason than a setting (its data): the demo
     * figures stay empty and the experiments still run (one that meets the same problem fails with it,
     * said once). Prints the message and returns the exit code it calls for (1).
     */
    private int demoFailed(LessonStrings text, String lesson, Exception ex, Set<String> reported) {
        String message = describe(text, ex);
        reported.add(message);
        err.println("classlab: " + lesson + ": " + message);
        return 1;
    }

    /**
     * {@code run LESSON --help}: the lesson's number and title, its experiments (the default marked)
     * and every setting {@code --set} accepts, with label, default and accepted values, in the
     * language of {@code --lang}. {@code run --help} without a lesson prints the run usage and the lessons.
     */
    private int help(List<String> args) throws UsageException {
        List<String> rest = new ArrayList<>(args);
        rest.remove("--help");
        Options o = Options.parse(rest, Set.of("experiment", "epochs", "seed", "data-dir", "out", "set", "lang"), Set.of("no-figures"));
        String lang = o.has("lang") ? ClassLabCli.language(o.get("lang")) : "en";
        classlab.ui.fx.Messages cli = new classlab.ui.fx.Messages(lang, "cli");
        LessonCatalog catalog = LessonCatalog.load();
        if (o.positional.size() != 1) {
            out.println(cli.get("cli.help_run_usage"));
            ClassLabCli.printLessons(catalog, lang, out);
            return 0;
        }
        LessonCatalog.Entry entry = find(catalog, o.positional.get(0));
        LessonStrings text = LessonStrings.load(entry.id(), lang);
        LessonModel model = entry.factory().apply(Environments.forOneRun(null, classlab.core.data.ProgressListener.NONE));
        out.println(cli.format("cli.help_lesson", entry.id(), ClassLabCli.number(catalog, entry), entry.title(lang)));
        out.println(cli.get("cli.help_experiments"));
        List<Experiment> fullRun = model.experimentsOfAFullRun();
        for (Experiment e : model.experiments()) {
            String note = e.name().equals(model.defaultExperiment().name()) ? "  " + cli.get("cli.help_default_experiment")
                    : fullRun.contains(e) ? "" : "  " + cli.get("cli.help_only_when_named");
            out.println(String.format(Locale.ROOT, "  %-22s %s%s", e.name(), text.apply("experiment." + e.name()), note));
        }
        out.println(cli.get("cli.help_settings"));
        for (classlab.core.lesson.ParamSpec p : model.defaults().specs()) {
            String section = p.sections().isEmpty() ? "" : "  " + cli.format("cli.help_only_in",
                    String.join(", ", p.sections().stream().map(id -> text.apply("section." + id)).toList()));
            out.println(String.format(Locale.ROOT, "  %-22s %s: %s (%s)%s", p.key(), text.apply("param." + p.key()),
                    p.defaultValue(), accepted(p, cli), section));
        }
        return 0;
    }

    /** What a setting accepts, in words of {@code cli}: a range, true/false, one of the choices, or a list of numbers in a range. */
    private static String accepted(classlab.core.lesson.ParamSpec p, classlab.ui.fx.Messages cli) {
        String min = classlab.core.Deferred.argument(p.min());
        String max = classlab.core.Deferred.argument(p.max());
        switch (p.type()) {
            case BOOL: return "true | false";
            case CHOICE: return String.join(" | ", p.choices());
            case INT: case DOUBLE: return cli.format("cli.help_range", min, max);
            default: return cli.format("cli.help_list", min, max);
        }
    }

    /** The user's message for a failure in the run's language ({@link LessonStrings#describe}). */
    static String describe(LessonStrings text, Exception e) {
        return text.describe(e);
    }

    /**
     * Writes the figures that have data in the pane's export format (stamped CSVs with localised headers
     * and names, PNGs drawn off-screen); an empty figure (an experiment not run now) keeps its earlier
     * files. Of one experiment's run, the figures of its tab (not another tab's demo figures, which its
     * stamp would mislabel: run scratch --experiment race wrote the gradient check and the weight
     * histograms stamped "Optimizer race"); of a run of several, every figure, as its stamp names no experiment.
     */
    private static void writeFigures(LessonModel model, List<Experiment> experiments, LessonStrings text, Path outDir,
                                     classlab.ui.widget.ExportStamp stamp) throws Exception {
        List<Figure> figures = withData(experiments.size() == 1 ? model.figures(experiments.get(0).section()) : model.allFigures());
        for (Figure f : figures) classlab.ui.widget.FigureExport.csv(f, text, stamp, outDir.resolve(f.id() + ".csv"));
        if (!figures.isEmpty()) HeadlessFigures.renderToPng(figures, text, outDir, 900, 600);
    }

    /** The figures whose CSV has a row below its header. */
    static List<Figure> withData(List<Figure> figures) {
        List<Figure> filled = new ArrayList<>();
        for (Figure f : figures) {
            String csv = f.toCsv();
            if (csv.indexOf('\n') < csv.length() - 1) filled.add(f);
        }
        return filled;
    }

    /**
     * Defaults, then --epochs (every epoch count of the lesson, within each one's range), --seed and
     * every --set, each validated by the lesson's ParamSpec.
     * {@code --seed N} (or {@code --epochs N}) together with a different {@code --set seed=M} is refused:
     * neither silently wins; so is one key given two values by two {@code --set}. A refused value is told in the language of {@code text}.
     */
    static ParamValues configure(LessonModel model, Options o, LessonStrings text) throws UsageException {
        ParamValues values = model.defaults();
        try {
            Map<String, String> fromOptions = new LinkedHashMap<>();
            if (o.has("epochs")) {
                // every epoch count of the lesson (epochs, mlp_epochs, v2_epochs, ...), as snapshot --epochs does
                int epochs = o.positiveInt("epochs");
                if (values.specs().stream().noneMatch(ParamValues::isEpochCount)) {
                    throw new UsageException("cli.no_epoch_count", model.id());
                }
                values.checkEpochs(epochs);   // --help says "1 to 5000": 99999 is refused, not trained as 5000
                values = values.withEpochs(n -> epochs);
                fromOptions.put("epochs", Integer.toString(epochs));
            }
            if (o.has("seed")) {
                if (!values.has("seed")) throw new UsageException("cli.no_seed", model.id());
                values = values.with("seed", Long.toString(o.longValue("seed")));
                fromOptions.put("seed", Long.toString(o.longValue("seed")));
            }
            Map<String, String> fromSet = new LinkedHashMap<>();
            for (String kv : o.all("set")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) throw new UsageException("cli.set_needs_key_value", kv);
                String key = kv.substring(0, eq);
                String earlier = fromSet.put(key, kv.substring(eq + 1));
                if (earlier != null && !earlier.equals(kv.substring(eq + 1))) {
                    throw new UsageException("cli.set_twice", key, earlier, kv.substring(eq + 1));
                }
                ParamValues set = values.with(key, kv.substring(eq + 1));
                if (fromOptions.containsKey(key) && !set.get(key).equals(values.get(key))) {
                    throw new UsageException("cli.options_disagree", key, fromOptions.get(key), kv);
                }
                values = set;
            }
        } catch (IllegalArgumentException e) {
            throw UsageException.told(describe(text, e));
        }
        return values;
    }

    static LessonCatalog.Entry find(LessonCatalog catalog, String id) throws UsageException {
        for (LessonCatalog.Entry e : catalog.entries()) if (e.id().equals(id)) return e;
        throw new UsageException("cli.unknown_lesson", id, ids(catalog));
    }

    /** The lesson's experiment of that name; else a usage error listing the lesson's experiments. */
    static Experiment experiment(LessonModel model, String name) throws UsageException {
        List<String> names = new ArrayList<>();
        for (Experiment e : model.experiments()) {
            if (e.name().equals(name)) return e;
            names.add(e.name());
        }
        throw new UsageException("cli.unknown_experiment", model.id(), name, String.join(", ", names));
    }

    /**
     * Final metrics for the console, each to 4 significant digits ("0.1656", "6.364e-06"; trial 7, item 19: the
     * line printed doubles such as 0.03650000000000009). summary.json and metrics.csv keep every digit.
     */
    static Map<String, String> rounded(Map<String, Double> metrics) {
        Map<String, String> shown = new LinkedHashMap<>();
        metrics.forEach((k, v) -> shown.put(k, v == null ? "null" : String.format(Locale.ROOT, "%.4g", v)));
        return shown;
    }

    static String ids(LessonCatalog catalog) {
        List<String> ids = new ArrayList<>();
        for (LessonCatalog.Entry e : catalog.entries()) ids.add(e.id());
        return String.join(", ", ids);
    }
}
