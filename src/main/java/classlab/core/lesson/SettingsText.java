package classlab.core.lesson;

import classlab.core.Deferred;
import classlab.core.Localized;
import java.util.Map;

/**
 * Settings as the user reads them: "Epochs 5, Batch size 64" ("에폭 수 5, 배치 크기 64"), with each
 * parameter's form label ({@code param.<key>}), not the {@code epochs=5, batch_size=64} of
 * {@code --set} and the run files. A deferred message ({@link Deferred}), worded when shown.
 */
public final class SettingsText {
    private SettingsText() {}

    /**
     * The deferred text of {@code settings} (parameter key to value as typed, in order).
     *
     * @return "" when {@code settings} is empty
     */
    public static String message(Map<String, String> settings) {
        String text = "";
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String one = Deferred.of("settings.one", "param." + e.getKey(), e.getValue());
            String before = text;
            text = text.isEmpty() ? one : Deferred.of("settings.more", enclosed(before), enclosed(one));
        }
        return text;
    }

    /** {@code deferred} as an argument that keeps its own key and arguments. */
    public static Localized enclosed(String deferred) {
        return () -> deferred;
    }
}
