/**
 * Training: the engine that runs one job at a time, the loop every lesson shares, losses and
 * schedules.
 *
 * <h2>Threading contract</h2>
 * <ul>
 *   <li>{@link classlab.core.train.TrainingEngine} runs each job on its own daemon thread, the
 *       <em>training thread</em>. Models, {@link classlab.core.train.TrainLoop}s and
 *       {@link classlab.core.train.Trainer}s are touched only there; they are not thread-safe.</li>
 *   <li>Jobs call {@link classlab.core.train.RunControl#checkpoint()} between iterations (the loop
 *       does so before every mini-batch). Pause, step and stop take effect only there, so no
 *       model is interrupted in the middle of an update.</li>
 *   <li>The engine's run state has one writer (a method under the engine's lock) and listeners are
 *       called in order on the thread that caused the change; the UI hands the change over to its
 *       own thread and never blocks in a listener.</li>
 *   <li>Figures ({@code classlab.core.figure}) are written on the training thread and read by
 *       polling their version; arrays handed to a figure are not mutated afterwards.</li>
 *   <li>The thread-exit clean-up (ND4J workspaces for DL4J jobs) is injected into the engine, so
 *       the engine itself does not load ND4J.</li>
 * </ul>
 *
 * <h2>Layering</h2>
 * This package belongs to {@code classlab.core}: it never imports JavaFX, {@code classlab.ui} or
 * {@code classlab.cli}. {@link classlab.core.train.Trainable} and
 * {@link classlab.core.train.TrainLoop} are library-free; {@link classlab.core.train.Dl4jTrainable}
 * and {@link classlab.core.train.Trainer} adapt DL4J to them.
 */
package classlab.core.train;
