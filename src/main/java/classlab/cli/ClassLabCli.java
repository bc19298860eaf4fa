package classlab.cli;

import classlab.core.lesson.LessonCatalog;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The headless entry: {@code lessons}, {@code run}, {@code snapshot}, {@code bench}. Bad usage
 * prints one line naming the problem and returns exit code 2.
 */
public final class ClassLabCli {
    private ClassLabCli() {}

    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" on
     * every start from the class path (our jar's layout, see the Launcher): true, and nothing a
     * teacher can act on. JavaFX logs it through its logger "javafx" (com.sun.javafx.util.Logging),
     * which java.util.logging backs. Held here so the logger, and its level, are not garbage-collected; in a
     * class of its own so that the launcher, which only asks {@link #showsWindow}, does not start
     * java.util.logging (60 ms before the window's JVM can start).
     */
    private static final class JavaFxLog {
        static final java.util.logging.Logger STARTUP = java.util.logging.Logger.getLogger("javafx");
    }

    /** Drops that one warning; every other message of JavaFX (and of its child loggers: CSS, layout) still prints. */
    static void quietJavaFxStartup() {
        JavaFxLog.STARTUP.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    /** Runs a command and returns the process exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        // `classlab --lang ko --help` and `classlab app --help` ask for the same usage as `classlab --help`
        boolean appHelp = showsWindow(args) && args.length > 0 && !args[0].equals("snapshot") && Arrays.asList(args).contains("--help");
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help") || appHelp) {
            // in the language of --lang, as run LESSON --help (trial 7, item 12: --help --lang ko was English)
            out.println(new classlab.ui.fx.Messages(errorLanguage(args), "cli").get("cli.usage"));
            return 0;
        }
        quietJavaFxStartup();
        // `classlab --lang ko` starts the app as `classlab` alone does: the word app is optional before its options
        if (args[0].startsWith("--") && APP_OPTIONS.contains(optionName(args[0]))) args = prepend("app", args);
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "app": return SnapshotCommand.app(rest);
                case "lessons": return lessons(rest, out);
                case "run": return new RunCommand(out, err).execute(rest);
                case "snapshot": return SnapshotCommand.execute(rest, out, err);
                case "bench": return new BenchCommand(out).execute(rest);
                default: throw new UsageException("cli.unknown_command", args[0]);
            }
        } catch (UsageException e) {
            err.println("classlab: " + e.message(errorLanguage(args)));
            return 2;
        }
    }

    /** The options of {@code app}, which may come without the word {@code app}. */
    private static final java.util.Set<String> APP_OPTIONS = java.util.Set.of("lang", "theme", "data-dir", "lesson");

    /** {@code lang} of {@code --lang} or {@code --lang=ko}. */
    private static String optionName(String arg) {
        int eq = arg.indexOf('=');
        return arg.substring(2, eq < 0 ? arg.length() : eq);
    }

    private static String[] prepend(String first, String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = first;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    /**
     * The language the command speaks: its {@code --lang} when that is ko or en; else the window's
     * default (the system's language) for {@code app} and {@code snapshot}, English for the others,
     * as their {@code --lang} defaults are.
     */
    static String errorLanguage(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = args[i].equals("--lang") && i + 1 < args.length ? args[i + 1]
                    : args[i].startsWith("--lang=") ? args[i].substring("--lang=".length()) : null;
            if ("ko".equals(value) || "en".equals(value)) return value;
        }
        return showsWindow(args) ? classlab.core.lesson.LessonStrings.defaultLanguage() : "en";
    }

    /**
     * Whether these arguments start a window: no arguments, {@code app} (also when only its options are
     * given, e.g. {@code --lang ko}) or {@code snapshot}; {@code run}, {@code bench}, {@code lessons} and
     * help do not.
     */
    public static boolean showsWindow(String[] args) {
        if (args.length == 0) return true;
        if (args[0].startsWith("--") && APP_OPTIONS.contains(optionName(args[0]))) return true;
        return args[0].equals("app") || args[0].equals("snapshot");
    }

    private static int lessons(List<String> args, PrintStream out) throws UsageException {
        Options o = Options.parse(args, java.util.Set.of("lang"), java.util.Set.of());
        if (!o.positional.isEmpty()) throw new UsageException("cli.no_arguments", "lessons", o.positional.get(0));
        printLessons(LessonCatalog.load(), o.has("lang") ? language(o.get("lang")) : "en", out);
        return 0;
    }

    /**
     * One line per lesson, in the catalogue's teaching order: id, number (L1, L2, ... as the README
     * names them), title, and the notebook it comes from. Tab-separated, id first (bench/app-vs-run reads it).
     */
    static void printLessons(LessonCatalog catalog, String lang, PrintStream out) {
        classlab.ui.fx.Messages cli = new classlab.ui.fx.Messages(lang, "cli");
        for (LessonCatalog.Entry e : catalog.entries()) {
            out.println(e.id() + "\t" + number(catalog, e) + "\t" + e.title(lang) + "\t"
                    + cli.format("cli.lessons_notebook", e.notebook(), e.groupTitle(lang)));
        }
    }

    /** {@code L1} for the catalogue's first lesson, and so on (README's numbering). */
    static String number(LessonCatalog catalog, LessonCatalog.Entry entry) {
        return "L" + (catalog.entries().indexOf(entry) + 1);
    }

    static String language(String value) throws UsageException {
        if (value.equals("ko") || value.equals("en")) return value;
        throw new UsageException("cli.lang_invalid", value);
    }
}
