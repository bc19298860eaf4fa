package classlab.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean particles after filled-in values. A Korean message pattern cannot know whether the value put
 * before a particle ends in a consonant ("클래스 3을", "파일을") or a vowel ("클래스 5를", "lr를"), so
 * patterns write both forms: {@code {0}을(를)}, {@code {0}이(가)}, {@code {0}은(는)}, {@code {0}와(과)},
 * {@code {0}(으)로}. {@link #resolve} picks the right form where the word before it is read
 * unambiguously: a Hangul syllable, or a digit read in Sino-Korean (0 영, 1 일, 2 이, 3 삼, ...).
 * Closing quotes and brackets between the word and the particle are looked through. After Latin letters,
 * symbols or nothing, the written fallback stays, as Korean software usually shows it.
 *
 * <p>Rules (standard Korean grammar): 을/이/은/과 follow a final consonant (받침), 를/가/는/와 a vowel;
 * 으로 follows a final consonant other than ㄹ, 로 a vowel or ㄹ.
 */
public final class KoreanParticles {
    private static final Pattern BOTH_FORMS = Pattern.compile("을\\(를\\)|이\\(가\\)|은\\(는\\)|와\\(과\\)|\\(으\\)로");
    /** Final consonant of each digit's Sino-Korean reading: 영 ㅇ, 일 ㄹ, 이 -, 삼 ㅁ, 사 -, 오 -, 육 ㄱ, 칠 ㄹ, 팔 ㄹ, 구 -. */
    private static final char[] DIGIT_FINAL = {'ㅇ', 'ㄹ', 0, 'ㅁ', 0, 0, 'ㄱ', 'ㄹ', 'ㄹ', 0};
    private static final String LOOKED_THROUGH = "\"'”’)]}」』>";
    /** Index of ㄹ among the 28 final-consonant slots of a Hangul syllable (0 = none). */
    private static final int FINAL_RIEUL = 8;

    private KoreanParticles() {}

    /** {@code text} with every two-form particle resolved where the word before it allows; other text unchanged. */
    public static String resolve(String text) {
        if (text == null || text.indexOf('(') < 0) return text;
        Matcher m = BOTH_FORMS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            Final before = finalBefore(text, m.start());
            m.appendReplacement(out, Matcher.quoteReplacement(choose(m.group(), before)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private enum Final { CONSONANT, RIEUL, VOWEL, UNKNOWN }

    private static Final finalBefore(String text, int end) {
        int i = end - 1;
        while (i >= 0 && LOOKED_THROUGH.indexOf(text.charAt(i)) >= 0) i--;
        if (i < 0) return Final.UNKNOWN;
        char c = text.charAt(i);
        if (c >= '가' && c <= '힣') {
            int jong = (c - '가') % 28;
            return jong == 0 ? Final.VOWEL : jong == FINAL_RIEUL ? Final.RIEUL : Final.CONSONANT;
        }
        if (c >= '0' && c <= '9') {
            char f = DIGIT_FINAL[c - '0'];
            return f == 0 ? Final.VOWEL : f == 'ㄹ' ? Final.RIEUL : Final.CONSONANT;
        }
        return Final.UNKNOWN;
    }

    private static String choose(String both, Final before) {
        if (before == Final.UNKNOWN) return both;
        boolean consonant = before != Final.VOWEL;
        switch (both) {
            case "을(를)": return consonant ? "을" : "를";
            case "이(가)": return consonant ? "이" : "가";
            case "은(는)": return consonant ? "은" : "는";
            case "와(과)": return consonant ? "과" : "와";
            default: return before == Final.CONSONANT ? "으로" : "로";  // (으)로: ㄹ takes 로
        }
    }
}
