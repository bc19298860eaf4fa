package classlab.core.probe;

import classlab.core.model.NetBuilder;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Dropout masks as DL4J draws them, for pictures that show exactly what trains.
 *
 * <ul>
 *   <li>{@link #mask} draws a standalone mask with DL4J's own
 *       {@link Dropout#applyDropout} (dl4j-javafx-notes §5): 1 = unit kept, 0 = dropped.</li>
 *   <li>{@link #passes} runs a vector through a one-layer network holding a real
 *       {@link DropoutLayer}, in training and in inference mode (the notebook's "vector of 2.0s" demo).</li>
 *   <li>{@link #liveMask} reads the mask of a {@code DropoutLayer} inside a network that is being
 *       trained. DL4J clears a layer's mask after each pass (notes §5), so the probe feeds the layer
 *       its real training-mode input and compares the layer's output with it: an entry is dropped
 *       where the output is 0 but the input was not.</li>
 * </ul>
 *
 * All probabilities here are the notebooks' (PyTorch's) DROP probability {@code p}; the conversion to
 * DL4J's retain probability is {@link NetBuilder#retainProbability}. Randomness comes from ND4J's
 * global generator: seed it with {@link classlab.core.train.Nd4jSeeds#seedGlobal} for repeatable pictures.
 * Call on the training thread (or any thread when no network is training).
 */
public final class DropoutMaskProbe {
    private DropoutMaskProbe() {}

    /** One live mask: which units of the probe rows the layer kept, and the share kept among decidable units. */
    public record LiveMask(double[][] kept, double[][] input, double[][] output, double keptShare) {
        /**
         * Share kept among the decidable units of probe row {@code row} alone (cells that are NaN in
         * {@link #kept()}, input already 0, are left out), in [0, 1]; NaN when the row has none.
         *
         * @throws ArrayIndexOutOfBoundsException when {@code row} is not in 0..kept().length-1
         */
        public double keptShare(int row) {
            int decided = 0, keptCount = 0;
            for (double v : kept[row]) {
                if (Double.isNaN(v)) continue;
                decided++;
                if (v != 0) keptCount++;
            }
            return decided == 0 ? Double.NaN : (double) keptCount / decided;
        }
    }

    /**
     * A {@code rows × cols} mask drawn by DL4J's {@link Dropout} in training mode.
     *
     * @param dropP probability to DROP a unit, in [0, 1)
     * @return 1.0 where the unit is kept, 0.0 where it is dropped
     */
    public static double[][] mask(double dropP, int rows, int cols) {
        checkP(dropP);
        if (rows <= 0 || cols <= 0) throw new IllegalArgumentException("mask size must be positive, got " + rows + "×" + cols);
        if (dropP == 0) return filled(rows, cols, 1.0); // DL4J treats retain probability 1 as "keep all"; nothing is drawn
        Dropout dropout = new Dropout(NetBuilder.retainProbability(dropP));
        INDArray ones = Nd4j.ones(DataType.FLOAT, rows, cols);
        INDArray out = dropout.applyDropout(ones, Nd4j.create(DataType.FLOAT, rows, cols), 0, 0, LayerWorkspaceMgr.noWorkspaces());
        double[][] scaled = out.toDoubleMatrix();
        for (double[] row : scaled) for (int c = 0; c < row.length; c++) row[c] = row[c] > 0 ? 1.0 : 0.0;
        return scaled;
    }

    /** Share of ones in a 0/1 mask. */
    public static double activeShare(double[][] mask) {
        double sum = 0;
        int n = 0;
        for (double[] row : mask) {
            for (double v : row) { sum += v; n++; }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Runs {@code input} through a network made of one DL4J {@link DropoutLayer}: {@code trainPasses}
     * times in training mode (each a new mask), then once in inference mode.
     *
     * @return {@code trainPasses + 1} output vectors; the last is the inference pass
     */
    public static double[][] passes(double dropP, double[] input, int trainPasses) {
        checkP(dropP);
        if (input.length == 0) throw new IllegalArgumentException("input vector is empty");
        if (trainPasses < 0) throw new IllegalArgumentException("trainPasses must be >= 0, got " + trainPasses);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .list()
                .layer(new DropoutLayer.Builder(NetBuilder.retainProbability(dropP)).build())
                .setInputType(InputType.feedForward(input.length))
                .build());
        net.init();
        INDArray x = Nd4j.create(input, new long[] {1, input.length}, DataType.FLOAT);
        double[][] out = new double[trainPasses + 1][];
        for (int i = 0; i < trainPasses; i++) out[i] = net.output(x.dup(), true).toDoubleVector();
        out[trainPasses] = net.output(x.dup(), false).toDoubleVector();
        return out;
    }

    /**
     * The mask a network's {@link DropoutLayer} applies in training mode to the probe rows.
     * The layer's input is computed in training mode (as during {@code fit}); entries whose input is
     * exactly 0 (for example after ReLU) cannot show whether they were dropped: they are reported as
     * kept = NaN and left out of {@code keptShare}.
     *
     * @param dropoutLayer index of a {@code DropoutLayer} in {@code net} (see {@link NetBuilder#hiddenBlocks}); at least 1
     * @param probe        probe rows, {@code [n, inputs]}
     */
    public static LiveMask liveMask(MultiLayerNetwork net, int dropoutLayer, INDArray probe) {
        if (dropoutLayer < 1 || dropoutLayer >= net.getnLayers()) {
            throw new IllegalArgumentException("dropout layer index " + dropoutLayer + " is outside 1.." + (net.getnLayers() - 1));
        }
        Layer layer = net.getLayer(dropoutLayer);
        if (!(layer instanceof org.deeplearning4j.nn.layers.DropoutLayer)) {
            throw new IllegalArgumentException("layer " + dropoutLayer + " is a " + layer.getClass().getSimpleName() + ", not a DropoutLayer");
        }
        // Last entry of feedForwardToLayer is never overwritten in place (notes §4); dup() leaves the workspace.
        INDArray in = net.feedForwardToLayer(dropoutLayer - 1, probe, true).get(dropoutLayer).dup();
        // DL4J applies dropout in place on the layer's input, so hand it a copy.
        INDArray out = layer.activate(in.dup(), true, LayerWorkspaceMgr.noWorkspaces()).dup();
        double[][] input = in.toDoubleMatrix();
        double[][] output = out.toDoubleMatrix();
        double[][] kept = new double[input.length][];
        long decided = 0, keptCount = 0;
        for (int r = 0; r < input.length; r++) {
            kept[r] = new double[input[r].length];
            for (int c = 0; c < input[r].length; c++) {
                if (input[r][c] == 0) {
                    kept[r][c] = Double.NaN;
                } else {
                    kept[r][c] = output[r][c] != 0 ? 1.0 : 0.0;
                    decided++;
                    keptCount += (long) kept[r][c];
                }
            }
        }
        return new LiveMask(kept, input, output, decided == 0 ? Double.NaN : (double) keptCount / decided);
    }

    /**
     * Lays a vector of {@code n} units out as a near-square grid (rows ≤ columns, rows × columns = n),
     * for drawing one example's layer as a picture: 256 → 16×16, 128 → 8×16, 64 → 8×8.
     */
    public static double[][] asGrid(double[] units) {
        int n = units.length;
        int rows = (int) Math.floor(Math.sqrt(n));
        while (rows > 1 && n % rows != 0) rows--;
        int cols = n / rows;
        double[][] grid = new double[rows][cols];
        for (int i = 0; i < n; i++) grid[i / cols][i % cols] = units[i];
        return grid;
    }

    private static double[][] filled(int rows, int cols, double v) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) java.util.Arrays.fill(row, v);
        return m;
    }

    private static void checkP(double dropP) {
        if (!(dropP >= 0 && dropP < 1)) throw new IllegalArgumentException("dropout p must be in [0, 1), got " + dropP);
    }
}
