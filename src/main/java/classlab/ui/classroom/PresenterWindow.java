package classlab.ui.classroom;

import classlab.core.lesson.LessonStrings;
import classlab.ui.fx.Messages;
import classlab.ui.fx.Resources;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonSession;
import classlab.ui.text.MarkdownView;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The teacher's screen: a second window (placed on another monitor when there is one) with the
 * lesson's speaking points and notes, the question cards with their answers and the switches that
 * reveal an answer on the projector, and the run's state. It follows the lesson shown in the main
 * window. One per application.
 */
public final class PresenterWindow {
    private static PresenterWindow instance;

    private final Stage stage = new Stage();
    private final Label lesson = new Label();
    private final Label run = new Label();
    private final Timeline tick;
    private LessonSession session;
    private Messages shell;
    private LessonStrings strings;
    private QuestionsView questions;

    private PresenterWindow() {
        lesson.getStyleClass().add("lesson-title");
        run.setId("presenterRun");
        tick = new Timeline(new KeyFrame(Duration.millis(500), e -> showRun()));
        tick.setCycleCount(Timeline.INDEFINITE);
        stage.setOnHidden(e -> {
            tick.stop();
            if (questions != null) questions.detach();
            instance = null;
        });
    }

    /** The open presenter window, or null. */
    public static PresenterWindow current() { return instance; }

    /** Opens (or raises) the presenter window for a lesson, away from the main window's screen. */
    public static PresenterWindow open(LessonSession session, LessonStrings strings, Theme theme, Window main) {
        boolean fresh = instance == null;
        if (fresh) instance = new PresenterWindow();
        instance.show(session, strings, theme);
        if (fresh) {
            instance.place(main);
            // The teacher presses F5-F8, Ctrl+Q… on this screen: the main window's shortcuts work here too
            // (they did nothing while this window had the focus: trial 5, item 13).
            if (main.getScene() != null) instance.stage.getScene().getAccelerators().putAll(main.getScene().getAccelerators());
            // Esc and Ctrl+W close it (trial: opened by a mis-click over the main window, with the answers showing,
            // and no way found to close it without a window manager's title bar)
            Runnable close = instance.stage::hide;
            instance.stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), close);
            instance.stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.W,
                    KeyCombination.SHORTCUT_DOWN), close);
        }
        instance.stage.show();
        instance.stage.toFront();
        return instance;
    }

    /** Shows another lesson (or language, or theme) if the window is open; nothing otherwise. */
    public static void follow(LessonSession session, LessonStrings strings, Theme theme) {
        if (instance != null) instance.show(session, strings, theme);
    }

    public Stage stage() { return stage; }

    private void show(LessonSession s, LessonStrings strings, Theme theme) {
        session = s;
        Messages text = new Messages(strings.language(), "classroom");
        shell = new Messages(strings.language());
        this.strings = strings;
        if (questions != null) questions.detach();
        questions = new QuestionsView(s.questions(), text, strings, true);
        questions.setPadding(new Insets(10));
        // The teacher's laptop is no projector: the presentation theme's large type would waste it.
        Theme look = theme == Theme.PRESENTATION ? Theme.LIGHT : theme;
        String notes = Resources.text("/lessons/" + s.entry().id() + "/instructor." + strings.language() + ".md");
        MarkdownView view = new MarkdownView(notes, look.fontSize(), look.textColour());
        view.setPadding(new Insets(10));
        ScrollPane notesScroll = new ScrollPane(view);
        notesScroll.setFitToWidth(true);
        ScrollPane questionScroll = new ScrollPane(questions);
        questionScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(notesScroll, questionScroll);
        split.setDividerPositions(0.5);
        lesson.setText(s.entry().title(strings.language()));
        Button close = new Button(text.get("presenter.close"));
        close.setId("presenterClose");
        close.setOnAction(e -> stage.hide());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, new VBox(4, lesson, run), gap, close);
        header.setPadding(new Insets(8, 10, 8, 10));
        BorderPane root = new BorderPane(split);
        root.setTop(header);
        root.setId("presenterRoot");
        root.getStyleClass().add(look.styleClass());
        if (stage.getScene() == null) {
            Scene scene = new Scene(root, 1000, 700);
            scene.getStylesheets().addAll(Resources.url("/styles/app.css").toExternalForm(),
                    Resources.url("/styles/charts.css").toExternalForm());
            stage.setScene(scene);
        } else {
            stage.getScene().setRoot(root);
        }
        stage.setTitle(text.format("presenter.title", s.entry().title(strings.language())));
        showRun();
        tick.play();
    }

    private void showRun() {
        if (session == null) return;
        String state = shell.get("state." + session.stateProperty().get().name());
        var last = session.lastRun();
        String progress = classlab.ui.lesson.ProgressText.status(session.engine().progress(),
                last == null ? "" : last.experiment(), session.progressUnit(), session.endedRun(), session.isRunning(), strings, shell);
        run.setText(progress.isEmpty() ? state : state + " · " + progress);
    }

    /** On a second screen when there is one (the main window is on the projector), else beside it. */
    private void place(Window main) {
        Rectangle2D mainScreen = main == null ? Screen.getPrimary().getVisualBounds()
                : Screen.getScreensForRectangle(main.getX(), main.getY(), Math.max(1, main.getWidth()), Math.max(1, main.getHeight()))
                        .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        Rectangle2D target = mainScreen;
        for (Screen s : Screen.getScreens()) {
            if (!s.getVisualBounds().equals(mainScreen)) { target = s.getVisualBounds(); break; }
        }
        double w = Math.min(1000, target.getWidth()), h = Math.min(700, target.getHeight());
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(target.getMinX() + (target.getWidth() - w) / 2);
        stage.setY(target.getMinY() + (target.getHeight() - h) / 2);
    }
}
