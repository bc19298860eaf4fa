package classlab.core.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import classlab.core.UserException;
import classlab.core.data.LabeledData;
import org.junit.jupiter.api.Test;

/** Settings against the data they meet: each refusal names the parameter and says what the data holds, in ko and en. */
class LessonDataTest {
    private static final LabeledData DATA = new LabeledData(new float[5][2], new int[] {0, 1, 1, 0, 2}, 4,
            new String[] {"0", "1", "2", "3"});

    @Test
    void headRefusesMoreRowsThanTheSplitHas() {
        assertEquals(3, LessonData.head(DATA, 3, "train_size", LessonData.TRAIN).size());
        UserException e = assertThrows(UserException.class, () -> LessonData.head(DATA, 9, "train_size", LessonData.TRAIN));
        assertEquals("train_size: 9 images were asked for, but the MNIST training split has only 5. Set train_size to 5 or less.",
                e.getMessage());
        assertEquals("train_size: 이미지 9장을 요청했지만 MNIST 학습 데이터에는 5장뿐입니다. train_size을(를) 5 이하로 설정하세요.",
                LessonStrings.resolve(LessonStrings.load(null, "ko"), e.deferredMessage()));
    }

    @Test
    void requireClassesNamesTheFirstAbsentClass() {
        LessonData.requireClasses(DATA, "test_size", LessonData.TEST, 0, 1, 2);
        UserException e = assertThrows(UserException.class,
                () -> LessonData.requireClasses(DATA, "test_size", LessonData.TEST, 0, 3));
        assertEquals("test_size", e.param());
        assertEquals("test_size: the first 5 test images contain no image of class 3, which this experiment needs. Set test_size larger.",
                e.getMessage());
    }
}
