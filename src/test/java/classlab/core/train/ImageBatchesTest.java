package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import classlab.core.data.Augmentation;
import classlab.core.data.ImageData;
import classlab.core.data.LabeledData;
import classlab.core.model.LayerSpec;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageBatchesTest {
    private static ImageData images(int n) {
        Random rng = new Random(3);
        byte[] px = new byte[n * 2 * 4 * 4];
        rng.nextBytes(px);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % 3;
        return new ImageData(px, labels, 2, 4, 4, new String[] {"a", "b", "c"});
    }

    @Test
    void batchesAreToTensorThenNormalizePerChannel() {
        ImageData data = images(5);
        BatchSource.Batch b = new ImageBatches(data, new double[] {0.5, 0.25}, new double[] {0.5, 2.0}, Augmentation.NONE)
                .batch(new int[] {3, 1}, null);
        assertArrayEquals(new long[] {2, 32}, b.features().shape());
        assertEquals((data.value(3, 0, 2, 1) / 255.0 - 0.5) / 0.5, b.features().getDouble(0, 2 * 4 + 1), 1e-6);
        assertEquals((data.value(1, 1, 3, 3) / 255.0 - 0.25) / 2.0, b.features().getDouble(1, 16 + 15), 1e-6);
        assertArrayEquals(new double[] {1, 0, 0}, b.labels().getRow(0).toDoubleVector(), 0.0);
        assertArrayEquals(new double[] {0, 1, 0}, b.labels().getRow(1).toDoubleVector(), 0.0);
    }

    @Test
    void anEpochOverBytesEqualsTheSameEpochOverFloats() {
        ImageData data = images(40);
        float[][] rows = new float[40][32];
        for (int i = 0; i < 40; i++) for (int j = 0; j < 32; j++) rows[i][j] = (data.pixels()[i * 32 + j] & 0xFF) / 255f;
        LabeledData floats = new LabeledData(rows, data.labels(), 3, data.classNames());
        NetSpec spec = NetSpec.sequential(LayerSpec.Shape.image(2, 4, 4), List.of(new LayerSpec.Conv2d(4, 3), new LayerSpec.ReLU(),
                new LayerSpec.GlobalAvgPool()), 3, NetSpec.Optimizer.SGD_MOMENTUM, 0.05, 1);
        Trainer a = new Trainer(NetBuilder.build(spec), RunControl.unattended(new MetricLog()), 8, 5);
        Trainer b = new Trainer(NetBuilder.build(spec), RunControl.unattended(new MetricLog()), 8, 5);
        ImageBatches bytes = new ImageBatches(data, new double[] {0, 0}, new double[] {1, 1}, Augmentation.NONE);
        Batches dense = Batches.of(floats, Batches.LabelEncoding.ONE_HOT);
        for (int e = 0; e < 2; e++) assertEquals(b.fitEpoch(dense), a.fitEpoch(bytes), 1e-6);
        assertEquals(10, a.iteration());
        assertArrayEquals(Trainer.outputs(b.net(), dense.features(), false)[7], Trainer.outputs(a.net(), bytes)[7], 1e-6);
    }

    @Test
    void augmentationIsSeededAndOnlyForTraining() {
        ImageData data = images(4);
        ImageBatches aug = new ImageBatches(data, new double[] {0, 0}, new double[] {1, 1}, Augmentation.NOTEBOOK.withErasing(0.5));
        double[] plain = aug.batch(new int[] {0, 1, 2, 3}, null).features().data().asDouble();
        double[] once = aug.batch(new int[] {0, 1, 2, 3}, new Random(9)).features().data().asDouble();
        double[] again = aug.batch(new int[] {0, 1, 2, 3}, new Random(9)).features().data().asDouble();
        assertArrayEquals(once, again, 0.0);
        assertFalse(java.util.Arrays.equals(plain, once));
        assertArrayEquals(new ImageBatches(data, new double[] {0, 0}, new double[] {1, 1}, Augmentation.NONE)
                .batch(new int[] {0, 1, 2, 3}, new Random(9)).features().data().asDouble(), plain, 0.0);
    }
}
