package classlab.ui.classroom;

import classlab.core.classroom.Question;
import classlab.core.classroom.QuestionBoard;
import classlab.core.lesson.LessonStrings;
import classlab.ui.fx.Messages;
import java.text.NumberFormat;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One predict-then-reveal question: the options (or a number field) to predict before Run, then
 * the prediction against the run's outcome, and the notebook's answer once revealed. The
 * projector's card shows the answer only when revealed; the presenter's card always does
 * ({@code presenter = true}) and holds the reveal switch.
 */
final class QuestionCard extends VBox {
    private final Question q;
    private final QuestionBoard board;
    private final Messages text;
    private final LessonStrings strings;
    private final boolean presenter;
    private final ToggleGroup choice = new ToggleGroup();
    private final TextField number = new TextField();
    private final Button predictNumber = new Button();
    private final Label status = new Label();
    private final Label answer = new Label();
    private final ToggleButton reveal = new ToggleButton();
    private final Button again = new Button();
    private boolean updating;

    QuestionCard(Question q, QuestionBoard board, Messages text, LessonStrings strings, boolean presenter) {
        super(6);
        this.q = q;
        this.board = board;
        this.text = text;
        this.strings = strings;
        this.presenter = presenter;
        getStyleClass().add("question-card");
        setId((presenter ? "presenter-question-" : "question-") + q.id());
        setStyle("-fx-border-color: -fx-box-border; -fx-border-radius: 6; -fx-background-radius: 6; -fx-padding: 10;");
        Label experiment = new Label(text.format("questions.experiment", strings.apply("experiment." + q.experiment())));
        experiment.setWrapText(true);
        experiment.setOpacity(0.75);
        Label question = new Label(q.text(strings.language()));
        question.setWrapText(true);
        question.setStyle("-fx-font-weight: bold;");
        getChildren().addAll(experiment, question);
        if (q.isChoice()) {
            FlowPane options = new FlowPane(10, 4);
            for (int i = 0; i < q.options().size(); i++) {
                RadioButton option = new RadioButton(optionLabel(i));
                option.setMnemonicParsing(false);
                option.setUserData(i);
                option.setToggleGroup(choice);
                option.setId(getId() + "-option-" + i);
                options.getChildren().add(option);
            }
            choice.selectedToggleProperty().addListener((o, a, t) -> {
                if (!updating && t != null) board.predict(q.id(), (Integer) t.getUserData());
            });
            getChildren().add(options);
        } else {
            number.setPromptText(fmt(q.number().min()) + " – " + fmt(q.number().max()));
            number.setPrefColumnCount(8);
            number.setId(getId() + "-number");
            predictNumber.setText(text.get("questions.predict"));
            predictNumber.setId(getId() + "-predict");
            predictNumber.setOnAction(e -> predictNumber());
            number.setOnAction(e -> predictNumber());
            getChildren().add(new HBox(6, number, predictNumber));
        }
        status.setWrapText(true);
        status.setId(getId() + "-status");
        answer.setWrapText(true);
        answer.setId(getId() + "-answer");
        answer.setText(text.format("questions.answer", q.answer(strings.language())));
        reveal.setText(text.get("questions.reveal"));
        reveal.setId(getId() + "-reveal");
        reveal.selectedProperty().addListener((o, a, on) -> {
            if (!updating) board.reveal(q.id(), on);
        });
        again.setText(text.get("questions.again"));
        again.setId(getId() + "-again");
        again.setOnAction(e -> board.again(q.id()));
        getChildren().addAll(status, answer, new HBox(6, reveal, again));
        update();
    }

    private String optionLabel(int i) {
        Question.Option o = q.options().get(i);
        if (o.labelKey() != null) return strings.apply(o.labelKey());
        String s = o.label().get(strings.language());
        return s != null ? s : o.label().getOrDefault("en", "");
    }

    private void predictNumber() {
        Double v = q.parseNumber(number.getText());
        if (v == null) {
            status.setText(text.format("questions.range", fmt(q.number().min()), fmt(q.number().max())));
            return;
        }
        board.predict(q.id(), v);
    }

    /** Shows the board's state of this question (FX thread). */
    void update() {
        updating = true;
        QuestionBoard.State s = board.state(q.id());
        boolean answered = s.outcome() != null;
        // a result shown without a prediction takes one for the next run (QuestionBoard#predict)
        boolean locked = answered && s.prediction() != null;
        if (q.isChoice()) {
            choice.selectToggle(null);
            for (var t : choice.getToggles()) {
                if (s.prediction() != null && (Integer) t.getUserData() == s.prediction().intValue()) choice.selectToggle(t);
                ((RadioButton) t).setDisable(locked);
            }
        } else {
            if (s.prediction() != null) number.setText(fmt(s.prediction()));
            else if (!number.isFocused()) number.clear();
            number.setDisable(locked);
            predictNumber.setDisable(locked);
        }
        status.setText(statusText(s));
        // Mid-tone green and red read on the light, dark and projector themes alike.
        boolean judged = answered && s.prediction() != null && s.outcome().available();
        status.setStyle(judged ? (s.right(q) ? "-fx-text-fill: #2da44e;" : "-fx-text-fill: #e5534b;") + " -fx-font-weight: bold;" : "");
        boolean showAnswer = presenter || s.revealed();
        answer.setVisible(showAnswer);
        answer.setManaged(showAnswer);
        reveal.setSelected(s.revealed());
        reveal.setText(text.get(s.revealed() ? "questions.hide" : "questions.reveal"));
        again.setDisable(s.prediction() == null && !answered);
        updating = false;
    }

    private String statusText(QuestionBoard.State s) {
        String predicted = s.prediction() == null ? null : valueText(s.prediction(), true);
        if (s.outcome() == null) {
            return predicted == null ? text.get("questions.predict_first") : text.format("questions.predicted", predicted);
        }
        if (!s.outcome().available()) return text.get("questions.unavailable");
        String outcome = q.isChoice() ? optionLabel(s.outcome().option()) + " (" + fmt(s.outcome().value()) + ")"
                : fmt(s.outcome().value());
        String run = LessonStrings.resolve(strings, s.run());
        if (predicted == null) return text.format("questions.outcome_only", outcome, run);
        return text.format(s.right(q) ? "questions.right" : "questions.wrong", predicted, outcome, run);
    }

    private String valueText(double v, boolean prediction) {
        return q.isChoice() && prediction ? optionLabel((int) v) : fmt(v);
    }

    /** Up to four decimals, no grouping: 0.9735, 12, 0.05. */
    static String fmt(double v) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.ROOT);
        f.setGroupingUsed(false);
        f.setMaximumFractionDigits(Math.abs(v) < 1e-3 && v != 0 ? 8 : 4);
        return f.format(v);
    }
}
