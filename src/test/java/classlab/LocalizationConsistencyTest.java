package classlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import classlab.core.lesson.LessonCatalog;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.LessonStringsCoverage;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.TestEnvironments;
import classlab.core.train.TrainingEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The localisation rules as a test (after JabRef's {@code LocalizationConsistencyTest}): every
 * bundle has the same keys in Korean and English; every key the code uses is defined (lesson
 * figures including grid captions and histogram series, user-facing error keys, the shell's
 * bundle); no bundle keeps a key nothing uses; no lesson repeats a common key with the same value.
 */
class LocalizationConsistencyTest {
    private static final Path MAIN = Path.of("src/main/java");
    /** A quoted message key of the user-facing errors and notes ({@code UserException}). */
    private static final Pattern USER_MESSAGE_KEY = Pattern.compile("\"((?:error|note|split|data)\\.[a-z0-9_.]+)\"");
    /** A quoted literal in Java source. */
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");
    /** The shell's lookups: messages.get("key") / messages.format("key", ...). */
    private static final Pattern SHELL_KEY = Pattern.compile("messages\\.(?:get|format)\\(\"([^\"]+)\"\\s*[,)]");

    private static final Map<String, LessonModel> LESSONS = new LinkedHashMap<>();
    private static Set<String> literals;
    private static Set<String> words;

    @BeforeAll
    static void lessonsWithTheirDemoFigures() throws Exception {
        for (LessonCatalog.Entry e : LessonCatalog.load().entries()) {
            LessonModel model = e.factory().apply(TestEnvironments.mnistMini());
            model.updateDemos(model.defaults());
            LESSONS.put(e.id(), model);
        }
        literals = new TreeSet<>();
        words = new TreeSet<>();
        for (String source : mainSources()) {
            Matcher m = LITERAL.matcher(source);
            while (m.find()) literals.add(m.group(1));
            Matcher w = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(source);
            while (w.find()) words.add(w.group());
        }
    }

    private static List<String> mainSources() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) out.add(Files.readString(p));
        }
        return out;
    }

    private static Properties bundle(String resource) {
        Properties p = new Properties();
        try (InputStream in = LocalizationConsistencyTest.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Map<String, String> bundleNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("common", "/lessons/common_%s.properties");
        for (String id : LESSONS.keySet()) names.put(id, "/lessons/" + id + "/strings_%s.properties");
        names.put("shell", "/i18n/messages_%s.properties");
        names.put("cli", "/i18n/cli_%s.properties");
        return names;
    }

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void everyBundleHasTheSameKeysInKoreanAndEnglish() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> b : bundleNames().entrySet()) {
            // a lesson may override a common key in one language only: compare what each language resolves
            Set<String> ko = keys(bundle(String.format(b.getValue(), "ko")));
            Set<String> en = keys(bundle(String.format(b.getValue(), "en")));
            if (LESSONS.containsKey(b.getKey())) {
                ko.addAll(keys(bundle("/lessons/common_ko.properties")));
                en.addAll(keys(bundle("/lessons/common_en.properties")));
            }
            for (String k : en) if (!ko.contains(k)) problems.add(b.getKey() + ": ko lacks " + k);
            for (String k : ko) if (!en.contains(k)) problems.add(b.getKey() + ": en lacks " + k);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyKeyTheLessonsShowIsDefined() {
        List<String> problems = new ArrayList<>();
        for (LessonModel model : LESSONS.values()) {
            for (String missing : LessonStringsCoverage.missing(model)) problems.add(model.id() + " " + missing);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyUserMessageKeyIsDefinedInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String source : mainSources()) {
            Matcher m = USER_MESSAGE_KEY.matcher(source);
            while (m.find()) used.add(m.group(1));
        }
        List<String> problems = new ArrayList<>();
        for (String lang : LessonStrings.LANGUAGES) {
            Properties common = bundle("/lessons/common_" + lang + ".properties");
            for (String k : used) if (!common.containsKey(k)) problems.add(lang + ": " + k);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyShellKeyIsDefinedInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String source : mainSources()) {
            Matcher m = SHELL_KEY.matcher(source);
            while (m.find()) used.add(m.group(1));
        }
        for (TrainingEngine.State s : TrainingEngine.State.values()) used.add("state." + s.name());
        try (Stream<Path> fxml = Files.walk(Path.of("fxml"))) {
            for (Path p : fxml.filter(f -> f.toString().endsWith(".fxml")).toList()) {
                Matcher m = Pattern.compile("\"%([^\"]+)\"").matcher(Files.readString(p));
                while (m.find()) used.add(m.group(1));
            }
        }
        List<String> problems = new ArrayList<>();
        for (String lang : LessonStrings.LANGUAGES) {
            Properties shell = bundle("/i18n/messages_" + lang + ".properties");
            for (String k : used) if (!shell.containsKey(k)) problems.add(lang + ": " + k);
        }
        assertEquals(List.of(), problems);
    }

    /** The command line's usage errors: every {@code "cli.…"} key in the code is defined, and the bundle keeps no other. */
    @Test
    void everyCommandLineKeyIsDefinedAndUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String source : mainSources()) {
            Matcher m = Pattern.compile("\"(cli\\.[a-z_]+)\"").matcher(source);
            while (m.find()) used.add(m.group(1));
        }
        assertEquals(used, keys(bundle("/i18n/cli_en.properties")));
    }

    /**
     * A lesson key is used when the lesson's figures, parameters, sections or experiments name it,
     * when the code spells it out, or when it is the help text of a parameter; anything else is
     * left over from earlier versions.
     */
    @Test
    void noLessonKeyIsObsolete() {
        List<String> problems = new ArrayList<>();
        for (LessonModel model : LESSONS.values()) {
            Set<String> used = LessonStringsCoverage.usedKeys(model);
            for (String k : keys(bundle("/lessons/" + model.id() + "/strings_en.properties"))) {
                boolean help = k.endsWith(".help") && used.contains(k.substring(0, k.length() - ".help".length()));
                if (!used.contains(k) && !literals.contains(k) && !help && !constructed(k)) problems.add(model.id() + ": " + k);
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * Keys built from literals in code: prefix + literal ({@code "message.split_" + split}), prefix +
     * lower-cased enum constant ({@code "variant." + CLASSIC}), or several such pieces
     * ({@code "cell." + "cnn_v2_" + ADAM}), or a literal and a number ({@code "layer" + (index + 1)}).
     */
    private static boolean constructed(String key) {
        java.util.regex.Matcher numbered = java.util.regex.Pattern.compile("(\\D+)\\d+").matcher(key);
        if (numbered.matches() && literals.contains(numbered.group(1))) return true;
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i - 1);
            if ((c == '.' || c == '_') && literals.contains(key.substring(0, i)) && builtFrom(key.substring(i))) return true;
        }
        return false;
    }

    private static boolean builtFrom(String rest) {
        return literals.contains(rest) || words.contains(rest.toUpperCase(java.util.Locale.ROOT)) || constructed(rest);
    }

    @Test
    void noLessonRepeatsACommonKeyWithTheSameValue() {
        List<String> problems = new ArrayList<>();
        for (String lang : LessonStrings.LANGUAGES) {
            Properties common = bundle("/lessons/common_" + lang + ".properties");
            for (String id : LESSONS.keySet()) {
                Properties lesson = bundle("/lessons/" + id + "/strings_" + lang + ".properties");
                for (String k : keys(lesson)) {
                    if (lesson.getProperty(k).equals(common.getProperty(k))) problems.add(id + " " + lang + ": " + k);
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
