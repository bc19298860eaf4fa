package classlab.core.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.lesson.LessonCatalog;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.LessonStrings;
import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionsTest {
    @Test
    void everyLessonsQuestionsNameItsExperimentsAndLabelsInBothLanguages() {
        int total = 0;
        for (LessonCatalog.Entry e : LessonCatalog.load().entries()) {
            LessonModel model = e.factory().apply(null);
            for (Question q : Questions.load(e.id())) {
                total++;
                model.experiment(q.experiment());   // throws for an unknown experiment
                for (String lang : LessonStrings.LANGUAGES) {
                    assertFalse(q.text(lang).isBlank(), e.id() + "/" + q.id() + " text " + lang);
                    assertFalse(q.answer(lang).isBlank(), e.id() + "/" + q.id() + " answer " + lang);
                    LessonStrings strings = LessonStrings.load(e.id(), lang);
                    for (Question.Option o : q.options()) {
                        assertTrue(o.labelKey() == null ? o.label().containsKey(lang) : strings.has(o.labelKey()),
                                e.id() + "/" + q.id() + " option " + o.metric() + " labelled in " + lang);
                    }
                }
            }
        }
        assertTrue(total >= 14, "at least two questions for each of the seven lessons: " + total);
    }

    private static Question parseOne(String json) throws Exception {
        return Questions.parse(new ObjectMapper().readTree(json), "test.json").get(0);
    }

    private static final String CHOICE = """
            {"questions": [{"id": "q", "experiment": "all", "text": {"ko": "어느?", "en": "Which?"},
              "answer": {"ko": "b", "en": "b"}, "choose": "min",
              "options": [{"label": "series.a", "metric": "loss_a"}, {"label": {"ko": "나", "en": "B"}, "metric": "loss_b"}]}]}""";

    @Test
    void choiceOutcomeIsTheOptionWithTheSmallestOrLargestMetric() throws Exception {
        Question q = parseOne(CHOICE);
        Question.Outcome o = q.outcome(Map.of("loss_a", 0.3, "loss_b", 0.2));
        assertEquals(1, o.option());
        assertTrue(q.isRight(1, o));
        assertFalse(q.isRight(0, o));
        assertFalse(q.outcome(Map.of("loss_a", 0.3)).available(), "a missing configuration leaves it open");
    }

    @Test
    void numberOutcomeIsRightWithinTheTolerance() throws Exception {
        Question q = parseOne("""
                {"questions": [{"id": "n", "experiment": "a", "text": {"ko": "몇?", "en": "How much?"},
                  "answer": {"ko": "-", "en": "-"}, "number": {"metric": "acc", "min": 0, "max": 1, "tolerance": 0.05}}]}""");
        Question.Outcome o = q.outcome(Map.of("acc", 0.9));
        assertTrue(q.isRight(0.86, o));
        assertFalse(q.isRight(0.8, o));
        assertEquals(0.75, q.parseNumber(" 0,75 "));
        assertNull(q.parseNumber("1.5"), "outside [min, max]");
        assertNull(q.parseNumber("abc"));
    }

    @Test
    void malformedFilesNameTheQuestionAndTheField() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> parseOne(CHOICE.replace("\"min\"", "\"most\"")));
        assertTrue(e.getMessage().contains("test.json, question q") && e.getMessage().contains("choose"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> parseOne(CHOICE.replace("\"ko\": \"어느?\", ", "")));
        assertTrue(e.getMessage().contains("\"text\" needs \"ko\" and \"en\""), e.getMessage());
    }

    @Test
    void aFinishedRunAnswersThePredictionAndOnlyRunsAfterIt() throws Exception {
        FakeLesson lesson = new FakeLesson();
        MetricLog log = new MetricLog();
        RunHistory history = new RunHistory(lesson, log);
        Question q = parseOne(CHOICE.replace("\"all\"", "\"a\"").replace("loss_a", "loss").replace("loss_b", "nothing"));
        Question n = parseOne("""
                {"questions": [{"id": "n", "experiment": "b", "text": {"ko": "?", "en": "?"}, "answer": {"ko": "-", "en": "-"},
                  "number": {"metric": "loss", "min": 0, "max": 1, "tolerance": 0.01}}]}""");
        QuestionBoard board = new QuestionBoard(List.of(q, n)).follow(history);
        board.predict("n", 0.05);
        history.begin("b", lesson.defaults(), Instant.now());
        assertNull(board.state("n").outcome(), "not answered when the run begins");
        history.results(lesson.run("b", lesson.defaults(), RunControl.unattended(log)).finalMetrics());
        history.end("FINISHED", null);
        QuestionBoard.State s = board.state("n");
        assertEquals(0.2 / 3, s.outcome().value(), 1e-12);
        assertFalse(s.right(n), "0.05 is not within 0.01 of 0.0667");
        assertThrows(IllegalStateException.class, () -> board.predict("n", 0.06), "answered: predict again first");
        board.reveal("n", true);
        assertTrue(board.state("n").revealed());
        board.again("n");
        board.predict("n", 0.07);
        history.begin("b", lesson.defaults(), Instant.now());   // an earlier run does not answer the new round
        assertNull(board.state("n").outcome());
        history.end("STOPPED", null);
        assertNull(board.state("n").outcome(), "a stopped run answers nothing");
        assertNull(board.state("q").outcome(), "questions of other experiments stay open");
    }

    /** Trial 3, item 16: a question nobody predicted shows the latest finished run, not run #1 for ever. */
    @Test
    void anUnpredictedQuestionFollowsTheLatestRun() throws Exception {
        FakeLesson lesson = new FakeLesson();
        MetricLog log = new MetricLog();
        RunHistory history = new RunHistory(lesson, log);
        Question n = parseOne("""
                {"questions": [{"id": "n", "experiment": "b", "text": {"ko": "?", "en": "?"}, "answer": {"ko": "-", "en": "-"},
                  "number": {"metric": "loss", "min": 0, "max": 1, "tolerance": 0.01}}]}""");
        QuestionBoard board = new QuestionBoard(List.of(n)).follow(history);
        for (int run = 1; run <= 2; run++) {
            history.begin("b", lesson.defaults(), Instant.now());
            history.results(lesson.run("b", lesson.defaults(), RunControl.unattended(log)).finalMetrics());
            history.end("FINISHED", null);
            assertEquals("#" + run, board.state("n").run(), "the card shows run #" + run);
        }
        board.predict("n", 0.05);
        assertNull(board.state("n").outcome(), "a prediction opens the question again");
        history.begin("b", lesson.defaults(), Instant.now());
        history.results(lesson.run("b", lesson.defaults(), RunControl.unattended(log)).finalMetrics());
        history.end("FINISHED", null);
        assertEquals("#3", board.state("n").run());
        history.begin("b", lesson.defaults(), Instant.now());
        history.results(lesson.run("b", lesson.defaults(), RunControl.unattended(log)).finalMetrics());
        history.end("FINISHED", null);
        assertEquals("#3", board.state("n").run(), "an answered prediction keeps the run that answered it");
    }
}
