package classlab.core.figure;

/**
 * What the user clicked in a {@link Figure#isSelectable() selectable} figure, handed to
 * {@code LessonModel.select(figureId, selection)} on the lesson's worker thread.
 *
 * <ul>
 *   <li>{@link GridFigure}: {@code panel} is the index in {@link GridFigure#panels()}, {@code row} and
 *       {@code col} the matrix cell ({@code values()[row][col]}).</li>
 *   <li>{@link ImageGridFigure}: {@code panel} is the image's index in {@link ImageGridFigure#images()},
 *       {@code row} and {@code col} its place in the layout ({@code panel / columns},
 *       {@code panel % columns}).</li>
 * </ul>
 *
 * @param panel zero-based panel or image index, ≥ 0
 * @param row   zero-based row, ≥ 0
 * @param col   zero-based column, ≥ 0
 */
public record FigureSelection(int panel, int row, int col) {
    public FigureSelection {
        if (panel < 0 || row < 0 || col < 0) {
            throw new IllegalArgumentException("selection indices must be >= 0, got panel " + panel + ", row " + row + ", col " + col);
        }
    }

    /** A cell {@code values()[row][col]} of panel {@code panel} of a {@link GridFigure}. */
    public static FigureSelection cell(int panel, int row, int col) { return new FigureSelection(panel, row, col); }

    /** Image {@code index} of an {@link ImageGridFigure} laid out in {@code columns} columns. */
    public static FigureSelection image(int index, int columns) {
        if (columns < 1) throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        return new FigureSelection(index, index / columns, index % columns);
    }

    /** The image index of an {@link ImageGridFigure} selection (same as {@link #panel()}). */
    public int index() { return panel; }
}
