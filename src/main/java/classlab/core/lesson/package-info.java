/**
 * Lessons as UI-free models: {@link classlab.core.lesson.LessonModel} (parameters, experiments,
 * figures per section), the catalogue that lists them, their parameters and values, and one
 * sub-package per lesson. The app's generic pane, the command line ({@code run}, {@code snapshot})
 * and the tests all drive the same model; no lesson has UI code of its own.
 *
 * <h2>Threading contract</h2>
 * <ul>
 *   <li>{@link classlab.core.lesson.LessonModel#run} runs on the training thread (one run at a time
 *       per model) and fills the model's figures there; the UI reads them only by polling their
 *       version ({@code classlab.core.figure}).</li>
 *   <li>{@link classlab.core.lesson.LessonModel#updateDemos} and
 *       {@link classlab.core.lesson.LessonModel#select} run on one worker thread of the pane, never
 *       on the FX thread, and never at the same time as each other.</li>
 *   <li>Arrays and lists handed to a figure are not mutated afterwards.</li>
 * </ul>
 *
 * <h2>Texts and errors</h2>
 * Every text a lesson shows is a message key of {@code lessons/<id>/strings_<lang>.properties}
 * or of the common bundle, or a deferred message ({@code key|arg|...},
 * {@link classlab.core.lesson.LessonStrings#message}). A setting that does not fit the data or the
 * model is a {@link classlab.core.UserException} naming the parameter; the pane shows it in the
 * user's language and the command line exits with 2.
 *
 * <h2>Layering</h2>
 * Part of {@code classlab.core}: never imports JavaFX, {@code classlab.ui} or {@code classlab.cli}
 * (checked by {@code ArchitectureTest}).
 */
package classlab.core.lesson;
