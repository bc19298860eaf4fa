package classlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.data.DataFormatException;
import classlab.core.lesson.LessonStrings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 12 kind 4: deferred messages are worded in the reader's language, also when one message carries another. */
class DeferredTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)\\}");

    private static Properties common(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DeferredTest.class.getResourceAsStream("/lessons/common_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) found.add(Integer.parseInt(m.group(1)));
        return found;
    }

    /**
     * Every common message has the same arguments in Korean as in English, and each argument survives
     * {@link MessageFormat} (an unpaired apostrophe would swallow it).
     */
    @Test
    void koreanAndEnglishPatternsTakeTheSameArguments() throws IOException {
        Properties en = common("en");
        Properties ko = common("ko");
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            String k = ko.getProperty(key);
            if (k == null) {
                problems.add("ko lacks " + key);
                continue;
            }
            Set<Integer> args = placeholders(en.getProperty(key));
            if (!args.equals(placeholders(k))) problems.add(key + ": en " + args + ", ko " + placeholders(k));
            if (args.isEmpty()) continue;
            for (String lang : List.of("en", "ko")) {
                MessageFormat format = new MessageFormat((lang.equals("en") ? en : ko).getProperty(key), Locale.ROOT);
                // An argument with a format of its own ({1,choice,…}, {0,number,#}) takes a number and
                // may print words instead of it; a plain one must come through as it was given.
                java.text.Format[] formats = format.getFormatsByArgumentIndex();
                Object[] marks = new Object[args.stream().max(Integer::compare).get() + 1];
                for (int i = 0; i < marks.length; i++) marks[i] = i < formats.length && formats[i] != null ? (Object) 2 : "<arg" + i + ">";
                String shown = format.format(marks);
                for (int i : args) {
                    if (marks[i] instanceof String && !shown.contains("<arg" + i + ">")) problems.add(lang + " " + key + " loses {" + i + "}: " + shown);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * The kind, not the instance: a failure or message built in the code names a key of the common
     * (or a lesson's) strings, defined in both languages, never English words that would reach the Korean pane as they are.
     */
    @Test
    void everyMessageTheCodeBuildsIsAKeyInBothLanguages() throws IOException {
        Pattern built = Pattern.compile("new (?:DataFormatException|DatasetUnavailableException|RetryableFailure)\\("
                + "(?:\\s*\\w+,)?\\s*\"([^\"]*)\"|Deferred\\.of\\(\\s*\"([^\"]*)\"");
        // the common strings, and the lessons' for a lesson's own notices
        Properties en = common("en");
        Properties ko = common("ko");
        try (var bundles = java.nio.file.Files.list(Path.of("lessons"))) {
            for (Path dir : bundles.filter(java.nio.file.Files::isDirectory).toList()) {
                for (String lang : List.of("en", "ko")) {
                    try (var in = java.nio.file.Files.newBufferedReader(dir.resolve("strings_" + lang + ".properties"))) {
                        (lang.equals("en") ? en : ko).load(in);
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        int found = 0;
        try (var files = java.nio.file.Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = built.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    found++;
                    if (!en.containsKey(key) || !ko.containsKey(key)) problems.add(f.getFileName() + ": " + key);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(found >= 50, "the scan sees the data layer's messages: " + found);
    }

    /** A message inside another keeps its own key and arguments, in each language; several messages go one per line. */
    @Test
    void aNestedMessageIsWordedInTheSameLanguage() {
        Path file = Path.of("data", "train-images-idx3-ubyte");
        Localized declared = () -> Deferred.of("data.idx.declared.images", 8000, 28, 28);
        DataFormatException inner = new DataFormatException("data.idx.truncated", file, declared, 99984, "data.idx.unit.pixels", 6272000);
        String text = Deferred.lines(List.of(Deferred.of("data.mnist.replace_file", inner), Deferred.of("data.download.no_response")));

        assertEquals(file + ": truncated: header declares 8000 images of 28x28 but only 99984 bytes of pixels follow"
                + " (expected 6272000). Replace that file with a good copy, or delete it so that ClassLab downloads it again."
                + "\nno response in time", Deferred.english(text));
        assertEquals(file + ": 파일이 잘렸습니다. 헤더에 적힌 크기는 28x28 이미지 8000장인데, 뒤따르는 픽셀 데이터는 99984바이트뿐입니다"
                + " (필요: 6272000바이트). 그 파일을 온전한 사본으로 바꾸거나, 지워서 ClassLab이 다시 내려받게 하세요.\n제때 응답이 없음",
                LessonStrings.resolve(LessonStrings.load(null, "ko"), text));
    }

    /** Arguments cannot break the form: a | in a path is shown as ¦; text that is no message is shown as it is. */
    @Test
    void argumentsCannotBreakTheForm() {
        String m = Deferred.of("data.cifar.not_here", "a|b.tar.gz", Path.of("x"));
        assertEquals("CIFAR-10 is not available here; put a¦b.tar.gz into x.", Deferred.english(m));
        assertEquals("no key | here", Deferred.english("no key | here"));
        assertEquals("3 | 4.5", Deferred.english("3 | 4.5"));
        assertEquals("data.cifar.not_here|1|0.25", Deferred.of("data.cifar.not_here", 1.0, 0.25));
    }

    /** Wrappers without text of their own (a failed future, say) show the localized failure inside. */
    @Test
    void wrappersShowTheFailureInside() {
        DataFormatException e = new DataFormatException("data.cifar.class_names", "meta.txt", 3, 10);
        assertEquals(e.deferredMessage(), Localized.of(new CompletionException(new ExecutionException(e))));
        RuntimeException own = new RuntimeException("own words", e);
        assertEquals("own words", Localized.of(own));
        assertEquals("meta.txt에 클래스 이름이 3개 있습니다. CIFAR-10의 클래스는 10개입니다.",
                LessonStrings.load(null, "ko").describe(new CompletionException(e)));
        assertTrue(e.getMessage().startsWith("meta.txt lists 3 class names"), e.getMessage());
    }

    @Test
    void numbersAreWrittenAsAUserTypesThem() {
        assertEquals("k|0.001|1e-6|1e20|2.5e-7|42|0.5", Deferred.of("k", 0.001, 1e-6, 1e20, 2.5e-7, 42, 0.5));
    }
}
