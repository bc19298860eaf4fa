package classlab.ui.fx;

import classlab.core.KoreanParticles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** The shell's own strings ({@code /i18n/messages_<lang>.properties}, UTF-8); missing keys show as themselves. */
public final class Messages {
    private final Properties props = new Properties();
    private final String language;

    public Messages(String language) {
        this(language, "messages");
    }

    /** Strings of another bundle under {@code /i18n/} (for example {@code classroom}: the classroom tools). */
    public Messages(String language, String bundle) {
        this.language = language;
        String resource = "/i18n/" + bundle + "_" + language + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the classpath");
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String language() { return language; }

    public String get(String key) { return props.getProperty(key, key); }

    public String format(String key, Object... args) {
        return KoreanParticles.resolve(new MessageFormat(get(key), Locale.forLanguageTag(language)).format(args));
    }
}
