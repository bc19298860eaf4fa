package classlab.core.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.ImageGridFigure.Highlight;
import classlab.core.figure.ImageGridFigure.Image;
import classlab.core.lesson.LessonStrings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageGridFigureTest {
    /** A 2×2 RGB image, channel-major: R plane, G plane, B plane. */
    private static final float[] RGB_2X2 = {
        1, 0, 0, 0.5f,   // R
        0, 1, 0, 0.5f,   // G
        0, 0, 1, 0.5f};  // B

    @Test
    void rgbIsReadChannelMajorAndMappedFromTheStatedRange() {
        int[] argb = Image.rgb(RGB_2X2, 2, 2, 0, 1).toArgb();
        assertArrayEquals(new int[] {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFF808080}, argb);
    }

    @Test
    void valuesOutsideTheRangeAreClampedAndNanIsBlack() {
        float[] grey = {-3, 0.25f, 7, Float.NaN};
        int[] argb = Image.grey(grey, 1, 4, 0, 1).toArgb();
        assertArrayEquals(new int[] {0xFF000000, 0xFF404040, 0xFFFFFFFF, 0xFF000000}, argb);
    }

    @Test
    void perImageRangeStretchesMinToBlackAndMaxToWhite() {
        // Normalised CIFAR values ((x - mean) / std) span about -2 … 2; a feature map any range.
        Image im = Image.grey(new float[] {-2, 0, 2, 1}, 2, 2);
        assertTrue(im.perImageRange());
        assertArrayEquals(new double[] {-2, 2}, im.displayRange());
        assertArrayEquals(new int[] {0xFF000000, 0xFF808080, 0xFFFFFFFF, 0xFFBFBFBF}, im.toArgb());
        // A constant map is mid grey, not a division by zero.
        assertEquals(0xFF808080, Image.grey(new float[] {3, 3}, 1, 2).toArgb()[0]);
    }

    @Test
    void shapesAndRangesAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Image.rgb(new float[3071], 32, 32, 0, 1));
        assertTrue(e.getMessage().contains("3072"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Image(2, 1, 1, new float[2], 0, 1, "", null));
        assertThrows(IllegalArgumentException.class, () -> Image.grey(new float[1], 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ImageGridFigure("g", "t", 0));
    }

    @Test
    void pixelsAreCopiedSoTheCallerMayReuseItsBuffer() {
        float[] buffer = {0, 1};
        Image im = Image.grey(buffer, 1, 2, 0, 1);
        buffer[0] = 1;
        assertEquals(0xFF000000, im.toArgb()[0]);
    }

    @Test
    void layoutSelectionHighlightAndVersion() {
        ImageGridFigure f = new ImageGridFigure("cell_images", "figure.cell_images", 3).selectable(true);
        assertTrue(f.isSelectable());
        assertFalse(f.hasData());
        long v0 = f.version();
        Image im = Image.grey(new float[] {0, 1}, 1, 2, 0, 1);
        f.setImages(List.of(im, im.withHighlight(Highlight.WRONG), im, im.withHighlight(Highlight.SELECTED), im));
        assertTrue(f.version() > v0);
        assertTrue(f.hasData());
        assertEquals(2, f.rows());
        f.markSelected(1);
        List<Highlight> h = f.images().stream().map(Image::highlight).toList();
        assertEquals(List.of(Highlight.NONE, Highlight.SELECTED, Highlight.NONE, Highlight.NONE, Highlight.NONE), h);
        assertThrows(IndexOutOfBoundsException.class, () -> f.markSelected(5));
        assertEquals(new FigureSelection(4, 1, 1), FigureSelection.image(4, f.columns()));
        f.clear();
        assertFalse(f.hasData());
        assertTrue(f.isSelectable(), "clear keeps the configuration");
    }

    @Test
    void csvDescribesEachImageAndQuotesMultiLineCaptions() {
        ImageGridFigure f = new ImageGridFigure("samples", "figure.samples", 2);
        f.setImages(List.of(
                Image.rgb(RGB_2X2, 2, 2, 0, 1).withCaption("cat\np=0.93"),
                Image.grey(new float[] {-1, 1}, 1, 2).withCaption("category.dog").withHighlight(Highlight.CORRECT)));
        String[] lines = f.toCsv().split("\n", -1);
        assertEquals("index,row,col,channels,height,width,low,high,per_image_range,caption,highlight", lines[0]);
        assertEquals("0,0,0,3,2,2,0.0,1.0,false,\"cat", lines[1]);
        assertEquals("p=0.93\",none", lines[2]);
        assertEquals("1,0,1,1,1,2,-1.0,1.0,true,category.dog,correct", lines[3]);
    }

    @Test
    void messageKeysCoverTitleNoticeAndKeyCaptions() {
        ImageGridFigure f = new ImageGridFigure("cell_images", "figure.cell_images", 6);
        f.setNotice("message.click_a_cell");
        Image im = Image.grey(new float[] {0, 1}, 1, 2, 0, 1);
        f.setImages(List.of(
                im.withCaption(LessonStrings.message("message.predicted", "category.cat", "0.91")),
                im.withCaption("plain text, not a key")));
        assertEquals(Set.of("figure.cell_images", "message.click_a_cell", "message.predicted", "category.cat"), f.messageKeys());
    }
}
