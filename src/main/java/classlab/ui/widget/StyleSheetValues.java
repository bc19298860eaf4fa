package classlab.ui.widget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.ParsedValue;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.Size;
import javafx.css.Stylesheet;
import javafx.scene.paint.Color;

/**
 * Values declared in one of ClassLab's stylesheets, read with JavaFX's own CSS parser (no toolkit
 * needed), so that code drawing on a Canvas uses the colours and sizes the CSS gives the rest of
 * the app instead of a copy. Lookup follows the cascade for a theme class on the scene root: the
 * rules for {@code .root} and then for the theme, in file order, the last declaration winning.
 */
public final class StyleSheetValues {
    private record Entry(String selector, String property, ParsedValue<?, ?> value) {}

    private final List<Entry> entries = new ArrayList<>();

    private StyleSheetValues(Stylesheet sheet) {
        for (Rule r : sheet.getRules()) {
            for (Selector s : r.getSelectors()) {
                String selector = s.toString().replace("*", "");
                for (Declaration d : r.getDeclarations()) {
                    entries.add(new Entry(selector, d.getProperty().toLowerCase(Locale.ROOT), d.getParsedValue()));
                }
            }
        }
    }

    /**
     * Parses a stylesheet on the classpath.
     *
     * @throws IllegalStateException if the resource is missing
     * @throws UncheckedIOException  if it cannot be read
     */
    public static StyleSheetValues load(String resource) {
        URL url = StyleSheetValues.class.getResource(resource);
        if (url == null) throw new IllegalStateException(resource + " is not on the classpath (styles/ resource folder missing from the build?)");
        try {
            return new StyleSheetValues(new CssParser().parse(url));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * The colour {@code property} has for a root carrying {@code themeClass}, declared on
     * {@code .root}, {@code .<theme>} or {@code .root.<theme>}.
     *
     * @throws IllegalArgumentException if no such rule declares it as a colour
     */
    public Color color(String themeClass, String property) {
        ParsedValue<?, ?> v = last(themeClass, "", property);
        Object c = v == null ? null : v.convert(null);
        if (c instanceof Color color) return color;
        throw new IllegalArgumentException("no colour " + property + " for ." + themeClass + " in the stylesheet");
    }

    /**
     * The size in pixels of {@code property} on nodes matched by {@code selector} (for example
     * {@code ".figure-view"}), also in its theme-scoped form {@code .<theme> <selector>}.
     *
     * @throws IllegalArgumentException if no such rule declares it as a size
     */
    public double size(String themeClass, String selector, String property) {
        ParsedValue<?, ?> v = last(themeClass, selector, property);
        // Sizes convert with a font (em units); ClassLab's stylesheets give these in px, read directly.
        Object raw = v;
        while (raw instanceof ParsedValue<?, ?> p) raw = p.getValue();
        while (raw instanceof ParsedValue<?, ?>[] list && list.length > 0) {
            raw = list[0];
            while (raw instanceof ParsedValue<?, ?> p) raw = p.getValue();
        }
        if (raw instanceof Size size) return size.pixels();
        throw new IllegalArgumentException("no size " + property + " for " + selector + " in the stylesheet");
    }

    private ParsedValue<?, ?> last(String themeClass, String selector, String property) {
        String key = property.toLowerCase(Locale.ROOT);
        List<String> matching = selector.isEmpty()
                ? List.of(".root", "." + themeClass, ".root." + themeClass)
                : List.of(selector, "." + themeClass + " " + selector);
        ParsedValue<?, ?> found = null;
        for (Entry e : entries) {
            if (e.property().equals(key) && matching.contains(e.selector())) found = e.value();
        }
        return found;
    }
}
