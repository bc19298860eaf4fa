/**
 * A neural network written out with plain {@code double} arrays, as notebook 003 writes it with
 * NumPy (after "Deep Learning from Scratch", 밑바닥부터 시작하는 딥러닝): layers with forward and
 * backward ({@link classlab.core.scratch.Sigmoid}, {@link classlab.core.scratch.Relu},
 * {@link classlab.core.scratch.Affine}, {@link classlab.core.scratch.SoftmaxWithLoss},
 * {@link classlab.core.scratch.Dropout}, {@link classlab.core.scratch.BatchNorm}), a numerical
 * {@link classlab.core.scratch.GradientCheck}, six {@link classlab.core.scratch.Optimizer}s,
 * weight initialisation and a {@link classlab.core.scratch.ScratchNet} that the shared training
 * loop can train.
 *
 * <p>Layering: no ND4J, DL4J, JavaFX or UI here, only {@code java.*} and the library-free
 * {@code classlab.core.train.Trainable}; the lesson compares these layers with DL4J's elsewhere
 * ({@code classlab.core.lesson.scratch}). Arrays are {@code [rows = examples][columns = features]};
 * weights are flat row-major {@code [in, out]}. Nothing here is thread-safe: one training thread
 * owns a network.
 */
package classlab.core.scratch;
