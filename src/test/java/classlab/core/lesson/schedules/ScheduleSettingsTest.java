package classlab.core.lesson.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.UserException;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamValues;
import classlab.core.lesson.TestEnvironments;
import org.junit.jupiter.api.Test;

/** Issue 12 kind 4: a schedule whose floor is above its start is refused naming the form's fields, in the pane's language. */
class ScheduleSettingsTest {
    private final SchedulesLesson lesson = new SchedulesLesson(TestEnvironments.mnistMini());

    @Test
    void aCosineFloorAboveItsStartNamesTheFormsFields() {
        ParamValues demo = lesson.defaults().with("cosine_eta_min", "0.5");
        UserException e = assertThrows(UserException.class, () -> SchedulesLesson.comparisonSchedules(demo));
        assertEquals("cosine_eta_min", e.param());
        assertTrue(e.getMessage().startsWith("cosine_eta_min = 0.5 is above lr0 = 0.1:"), e.getMessage());
        String ko = LessonStrings.load("schedules", "ko").describe(e);
        assertTrue(ko.startsWith("cosine_eta_min = 0.5가 lr0 = 0.1보다 큽니다.") && ko.endsWith("lr0을 높이세요."), ko);

        ParamValues training = lesson.defaults().with("es_eta_min", "0.01");  // es_lr is 0.005
        assertEquals("es_eta_min", assertThrows(UserException.class, () -> SchedulesLesson.trainingSchedule(training)).param());
        // a floor equal to the start is a flat schedule, and a step schedule has no floor
        SchedulesLesson.trainingSchedule(lesson.defaults().with("es_eta_min", "0.005"));
        SchedulesLesson.trainingSchedule(training.with("es_schedule", "step"));
    }
}
