package classlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.lesson.LessonStrings;
import org.junit.jupiter.api.Test;

/** Korean particles after filled-in values read as a person writes them (new-user trial: "클래스 5, 8을(를)"). */
class KoreanParticlesTest {

    @Test
    void eachTwoFormParticleFollowsTheWordBeforeIt() {
        assertEquals("파일을 저장", KoreanParticles.resolve("파일을(를) 저장"));
        assertEquals("시드를 바꾸세요", KoreanParticles.resolve("시드을(를) 바꾸세요"));
        assertEquals("값이 큽니다", KoreanParticles.resolve("값이(가) 큽니다"));
        assertEquals("비율은 높습니다", KoreanParticles.resolve("비율은(는) 높습니다"));
        assertEquals("이미지와 레이블", KoreanParticles.resolve("이미지와(과) 레이블"));
        assertEquals("파일로 저장", KoreanParticles.resolve("파일(으)로 저장"));  // ㄹ takes 로
        assertEquals("숫자로", KoreanParticles.resolve("숫자(으)로"));
        assertEquals("값으로", KoreanParticles.resolve("값(으)로"));
    }

    @Test
    void digitsAreReadInSinoKorean() {
        assertEquals("클래스 5, 8을 예측", KoreanParticles.resolve("클래스 5, 8을(를) 예측"));   // 팔
        assertEquals("클래스 5를 예측", KoreanParticles.resolve("클래스 5을(를) 예측"));        // 오
        assertEquals("0으로 표시", KoreanParticles.resolve("0(으)로 표시"));                     // 영
        assertEquals("1로 표시", KoreanParticles.resolve("1(으)로 표시"));                       // 일: ㄹ
        assertEquals("1e20을 벗어납니다", KoreanParticles.resolve("1e20을(를) 벗어납니다"));
    }

    @Test
    void quotesAreLookedThroughAndUnreadableWordsKeepBothForms() {
        assertEquals("\"abc3\"이 입력", KoreanParticles.resolve("\"abc3\"이(가) 입력"));
        assertEquals("--lang ko은(는) 씁니다", KoreanParticles.resolve("--lang ko은(는) 씁니다"));
        assertEquals("(으)로", KoreanParticles.resolve("(으)로"));
        assertEquals("Loss (train)", KoreanParticles.resolve("Loss (train)"));
    }

    @Test
    void lessonMessagesComeOutResolved() {
        String note = LessonStrings.load("imbalance", "ko").format("note.metric.precision_undefined", "5, 8", 0);
        assertTrue(note.startsWith("정의되지 않은 지표: 모델이 클래스 5, 8을 한 번도 예측하지 않아"), note);
        assertTrue(note.contains("0으로 표시하고 평균에도 0으로 넣으며"), note);
    }
}
