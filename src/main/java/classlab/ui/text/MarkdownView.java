package classlab.ui.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Lesson text: Markdown (commonmark + GFM tables) rendered to JavaFX nodes, with LaTeX between
 * {@code $...$} (inline) and {@code $$...$$} (display) drawn by JLaTeXMath. Formulas are cut out
 * before Markdown parsing, so underscores and asterisks inside them are not read as emphasis.
 * Styles come from CSS classes ({@code md-h1}, {@code md-code}, {@code md-table}...).
 */
public final class MarkdownView extends VBox {
    private static final Pattern DISPLAY_MATH = Pattern.compile("\\$\\$(.+?)\\$\\$", Pattern.DOTALL);
    private static final Pattern INLINE_MATH = Pattern.compile("(?<![\\\\$])\\$([^$\\n]+?)\\$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\u2063(\\d+)\u2063");
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final List<String> formulas = new ArrayList<>();
    private final List<Boolean> displayFormula = new ArrayList<>();
    private final float fontSize;
    private final java.awt.Color formulaColour;

    /**
     * @param fontSize      body text size in px (formulas are scaled to match)
     * @param formulaColour colour of formula glyphs (follow the theme's text colour)
     */
    public MarkdownView(String markdown, double fontSize, javafx.scene.paint.Color formulaColour) {
        this.fontSize = (float) fontSize;
        this.formulaColour = new java.awt.Color((float) formulaColour.getRed(), (float) formulaColour.getGreen(),
                (float) formulaColour.getBlue());
        getStyleClass().add("markdown");
        setSpacing(8);
        org.commonmark.node.Node doc = PARSER.parse(extractFormulas(markdown));
        for (org.commonmark.node.Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            Node block = block(n);
            if (block != null) getChildren().add(block);
        }
    }

    private String extractFormulas(String md) {
        StringBuilder sb = new StringBuilder();
        Matcher m = DISPLAY_MATH.matcher(md);
        int last = 0;
        while (m.find()) {
            sb.append(extractInline(md.substring(last, m.start())));
            sb.append("\n\n").append(placeholder(m.group(1).trim(), true)).append("\n\n");
            last = m.end();
        }
        sb.append(extractInline(md.substring(last)));
        return sb.toString();
    }

    private String extractInline(String text) {
        Matcher m = INLINE_MATH.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(placeholder(m.group(1), false)));
        m.appendTail(sb);
        return sb.toString();
    }

    private String placeholder(String latex, boolean display) {
        formulas.add(latex);
        displayFormula.add(display);
        return "\u2063" + (formulas.size() - 1) + "\u2063";
    }

    private Node block(org.commonmark.node.Node n) {
        if (n instanceof Heading h) {
            TextFlow flow = inlines(h, "md-h" + h.getLevel());
            flow.getStyleClass().add("md-h" + h.getLevel());
            return flow;
        }
        if (n instanceof Paragraph p) {
            TextFlow flow = inlines(p, null);
            flow.getStyleClass().add("md-p");
            return flow;
        }
        if (n instanceof BulletList || n instanceof OrderedList) return list(n);
        if (n instanceof BlockQuote q) {
            VBox box = new VBox(6);
            box.getStyleClass().add("md-quote");
            for (org.commonmark.node.Node c = q.getFirstChild(); c != null; c = c.getNext()) {
                Node b = block(c);
                if (b != null) box.getChildren().add(b);
            }
            return box;
        }
        if (n instanceof FencedCodeBlock code) return codeBlock(code.getLiteral());
        if (n instanceof IndentedCodeBlock code) return codeBlock(code.getLiteral());
        if (n instanceof ThematicBreak) {
            javafx.scene.control.Separator s = new javafx.scene.control.Separator();
            return s;
        }
        if (n instanceof TableBlock table) return table(table);
        return null;
    }

    private Node codeBlock(String literal) {
        Label l = new Label(literal.stripTrailing());
        l.getStyleClass().add("md-codeblock");
        l.setWrapText(false);
        return l;
    }

    private Node list(org.commonmark.node.Node list) {
        VBox box = new VBox(4);
        box.getStyleClass().add("md-list");
        int number = list instanceof OrderedList o ? o.getStartNumber() : 0;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) continue;
            String marker = list instanceof OrderedList ? (number++) + "." : "•";
            Label bullet = new Label(marker);
            bullet.getStyleClass().add("md-bullet");
            bullet.setMinWidth(fontSize * 1.4);
            VBox content = new VBox(4);
            for (org.commonmark.node.Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                Node b = block(c);
                if (b != null) content.getChildren().add(b);
            }
            HBox row = new HBox(4, bullet, content);
            box.getChildren().add(row);
        }
        return box;
    }

    private Node table(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        int r = 0;
        for (org.commonmark.node.Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (org.commonmark.node.Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) continue;
                int c = 0;
                for (org.commonmark.node.Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    TextFlow flow = inlines(cell, null);
                    flow.getStyleClass().add(((TableCell) cell).isHeader() ? "md-th" : "md-td");
                    flow.setPadding(new Insets(3, 8, 3, 8));
                    grid.add(flow, c++, r);
                }
                r++;
            }
        }
        return grid;
    }

    private TextFlow inlines(org.commonmark.node.Node parent, String styleClass) {
        TextFlow flow = new TextFlow();
        appendInlines(flow, parent, styleClass == null ? new ArrayList<>() : new ArrayList<>(List.of(styleClass)));
        return flow;
    }

    private void appendInlines(TextFlow flow, org.commonmark.node.Node parent, List<String> styles) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                appendText(flow, t.getLiteral(), styles);
            } else if (n instanceof Code c) {
                Text text = new Text(c.getLiteral());
                text.getStyleClass().addAll(styles);
                text.getStyleClass().addAll("md-text", "md-code");
                flow.getChildren().add(text);
            } else if (n instanceof StrongEmphasis) {
                appendInlines(flow, n, with(styles, "md-strong"));
            } else if (n instanceof Emphasis) {
                appendInlines(flow, n, with(styles, "md-em"));
            } else if (n instanceof SoftLineBreak) {
                appendText(flow, " ", styles);
            } else if (n instanceof HardLineBreak) {
                appendText(flow, "\n", styles);
            } else {
                appendInlines(flow, n, styles);
            }
        }
    }

    private static List<String> with(List<String> styles, String extra) {
        List<String> l = new ArrayList<>(styles);
        l.add(extra);
        return l;
    }

    /** Plain text with formula placeholders swapped for formula images. */
    private void appendText(TextFlow flow, String literal, List<String> styles) {
        Matcher m = PLACEHOLDER.matcher(literal);
        int last = 0;
        while (m.find()) {
            addText(flow, literal.substring(last, m.start()), styles);
            flow.getChildren().add(formula(Integer.parseInt(m.group(1))));
            last = m.end();
        }
        addText(flow, literal.substring(last), styles);
    }

    private void addText(TextFlow flow, String s, List<String> styles) {
        if (s.isEmpty()) return;
        Text t = new Text(s);
        t.getStyleClass().add("md-text");
        t.getStyleClass().addAll(styles);
        flow.getChildren().add(t);
    }

    private Node formula(int index) {
        String latex = formulas.get(index);
        boolean display = displayFormula.get(index);
        try {
            ImageView view = new ImageView(FormulaImages.render(latex, display, fontSize * (display ? 1.15f : 1.0f), formulaColour));
            view.getStyleClass().add(display ? "md-math-display" : "md-math");
            if (!display) view.setTranslateY(fontSize * 0.25);
            return view;
        } catch (RuntimeException e) {
            Text raw = new Text("$" + latex + "$");
            raw.getStyleClass().addAll("md-text", "md-code", "md-math-error");
            return raw;
        }
    }
}
