package classlab.ui.fx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** Classpath resources, failing with the missing path instead of a bare NullPointerException. */
public final class Resources {
    private Resources() {}

    public static URL url(String path) {
        URL url = Resources.class.getResource(path);
        if (url == null) throw new IllegalStateException("resource not found: " + path);
        return url;
    }

    /** UTF-8 text of a resource, or "" if absent (lessons may lack a document in one language). */
    public static String text(String path) {
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
