package classlab.core.lesson.cifar;

import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Notebook 002 §3, read from a trained DL4J network whose layer 0 is the first convolution: its filters
 * ({@code cnn.features[0].weight}, {@code [out, in, k, k]}) and the maps it produces for one image
 * ({@code cnn.features[0](x)}: the convolution's output before ReLU).
 */
final class CnnInside {
    private CnnInside() {}

    /** Filters of layer 0 as {@code [out][in·k·k]} (channel-major, row-major), copied. */
    static float[][] filters(MultiLayerNetwork net) {
        INDArray w = net.getLayer(0).getParam("W");
        return split(w, (int) w.size(0));
    }

    /** A copy of {@code a} (C order) cut into {@code parts} equal rows. */
    private static float[][] split(INDArray a, int parts) {
        float[] flat = a.dup('c').data().asFloat();
        int per = flat.length / parts;
        float[][] out = new float[parts][per];
        for (int p = 0; p < parts; p++) System.arraycopy(flat, p * per, out[p], 0, per);
        return out;
    }

    /** The channel mean of each filter ({@code filt.mean(0)}), {@code [out][k·k]}. */
    static float[][] channelMeans(float[][] filters, int channels) {
        int plane = filters[0].length / channels;
        float[][] m = new float[filters.length][plane];
        for (int o = 0; o < filters.length; o++) {
            for (int c = 0; c < channels; c++) for (int i = 0; i < plane; i++) m[o][i] += filters[o][c * plane + i] / channels;
        }
        return m;
    }

    /**
     * Layer 0's output for one image given as a flat, normalised row {@code [1, C·H·W]}: {@code [maps][H·W]}.
     * Uses {@code feedForwardToLayer}'s last entry, duplicated (the notes' aliasing pitfall §4).
     */
    static float[][] featureMaps(MultiLayerNetwork net, INDArray image) {
        List<INDArray> acts = net.feedForwardToLayer(0, image, false);
        INDArray fm = acts.get(acts.size() - 1);
        ConvolutionLayer conv = (ConvolutionLayer) net.getLayer(0).conf().getLayer();
        if (conv.getCnn2dDataFormat() == CNN2DFormat.NHWC) fm = fm.permute(0, 3, 1, 2);
        return split(fm, (int) fm.size(1));
    }
}
