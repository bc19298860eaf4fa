package classlab.ui.lesson;

import classlab.core.figure.Figure;
import classlab.core.figure.LineFigure;
import classlab.core.lesson.LessonStrings;
import classlab.ui.fx.Messages;
import classlab.ui.fx.Theme;
import classlab.ui.widget.ExportStamp;
import classlab.ui.widget.FigureExport;
import classlab.ui.widget.FigureView;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.image.WritableImage;

/**
 * The pane's exports: Export all goes to a new timestamped folder; a chart's own PNG, CSV and GIF buttons
 * write into one folder per run shown (a trial exported a chart's PNG and CSV and found them in two
 * folders), a second file of one chart there named {@code -2}, {@code -3}... instead of over the first.
 * Exports hold only figures that have data, and are stamped with lesson, experiment, changed settings,
 * seed, date and version. Snapshots
 * are taken on the FX thread (cheap); encoding and writing happen in the {@link ExportService}.
 */
final class PaneExport {
    /** GIF frame time: a 30-epoch run plays in 6 s. */
    static final int GIF_FRAME_MILLIS = 200;
    /** GIF frames are drawn at this multiple of the theme's figure size, as PNGs are. */
    static final double GIF_SCALE = 2;

    private final ExportService service;
    private final LessonSession session;
    private final LessonStrings strings;
    private final Theme theme;
    /** Shows a status message, worded again in the window's language after a switch. */
    private final Consumer<Function<Messages, String>> status;

    PaneExport(ExportService service, LessonSession session, LessonStrings strings, Theme theme,
               Consumer<Function<Messages, String>> status) {
        this.service = service;
        this.session = session;
        this.strings = strings;
        this.theme = theme;
        this.status = status;
    }

    /** The run whose single-chart exports go to {@link #chartFolder}, or null before the first. */
    private LessonSession.RunStart chartFolderRun;
    private Path chartFolder;
    /** File names given out in {@link #chartFolder}, written or still queued on the export thread. */
    private final Set<String> chartFolderNames = new java.util.HashSet<>();

    /** The folder of the lesson's last export that finished, or null (kept by the session across a language switch: trial 4, item 12). */
    ReadOnlyObjectProperty<Path> lastFolderProperty() { return session.lastExportFolderProperty(); }

    /** Every figure with data as PNG (2×) and CSV; says so when nothing has data yet. */
    void all(List<FigureView> views) {
        Set<String> seen = new LinkedHashSet<>();
        List<ExportService.FileWrite> writes = new ArrayList<>();
        Path folder = service.newFolder(session.entry().id(), LocalDateTime.now());
        for (FigureView v : views) {
            if (!v.figure().hasData() || !seen.add(v.figure().id())) continue;
            ExportStamp stamp = stamp(v.figure());
            writes.add(pngWrite(v, stamp, folder.resolve(v.figure().id() + ".png")));
            writes.add(csvWrite(v.figure(), stamp, folder.resolve(v.figure().id() + ".csv")));
        }
        if (writes.isEmpty()) {
            status.accept(m -> m.get("export.nothing"));
            return;
        }
        submit(folder, writes);
    }

    void png(FigureView view) { one(view.figure(), ".png", file -> pngWrite(view, stamp(view.figure()), file)); }

    void csv(Figure f) { one(f, ".csv", file -> csvWrite(f, stamp(f), file)); }

    /** The chart after each epoch of the run as an animated GIF (frames drawn one per FX pulse). */
    void gif(LineFigure f) {
        if (!f.hasData()) {
            status.accept(m -> m.get("export.nothing"));
            return;
        }
        ExportStamp stamp = stamp(f);
        Path folder = chartFolder();
        Path file = folder.resolve(chartFileName(f.id(), ".gif"));
        status.accept(m -> m.get("export.gif.drawing"));
        // 2x, as the PNG export: a 520-pixel GIF was too small to read on a slide.
        EpochAnimation.render(f, strings, theme, theme.figureWidth(), theme.figureHeight(), GIF_SCALE).whenComplete((frames, error) -> {
            if (error != null) {
                status.accept(m -> m.format("export.failed", f.id() + ".gif", stringsIn(m).describe(error)));
                return;
            }
            submit(folder, List.of(() -> {
                FigureExport.writeGif(frames, stamp, GIF_FRAME_MILLIS, file);
                return file;
            }));
        });
    }

    private void one(Figure f, String extension, java.util.function.Function<Path, ExportService.FileWrite> write) {
        if (!f.hasData()) {
            status.accept(m -> m.get("export.nothing"));
            return;
        }
        Path folder = chartFolder();
        submit(folder, List.of(write.apply(folder.resolve(chartFileName(f.id(), extension)))));
    }

    /** The folder of single-chart exports of the run shown now: the one of its earlier ones, else a new one. */
    private Path chartFolder() {
        LessonSession.RunStart run = session.lastRun();
        if (chartFolder == null || run == null || run != chartFolderRun) {
            chartFolder = service.newFolder(session.entry().id(), LocalDateTime.now());
            chartFolderRun = run;
            chartFolderNames.clear();
        }
        return chartFolder;
    }

    /** {@code id + extension} in {@link #chartFolder}, or {@code id-2 + extension}... when that name is taken already. */
    private String chartFileName(String id, String extension) {
        String name = id + extension;
        for (int i = 2; !chartFolderNames.add(name); i++) name = id + "-" + i + extension;
        return name;
    }

    private ExportService.FileWrite pngWrite(FigureView view, ExportStamp stamp, Path file) {
        WritableImage image = FigureExport.snapshot(view, FigureExport.DEFAULT_SCALE);
        return () -> {
            FigureExport.writePng(image, stamp, file);
            return file;
        };
    }

    private ExportService.FileWrite csvWrite(Figure f, ExportStamp stamp, Path file) {
        return () -> {
            FigureExport.csv(f, strings, stamp, file);
            return file;
        };
    }

    /**
     * The stamp of {@code f}: the last run's (experiment, its settings, how far it got) when {@code f} is one of
     * that run's section's figures or of none, else the lesson and the form's settings of {@code f}'s section
     * only (a demo drawn from the form, or a tab the run did not train: trial, roc-smoothing's label-smoothing
     * targets were stamped "5-class model: OvR ROC").
     */
    private ExportStamp stamp(Figure f) {
        LessonSession.RunStart run = session.lastRun();
        String runSection = run == null ? null : session.model().experiment(run.experiment()).section();
        List<String> sections = session.model().sections().stream().filter(s -> session.model().figures(s).contains(f)).toList();
        if (run == null || sections.isEmpty() || sections.contains(runSection)) return stamp();
        return ExportStamp.of(session.entry().title(strings.language()), null, sections.get(0),
                session.model().inEffect(session.values()), session.model().defaults(), strings, LocalDateTime.now());
    }

    private ExportStamp stamp() {
        LessonSession.RunStart run = session.lastRun();
        String section = run == null ? null : session.model().experiment(run.experiment()).section();
        ExportStamp stamp = ExportStamp.of(session.entry().title(strings.language()), run == null ? null : run.experiment(), section,
                session.model().inEffect(run == null ? session.values() : run.values()), session.model().defaults(), strings,
                LocalDateTime.now());
        classlab.core.train.TrainingEngine.Progress training = session.trainingProgress();
        if (training != null) {
            return stamp.inProgress(training.epoch(), training.epochs(), training.configuration(), training.configurations(),
                    session.progressUnit(), strings);
        }
        classlab.core.classroom.RunRecord ended = session.endedRun();
        if (ended != null && "STOPPED".equals(ended.outcome()) && ended.endedAt() != null && ended.endedAt().epochs() > 0) {
            stamp = stamp.stopped(ended.endedAt().epoch(), ended.endedAt().epochs(), session.progressUnit(), strings);
        }
        return stamp;
    }

    /** The lesson's strings in the language of {@code m} (the status bar words its message again after a language switch). */
    private LessonStrings stringsIn(Messages m) {
        return m.language().equals(strings.language()) ? strings : LessonStrings.load(session.entry().id(), m.language());
    }

    private void submit(Path folder, List<ExportService.FileWrite> writes) {
        service.submit(folder, writes).thenAccept(outcome -> Platform.runLater(() -> {
            session.exported(outcome.folder());
            // One chart's export names its file ("train_loss.gif"); Export all counts them.
            status.accept(m -> outcome.failures().isEmpty()
                    ? outcome.written().size() == 1
                            ? m.format("export.done.one", outcome.written().get(0).getFileName(), outcome.folder())
                            : m.format("export.done", outcome.written().size(), outcome.folder())
                    : m.format("export.failed", outcome.folder(),
                            String.join("; ", outcome.failures().stream().map(f -> LessonStrings.resolve(stringsIn(m), f)).toList())));
        }));
    }
}
