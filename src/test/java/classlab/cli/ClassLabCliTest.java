package classlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bad command lines: one line naming the problem, exit code 2. */
class ClassLabCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ClassLabCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String error() { return err.toString(StandardCharsets.UTF_8).strip(); }

    private void assertOneLineError(int code, String... fragments) {
        assertEquals(2, code, "exit code");
        String e = error();
        assertEquals(1, e.lines().count(), "one line: " + e);
        for (String f : fragments) assertTrue(e.contains(f), e + " should mention " + f);
    }

    @Test
    void unknownCommand() {
        assertOneLineError(run("train", "pattern"), "unknown command 'train'");
    }

    @Test
    void unknownLesson() {
        assertOneLineError(run("run", "no-such-lesson"), "unknown lesson 'no-such-lesson'", "pattern");
    }

    /** bench's report is a table bench/compare reads: --lang is refused with why, in the language asked for, and --help says so. */
    @Test
    void benchSaysWhyItHasNoLanguage() {
        assertOneLineError(run("bench", "--lang", "ko"), "bench/compare", "영어로만");
        err.reset();
        assertOneLineError(run("bench", "--quick", "--lang", "en"), "bench/compare", "English only");
        out.reset();
        assertEquals(0, run("--help"));
        String usage = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(usage.contains("bench/compare, in English only (no --lang)") && usage.contains("lessons [--lang ko|en]"), usage);
    }

    /** Trial 7 item 12: the usage speaks the language of --lang, as run LESSON --help does; English without it. */
    @Test
    void usageFollowsLang() {
        assertEquals(0, run("--help", "--lang", "ko"));
        String ko = out.toString(StandardCharsets.UTF_8);
        assertTrue(ko.startsWith("사용법: classlab") && ko.contains("classlab run 레슨 --help") && ko.contains("영어로만"), ko);
        assertEquals(6, ko.lines().count(), ko);
        out.reset();
        assertEquals(0, run("help", "--lang=en"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: classlab [app]"), out.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: classlab [app]"), out.toString(StandardCharsets.UTF_8));
        assertEquals("", error());
    }

    @Test
    void unknownOption() {
        assertOneLineError(run("run", "pattern", "--speed", "3"), "unknown option --speed");
    }

    @Test
    void optionWithoutValue() {
        assertOneLineError(run("run", "pattern", "--epochs"), "--epochs needs a value");
    }

    /** A mistyped data folder is named as such, before anything is created or downloaded. */
    @Test
    void dataDirThatDoesNotExistIsAUsageError() {
        String missing = "no-such-folder-" + System.nanoTime();
        assertOneLineError(run("run", "pattern", "--data-dir", missing), "--data-dir", "no such folder");
        assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of(missing)), "nothing created");
        err.reset();
        assertOneLineError(run("snapshot", "pattern", "--out", "x.png", "--data-dir", missing), "--data-dir", "no such folder");
    }

    /** Trial 2 item 24: a folder that cannot be made (ENOENT, which Java reports as the bare path) gets its real reason. */
    @Test
    void outFolderThatCannotBeMadeSaysWhy() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self")), "Linux /proc");
        assertOneLineError(run("run", "pattern", "--out", "/proc/classlab-out"), "no such file or folder", "/proc/classlab-out");
        assertFalse(error().contains("the system said \"/proc"), error());
        err.reset();
        assertOneLineError(run("run", "pattern", "--out", "/proc/classlab-out", "--lang", "ko"), "폴더가 없다고", "/proc/classlab-out");
    }

    @Test
    void snapshotChecksItsOutputFolderBeforeTraining() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("classlab", ".txt");
        try {
            assertOneLineError(run("snapshot", "pattern", "--out", file.resolve("x.png").toString()), file.toString());
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void epochsMustBeAPositiveNumber() {
        assertOneLineError(run("run", "pattern", "--epochs", "many"), "--epochs", "'many'");
        err.reset();
        assertOneLineError(run("run", "pattern", "--epochs", "0"), "--epochs");
    }

    @Test
    void badParameterValueNamesTheParameterAndTheRange() {
        assertOneLineError(run("run", "pattern", "--set", "lr=-3"), "lr", "-3", "1e-6 to 1e20");
        err.reset();
        // as typed, not 1 followed by 30 zeros
        assertOneLineError(run("run", "pattern", "--set", "lr=1e30"), "lr: 1e30 is outside");
        err.reset();
        assertOneLineError(run("run", "pattern", "--set", "lr=0.01", "--set", "lr=0.02"), "--set lr=0.01 and --set lr=0.02 disagree");
    }

    @Test
    void unknownParameterNamesTheKnownOnes() {
        assertOneLineError(run("run", "pattern", "--set", "colour=blue"), "unknown parameter 'colour'", "epochs");
    }

    @Test
    void unknownExperiment() {
        assertOneLineError(run("run", "pattern", "--experiment", "quantum"), "no experiment 'quantum'");
    }

    /** Issue 12 kind 1: a setting that does not fit the model it meets exits 2 with one line, in --lang. */
    @Test
    void batchSizeOneWithBatchNormExitsTwoWithOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) {
        String[] args = {"run", "schedules", "--experiment", "early_stopping", "--epochs", "2", "--set", "train_size=1000",
                "--set", "batch_size=1", "--data-dir", classlab.testsupport.SharedData.mnistMini().toString(),
                "--out", out.toString(), "--no-figures"};
        assertOneLineError(run(args), "schedules/early_stopping", "batch_size", "BatchNorm", "Set batch_size to 2 or more");
        err.reset();
        String[] korean = java.util.Arrays.copyOf(args, args.length + 2);
        korean[args.length] = "--lang";
        korean[args.length + 1] = "ko";
        assertOneLineError(run(korean), "batch_size", "2 이상으로 설정하세요");
    }

    /** One experiment's run writes its tab's figures, not another tab's demos stamped with its settings (trial 9). */
    @Test
    void aRunOfOneExperimentWritesTheFiguresOfItsTab(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) throws Exception {
        assertEquals(0, run("run", "scratch", "--experiment", "race", "--set", "race_delay_ms=0", "--set", "race_steps=3",
                "--out", out.toString()), error());
        try (var files = java.nio.file.Files.list(out)) {
            java.util.Set<String> names = new java.util.TreeSet<>(files.map(f -> f.getFileName().toString()).toList());
            assertTrue(names.containsAll(java.util.List.of("race.csv", "race.png", "race_positions.csv")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("grad_check") || n.startsWith("hist_")), names.toString());
        }
    }

    /** summary.json names the seed the experiment trained with: its tab's (binary_seed 0), not tab C's seed 43052 (trial). */
    @Test
    void aRunOfOneExperimentRecordsTheSeedOfItsTab(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) throws Exception {
        assertEquals(0, run("run", "multiclass", "--experiment", "binary_logits", "--epochs", "1", "--no-figures",
                "--data-dir", classlab.testsupport.SharedData.mnistMini().toString(), "--out", out.toString()), error());
        com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(0, summary.get("seed").asInt(), summary.toString());
        assertTrue(summary.get("seed").isIntegralNumber(), summary.toString());
    }

    @Test
    void snapshotNeedsAnOutputPng() {
        assertOneLineError(run("snapshot", "pattern"), "--out");
        err.reset();
        assertOneLineError(run("snapshot", "pattern", "--out", "shot.jpg"), ".png");
    }

    @Test
    void badLanguage() {
        assertOneLineError(run("snapshot", "pattern", "--out", "x.png", "--lang", "fr"), "--lang", "'fr'");
    }

    /** Trial 2 item 16: app options without the word app are the app's options (here refused by the app's own checks, before any window). */
    @Test
    void appOptionsWithoutTheWordAppAreTheApps() {
        assertOneLineError(run("--lang", "fr"), "--lang", "'fr'");
        assertFalse(error().contains("unknown command"), error());
        err.reset();
        assertOneLineError(run("--theme=neon", "--lang", "ko"), "neon");
        err.reset();
        assertOneLineError(run("--lang", "en", "--lesson", "no-such-lesson"), "unknown lesson 'no-such-lesson'");
        err.reset();
        assertOneLineError(run("--epochs", "3"), "unknown command '--epochs'");
    }

    @Test
    void lessonsListsOneLinePerLesson() {
        assertEquals(0, run("lessons"));
        String listing = out.toString(StandardCharsets.UTF_8);
        // id first (bench/app-vs-run reads it), then README's lesson number, title and notebook (trial 2 item 21)
        assertTrue(listing.lines().anyMatch(l -> l.startsWith("pattern\tL1\t")), listing);
        assertTrue(listing.lines().anyMatch(l -> l.startsWith("batchnorm-gradients\tL9\t")), listing);
        assertTrue(listing.lines().allMatch(l -> l.split("\t").length == 4 && l.split("\t")[3].startsWith("notebook ")), listing);
    }

    /** Trial 2 item 21: a lesson's experiments and settings, with ranges, without provoking an error; in ko too. */
    @Test
    void runLessonHelpListsExperimentsAndSettingsWithRanges() {
        assertEquals(0, run("run", "pattern", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.startsWith("pattern (L1): "), help);
        assertTrue(help.lines().anyMatch(l -> l.matches("\\s+full_batch\\s+A\\. Full batch.*\\(the app's default\\)")), help);
        assertTrue(help.lines().anyMatch(l -> l.matches("\\s+minibatch\\s+D\\. .*")), help);
        assertTrue(help.lines().anyMatch(l -> l.matches("\\s+lr\\s+Learning rate: 0\\.001 \\(1e-6 to 1e20\\)")), help);
        assertTrue(help.lines().anyMatch(l -> l.matches("\\s+batch_size\\s+.*: 16 \\(1 to 60000\\)\\s+\\[only in D\\. .*\\]")), help);
        assertEquals("", error());
        out.reset();
        assertEquals(0, run("run", "imbalance", "--help", "--lang", "ko"));
        String ko = out.toString(StandardCharsets.UTF_8);
        assertTrue(ko.startsWith("imbalance (L4): 클래스 불균형") && ko.contains("실험 (--experiment") && ko.contains("minority_classes"), ko);
        assertTrue(ko.contains("쉼표로 구분한 숫자, 각각 0~9"), ko);
        out.reset();
        assertEquals(0, run("run", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("run LESSON --help") && out.toString(StandardCharsets.UTF_8).contains("pattern\tL1"));
    }

    @Test
    void snapshotReplayOfAFileThatIsNoRunExitsTwo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path junk = java.nio.file.Files.writeString(dir.resolve("junk.json"), "[1, 2]");
        assertOneLineError(run("snapshot", "pattern", "--out", dir.resolve("a.png").toString(), "--replay", junk.toString()),
                "--replay", "junk.json is not a ClassLab run");
    }

    /** Trial 3, item 20: a missing recording is named in the user's terms, not with Java's "(No such file or directory)". */
    @Test
    void snapshotReplayOfAMissingFileExitsTwo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertOneLineError(run("snapshot", "pattern", "--out", dir.resolve("a.png").toString(), "--replay", dir.resolve("nonexist.json").toString()),
                "there is no recording", "nonexist.json", ".classlab-run.json");
        assertFalse(error().contains("No such file"), error());
    }

    @Test
    void snapshotReplayOfAnotherLessonsRunExitsTwo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path other = java.nio.file.Files.writeString(dir.resolve("other.classlab-run.json"), """
                {"format": "classlab-run", "version": 1, "lesson": "multiclass", "experiment": "three_class",
                 "section": "three_class", "outcome": "FINISHED", "started": "2026-11-30T15:00:00Z"}""");
        assertOneLineError(run("snapshot", "pattern", "--out", dir.resolve("a.png").toString(), "--replay", other.toString()),
                "is a run of lesson multiclass, not pattern");
    }

    @Test
    void snapshotOfAnExperimentTheLessonDoesNotHaveExitsTwo() {
        assertOneLineError(run("snapshot", "roc-smoothing", "--out", "x.png", "--experiment", "smoothing"),
                "has no experiment 'smoothing'", "label_smoothing");
    }

    /** A command given --lang ko says what is wrong in Korean, whatever the system's language. */
    @Test
    void usageErrorsSpeakTheCommandsLanguage() {
        assertOneLineError(run("run", "no-such-lesson", "--lang", "ko"), "알 수 없는 레슨 'no-such-lesson'", "pattern");
        err.reset();
        assertOneLineError(run("snapshot", "pattern", "--lang=ko", "--out", "x.txt"), "--out 에는 .png 파일", "'x.txt'");
        err.reset();
        assertOneLineError(run("run", "pattern", "--lang", "ko", "--epochs", "many"), "--epochs 옵션에는 양의 정수", "'many'");
        err.reset();
        assertOneLineError(run("run", "pattern", "--lang", "fr"), "--lang must be ko or en, got 'fr'");
    }

    /** The launcher gives the window its low-pause collector and the headless commands G1: which is which. */
    @Test
    void theWindowCommandsAreKnown() {
        assertTrue(ClassLabCli.showsWindow(new String[0]));
        assertTrue(ClassLabCli.showsWindow(new String[] {"app"}));
        assertTrue(ClassLabCli.showsWindow(new String[] {"--lang", "ko"}));
        assertTrue(ClassLabCli.showsWindow(new String[] {"snapshot", "pattern"}));
        for (String headless : new String[] {"run", "bench", "lessons", "--help"}) {
            assertFalse(ClassLabCli.showsWindow(new String[] {headless}), headless);
        }
    }

    /** `--lang ko --help` (the language first) and `app --help` print the usage, not "unknown option --help". */
    @Test
    void helpAfterTheAppsOptionsPrintsTheUsage() {
        for (String[] args : new String[][] {{"--lang", "ko", "--help"}, {"app", "--help"}}) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            assertEquals(0, ClassLabCli.execute(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8)));
            assertEquals("", e.toString(StandardCharsets.UTF_8), String.join(" ", args));
            assertTrue(o.toString(StandardCharsets.UTF_8).contains("snapshot"), o.toString(StandardCharsets.UTF_8));
            if (args[0].equals("--lang")) assertTrue(o.toString(StandardCharsets.UTF_8).startsWith("사용법"), o.toString(StandardCharsets.UTF_8));
        }
    }
}
