package classlab.ui.lesson;

import classlab.core.figure.Figure;
import classlab.core.lesson.LessonStrings;
import classlab.ui.fx.Messages;
import classlab.ui.fx.Resources;
import classlab.ui.fx.Theme;
import classlab.ui.text.MarkdownView;
import classlab.ui.widget.FigureView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The pane's tabs: the lesson's explanation, then one {@link SectionView} per section. Sections
 * that run an experiment also show the live per-mini-batch loss of the current run.
 *
 * <p>Every section is built at once (its figure views exist for exports and redraws), but a hidden
 * tab's content joins the scene only when the tab is first chosen (or an export draws every chart):
 * JavaFX styles and lays out every node in the scene, hidden tabs too, and doing that for all tabs
 * made most of a lesson switch (JFR on the FX thread: two thirds of it were the first pulse's CSS
 * and layout passes).
 */
final class SectionTabs {
    private final TabPane tabs;
    private final LessonSession session;
    private final LessonStrings strings;
    private final Messages messages;
    private final Theme theme;
    private final ObservableBooleanValue formShown;
    private final Runnable onDefaults;
    private final SectionView.TileActions actions;
    private final List<SectionView> views = new ArrayList<>();
    /** Contents of tabs that have not joined the scene yet. */
    private final java.util.Map<Tab, javafx.scene.Node> detached = new java.util.LinkedHashMap<>();

    SectionTabs(TabPane tabs, LessonSession session, LessonStrings strings, Messages messages, Theme theme,
                ObservableBooleanValue formShown, Runnable onDefaults, SectionView.TileActions actions) {
        this.tabs = tabs;
        this.session = session;
        this.strings = strings;
        this.messages = messages;
        this.theme = theme;
        this.formShown = formShown;
        this.onDefaults = onDefaults;
        this.actions = actions;
        tabs.getTabs().add(explanationTab());
        buildSections();
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> attach(tab));
    }

    /**
     * Puts every tab's content into the scene now and styles and lays it out (an export draws the
     * charts of hidden tabs too, at the size they have there).
     */
    void attachAll() {
        if (detached.isEmpty()) return;
        for (Tab t : List.copyOf(detached.keySet())) attach(t);
        tabs.applyCss();
        tabs.layout();
    }

    private void attach(Tab tab) {
        javafx.scene.Node content = tab == null ? null : detached.remove(tab);
        if (content != null) tab.setContent(content);
    }



    /** Calls {@code shown} with the section id whenever the user moves to a section's tab. */
    void onSectionShown(Consumer<String> shown) {
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            if (tab != null && tab.getUserData() instanceof String section) shown.accept(section);
        });
    }

    List<SectionView> views() { return views; }

    List<FigureView> figureViews() {
        List<FigureView> all = new ArrayList<>();
        for (SectionView s : views) all.addAll(s.views());
        return all;
    }

    /** Rebuilds the section tabs (the form shows new values), keeping the selected tab. */
    void rebuild() {
        int index = tabs.getSelectionModel().getSelectedIndex();
        views.clear();
        detached.clear();
        tabs.getTabs().remove(1, tabs.getTabs().size());
        buildSections();
        tabs.getSelectionModel().select(index);
    }

    void select(String section) {
        for (Tab t : tabs.getTabs()) {
            if (section.equals(t.getUserData())) tabs.getSelectionModel().select(t);
        }
    }

    /** The section on screen, or null on the explanation tab. */
    SectionView visible() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        for (SectionView s : views) if (s.tab() == tab) return s;
        return null;
    }

    /** Height of the visible section hidden below its viewport (0 when everything shows). */
    double hiddenHeight() {
        SectionView s = visible();
        if (s == null || s.scroll().getContent() == null) return 0;
        return Math.max(0, s.scroll().getContent().getBoundsInLocal().getHeight() - s.scroll().getViewportBounds().getHeight());
    }

    private Tab explanationTab() {
        String md = Resources.text("/lessons/" + session.entry().id() + "/text." + strings.language() + ".md");
        MarkdownView view = new MarkdownView(md, theme.fontSize(), theme.textColour());
        view.setPadding(new Insets(12, 18, 24, 18));
        view.setMaxWidth(theme.fontSize() * 64);
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        Tab tab = new Tab(messages.get("tab.explanation"), scroll);
        tab.setId("tab-explanation");
        return tab;
    }

    private void buildSections() {
        for (String section : session.model().sections()) {
            List<Figure> figures = new ArrayList<>(session.model().figures(section));
            if (session.model().experiments().stream().anyMatch(e -> e.section().equals(section))
                    && session.model().showsIterationLoss(section)) {
                figures.add(session.iterationLoss());
            }
            SectionView view = new SectionView(section, session, figures, strings, messages, theme, formShown, onDefaults, actions);
            views.add(view);
            detached.put(view.tab(), view.tab().getContent());
            view.tab().setContent(null);
            tabs.getTabs().add(view.tab());
        }
        attach(tabs.getSelectionModel().getSelectedItem());
    }
}
