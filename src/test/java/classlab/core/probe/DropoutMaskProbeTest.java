package classlab.core.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DropoutMaskProbeTest {
    @Test
    void maskShareIsCloseToOneMinusP() {
        Nd4j.getRandom().setSeed(42);
        for (double p : new double[] {0.2, 0.5, 0.8}) {
            double[][] m = DropoutMaskProbe.mask(p, 20, 20);
            for (double[] row : m) for (double v : row) assertTrue(v == 0 || v == 1, "mask value " + v);
            // 400 Bernoulli(1-p) cells: standard deviation of the share is sqrt(p(1-p)/400) <= 0.025; allow 4 sd.
            assertEquals(1 - p, DropoutMaskProbe.activeShare(m), 0.1, "active share for p=" + p);
        }
        assertEquals(1.0, DropoutMaskProbe.activeShare(DropoutMaskProbe.mask(0.0, 20, 20)));
    }

    @Test
    void keptShareOfOneRowCountsOnlyThatRowsDecidableUnits() {
        double n = Double.NaN;
        DropoutMaskProbe.LiveMask live = new DropoutMaskProbe.LiveMask(
                new double[][] {{1, 0, n, 1}, {0, 0, 1, n}, {n, n, n, n}}, null, null, 0.5);
        assertEquals(2.0 / 3, live.keptShare(0), 1e-12);
        assertEquals(1.0 / 3, live.keptShare(1), 1e-12);
        assertTrue(Double.isNaN(live.keptShare(2)));
    }

    @Test
    void demoPassesScaleTrainingAndLeaveInferenceAlone() {
        Nd4j.getRandom().setSeed(0);
        double p = 0.5;
        double[] twos = new double[10];
        java.util.Arrays.fill(twos, 2.0);
        double[][] out = DropoutMaskProbe.passes(p, twos, 5);
        assertEquals(6, out.length);
        double scaled = 2.0 / (1 - p);
        boolean anyDropped = false;
        for (int i = 0; i < 5; i++) {
            double sum = 0;
            for (double v : out[i]) {
                assertTrue(v == 0 || Math.abs(v - scaled) < 1e-6, "training-mode entry " + v);
                anyDropped |= v == 0;
                sum += v;
            }
            long kept = java.util.Arrays.stream(out[i]).filter(v -> v != 0).count();
            assertEquals(kept * scaled, sum, 1e-5);
        }
        assertTrue(anyDropped, "five passes at p=0.5 over 10 units dropped nothing");
        assertArrayEquals(twos, out[5], 0.0, "inference pass must return the input exactly");
    }

    @Test
    void liveMaskOfANetworkDropoutLayer() {
        NetSpec spec = NetSpec.mlp(20, List.of(64), NetSpec.Output.SOFTMAX_CE, 3, NetSpec.Optimizer.ADAM, 1e-3, 1).withDropout(0.3);
        MultiLayerNetwork net = NetBuilder.build(spec);
        int dropIndex = NetBuilder.hiddenBlocks(spec).get(0).dropout();
        Nd4j.getRandom().setSeed(3);
        INDArray probe = Nd4j.rand(DataType.FLOAT, 50, 20);
        DropoutMaskProbe.LiveMask live = DropoutMaskProbe.liveMask(net, dropIndex, probe);
        assertEquals(50, live.kept().length);
        assertEquals(64, live.kept()[0].length);
        long decided = 0;
        for (int r = 0; r < 50; r++) {
            for (int c = 0; c < 64; c++) {
                double in = live.input()[r][c], out = live.output()[r][c], k = live.kept()[r][c];
                if (in == 0) {
                    assertTrue(Double.isNaN(k));
                    continue;
                }
                decided++;
                assertEquals(k == 1 ? in / 0.7 : 0.0, out, 1e-5);
            }
        }
        // Binomial share over the decided units (>= ~1,000 of 3,200 after ReLU): 4 standard deviations.
        assertTrue(decided > 800, "too few non-zero inputs: " + decided);
        assertEquals(0.7, live.keptShare(), 4 * Math.sqrt(0.21 / decided));
        assertThrows(IllegalArgumentException.class, () -> DropoutMaskProbe.liveMask(net, 0, probe));
    }

    @Test
    void gridLayoutAndBadInput() {
        assertEquals(16, DropoutMaskProbe.asGrid(new double[256]).length);
        assertEquals(8, DropoutMaskProbe.asGrid(new double[128]).length);
        assertEquals(16, DropoutMaskProbe.asGrid(new double[128])[0].length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DropoutMaskProbe.mask(1.0, 2, 2));
        assertTrue(e.getMessage().contains("dropout p"));
    }
}
