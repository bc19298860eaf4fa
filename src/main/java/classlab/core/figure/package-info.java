/**
 * Charts as data, free of any UI toolkit: {@link classlab.core.figure.LineFigure},
 * {@link classlab.core.figure.BarFigure}, {@link classlab.core.figure.HistogramFigure},
 * {@link classlab.core.figure.GridFigure}, {@link classlab.core.figure.ImageGridFigure} and
 * {@link classlab.core.figure.ResultTable}. Lesson models create their figures once and fill them;
 * JavaFX views ({@code classlab.ui.widget}) and the command line's PNG/CSV export draw them.
 *
 * <h2>Threading contract</h2>
 * <ul>
 *   <li>Figures are written on the training thread (from {@code LessonModel.run}) or on the lesson's
 *       worker thread ({@code updateDemos}, {@code select}); every public method is thread-safe.</li>
 *   <li>Readers never get callbacks: they poll {@link classlab.core.figure.Figure#version()} (the UI
 *       at 10 Hz) and redraw a figure whose version moved, reading its data through accessors that
 *       return copies or immutable values.</li>
 *   <li>Arrays handed to a figure (grid panel matrices, histogram inputs, scalar fields, image pixels)
 *       belong to the figure from then on: the caller must not modify them afterwards, and readers
 *       must not modify what accessors return. {@link classlab.core.figure.ImageGridFigure.Image}
 *       and {@link classlab.core.figure.LineFigure.Series#set} copy their input, so a reused buffer is
 *       safe there; build a new {@code double[][]} for each {@code GridFigure.Panel} and
 *       {@code ScalarField}.</li>
 * </ul>
 *
 * <h2>Texts</h2>
 * Titles and axis labels are message keys of the lesson bundle; data labels are keys when they start
 * with one of {@link classlab.core.figure.Figure#KEY_PREFIXES} or are deferred messages
 * ({@code LessonStrings.message}); anything else is shown verbatim.
 * {@link classlab.core.figure.Figure#messageKeys()} lists the keys a figure uses, for coverage tests.
 *
 * <h2>Selection</h2>
 * A figure that {@link classlab.core.figure.Figure#isSelectable() is selectable} reports the user's
 * clicks as a {@link classlab.core.figure.FigureSelection} to {@code LessonModel.select(figureId,
 * selection)}, which runs off the FX thread and typically fills another figure.
 *
 * <h2>Layering</h2>
 * This package depends on nothing but the JDK: no JavaFX, no {@code classlab.ui}, no ND4J/DL4J.
 */
package classlab.core.figure;
