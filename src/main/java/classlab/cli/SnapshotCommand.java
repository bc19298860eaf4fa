package classlab.cli;

import classlab.core.lesson.LessonCatalog;
import classlab.ui.fx.Theme;
import classlab.ui.shell.ClassLabApp;
import classlab.ui.shell.StartOptions;
import classlab.ui.shell.WindowSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code app} (start the window) and {@code snapshot} (the real pane, run to the end, saved as PNG). */
final class SnapshotCommand {
    private SnapshotCommand() {}

    static int execute(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse(args, Set.of("out", "epochs", "data-dir", "lang", "theme", "replay", "experiment", "repeat"), Set.of());
        if (o.positional.size() != 1) throw new UsageException("cli.snapshot_needs_lesson", RunCommand.ids(LessonCatalog.load()));
        if (!o.has("out")) throw new UsageException("cli.snapshot_needs_out");
        if (!o.get("out").toLowerCase().endsWith(".png")) throw new UsageException("cli.out_not_png", o.get("out"));
        LessonCatalog.Entry entry = RunCommand.find(LessonCatalog.load(), o.positional.get(0));
        String experiment = o.has("experiment") ? experiment(entry, o.get("experiment")) : null;
        Integer epochs = o.has("epochs") ? o.positiveInt("epochs") : null;
        StartOptions start = startOptions(o, o.positional.get(0), Path.of(o.get("out")).toAbsolutePath(), epochs);
        // Before any training, as run does: the picture must have a folder to land in.
        try {
            Path folder = start.snapshotOut().getParent();
            if (folder != null) classlab.core.data.Destinations.requireWritableFolder(folder, classlab.core.data.FileAccessException.Attempt.RESULTS);
        } catch (classlab.core.data.FileAccessException e) {
            throw UsageException.told(RunCommand.describe(classlab.core.lesson.LessonStrings.load(start.lesson(), start.language()), e));
        }
        if (o.has("replay")) {
            if (epochs != null) throw new UsageException("cli.replay_with_epochs");
            Path replay = Path.of(o.get("replay")).toAbsolutePath();
            checkRecording(replay, o.positional.get(0), classlab.core.lesson.LessonStrings.load(start.lesson(), start.language()));
            start = new StartOptions(start.language(), start.theme(), start.dataDir(), start.lesson(), start.snapshotOut(),
                    null, false, replay, null);
        }
        if (experiment != null) {
            if (o.has("replay")) throw new UsageException("cli.replay_with_experiment");
            start = new StartOptions(start.language(), start.theme(), start.dataDir(), start.lesson(), start.snapshotOut(),
                    start.epochs(), false, null, experiment);
        }
        if (o.has("repeat")) {
            if (o.has("replay")) throw new UsageException("cli.replay_with_repeat");
            start = new StartOptions(start.language(), start.theme(), start.dataDir(), start.lesson(), start.snapshotOut(),
                    start.epochs(), false, null, start.experiment(), o.positiveInt("repeat"));
        }
        return ClassLabApp.launchApp(start);
    }

    /** The experiment's name if the lesson has it, else a usage error listing the lesson's experiments. */
    private static String experiment(LessonCatalog.Entry entry, String name) throws UsageException {
        classlab.core.lesson.LessonModel model = entry.factory().apply(
                classlab.core.lesson.Environments.forOneRun(null, classlab.core.data.ProgressListener.NONE));
        return RunCommand.experiment(model, name).name();
    }

    /** A recording that cannot be replayed is a usage error, told before any window opens (in the language of {@code text}). */
    private static void checkRecording(Path file, String lesson, classlab.core.lesson.LessonStrings text) throws UsageException {
        // named in the user's terms, not as Java's "(No such file or directory)"
        if (!java.nio.file.Files.isRegularFile(file)) throw new UsageException("cli.replay_missing", file);
        classlab.core.classroom.RunRecord r;
        try {
            r = classlab.core.classroom.RunFiles.read(file);
        } catch (java.io.IOException e) {
            throw new UsageException("cli.replay_unreadable", file, text.describe(e));
        } catch (IllegalArgumentException e) {
            throw new UsageException("cli.replay_invalid", file.getFileName(), text.describe(e));
        }
        if (!r.lesson().equals(lesson)) {
            throw new UsageException("cli.replay_other_lesson", file.getFileName(), r.lesson(), lesson);
        }
    }

    static int app(List<String> args) throws UsageException {
        Options o = appOptions(args);
        if (!o.positional.isEmpty()) throw new UsageException("cli.no_arguments", "app", o.positional.get(0));
        if (o.has("lesson")) RunCommand.find(LessonCatalog.load(), o.get("lesson"));
        WindowSettings remembered = WindowSettings.load(WindowSettings.defaultFile());
        ClassLabApp.rememberIn(remembered);
        return ClassLabApp.launchApp(appOptions(o, remembered));
    }

    /** The {@code app} command's options, checked. */
    static Options appOptions(List<String> args) throws UsageException {
        return Options.parse(args, Set.of("data-dir", "lang", "theme", "lesson"), Set.of("exit-after-show"));
    }

    /**
     * The window's start: as it was left ({@code remembered}: language, theme, lesson) where an option does
     * not say otherwise, else the defaults (the system's language if Korean, else English; light; the first lesson).
     */
    static StartOptions appOptions(Options o, WindowSettings remembered) throws UsageException {
        StartOptions base = startOptions(o, o.get("lesson"), null, null);
        String language = !o.has("lang") && remembered.language() != null ? remembered.language() : base.language();
        Theme theme = !o.has("theme") && remembered.theme() != null ? remembered.theme() : base.theme();
        String lesson = base.lesson() != null ? base.lesson() : remembered.lesson();
        return new StartOptions(language, theme, base.dataDir(), lesson, null, null, o.has("exit-after-show"));
    }

    private static StartOptions startOptions(Options o, String lesson, Path out, Integer epochs) throws UsageException {
        String lang = o.has("lang") ? ClassLabCli.language(o.get("lang")) : classlab.core.lesson.LessonStrings.defaultLanguage();
        Theme theme;
        try {
            theme = o.has("theme") ? Theme.parse(o.get("theme")) : Theme.LIGHT;
        } catch (IllegalArgumentException e) {
            throw new UsageException("cli.theme_invalid", o.get("theme"));
        }
        Path dataDir = o.has("data-dir") ? o.existingFolder("data-dir") : null;
        return new StartOptions(lang, theme, dataDir, lesson, out, epochs, false);
    }
}
