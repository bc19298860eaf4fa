package classlab.ui.text;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * LaTeX formulas drawn by JLaTeXMath into images (offscreen AWT, so it works headless), cached
 * by formula, size, colour and style.
 */
public final class FormulaImages {
    private static final Map<String, Image> CACHE = new ConcurrentHashMap<>();

    private FormulaImages() {}

    /**
     * @throws org.scilab.forge.jlatexmath.ParseException for invalid LaTeX (the caller shows the source instead)
     */
    public static Image render(String latex, boolean display, float size, Color colour) {
        String key = latex + '\u0000' + display + '\u0000' + size + '\u0000' + colour.getRGB();
        return CACHE.computeIfAbsent(key, k -> draw(latex, display, size, colour));
    }

    private static Image draw(String latex, boolean display, float size, Color colour) {
        TeXFormula formula = new TeXFormula(latex);
        TeXIcon icon = formula.createTeXIcon(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT, size);
        icon.setForeground(colour);
        BufferedImage img = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return SwingFXUtils.toFXImage(img, null);
    }
}
