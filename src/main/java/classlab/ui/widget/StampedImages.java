package classlab.ui.widget;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Image work for export that needs no JavaFX thread: a footer line under a figure (drawn with
 * the bundled NanumGothic so Hangul renders on any machine) and animated GIFs written by the
 * JDK's ImageIO GIF writer (no extra library).
 */
final class StampedImages {
    private static final String FONT = "/assets/fonts/NanumGothic.ttf";
    private static Font baseFont;

    private StampedImages() { }

    /**
     * {@code text} broken at spaces into lines no wider than {@code width} as measured by
     * {@code widthOf} (greedy, as matplotlib's {@code wrap=True}); a single word wider than that
     * stays on its own line.
     */
    static List<String> wrap(String text, java.util.function.ToDoubleFunction<String> widthOf, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && widthOf.applyAsDouble(candidate) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * {@code image} with a white strip below holding {@code text} in grey, sized to the image width;
     * a line wider than the image wraps at spaces onto further lines (the whole footer is shown).
     */
    static BufferedImage withFooter(BufferedImage image, String text) {
        int w = image.getWidth();
        float size = Math.max(11f, Math.min(22f, w / 90f));
        Font font = font().deriveFont(size);
        List<String> lines = new ArrayList<>();
        Graphics2D probe = image.createGraphics();
        try {
            probe.setFont(font);
            java.awt.FontMetrics metrics = probe.getFontMetrics();
            for (String paragraph : text.split("\n")) lines.addAll(wrap(paragraph, metrics::stringWidth, w - 2 * size));
        } finally {
            probe.dispose();
        }
        float lineH = size * 1.4f;
        int strip = Math.round(size * 0.6f + lines.size() * lineH);
        BufferedImage out = new BufferedImage(w, image.getHeight() + strip, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, out.getHeight());
            g.drawImage(image, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            g.setColor(new Color(0x55, 0x55, 0x55));
            for (int i = 0; i < lines.size(); i++) g.drawString(lines.get(i), size, image.getHeight() + size * 0.3f + (i + 0.8f) * lineH);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static synchronized Font font() {
        if (baseFont == null) {
            try (InputStream in = StampedImages.class.getResourceAsStream(FONT)) {
                baseFont = in == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 12) : Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException | FontFormatException e) {
                baseFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            }
        }
        return baseFont;
    }

    /**
     * Writes {@code frames} as an animated GIF that loops forever, {@code delayMillis} per frame
     * (the last frame is held 4× as long). Frames may differ in size; the first one sets the canvas.
     *
     * @throws IllegalArgumentException if there are no frames or the delay is not positive
     */
    static void writeGif(List<BufferedImage> frames, int delayMillis, Path file) throws IOException {
        if (frames.isEmpty()) throw new IllegalArgumentException("an animated GIF needs at least one frame");
        if (delayMillis <= 0) throw new IllegalArgumentException("GIF frame delay must be > 0 ms, got " + delayMillis);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(part);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(part.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage rgb = toRgb(frames.get(i));
                int delay = i == frames.size() - 1 ? delayMillis * 4 : delayMillis;
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), null);
                configure(meta, delay, i == 0);
                writer.writeToSequence(new IIOImage(rgb, null, meta), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) return image;
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** GIF frame delay (in 1/100 s) and, on the first frame, the NETSCAPE2.0 loop-forever extension. */
    private static void configure(IIOMetadata meta, int delayMillis, boolean first) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.max(1, delayMillis / 10)));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
