package classlab.core.lesson.cifar;

import classlab.core.model.LayerSpec;
import classlab.core.model.LayerSpec.BatchNorm;
import classlab.core.model.LayerSpec.Conv2d;
import classlab.core.model.LayerSpec.Dropout;
import classlab.core.model.LayerSpec.GlobalAvgPool;
import classlab.core.model.LayerSpec.Linear;
import classlab.core.model.LayerSpec.MaxPool2d;
import classlab.core.model.LayerSpec.ReLU;
import classlab.core.model.NetSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Notebook 002's networks as data, for any image shape (CIFAR-10 {@code [3, 32, 32]}, or MNIST
 * {@code [1, 28, 28]} offline). On CIFAR-10: MLP 789,258 parameters, CNN_V1 94,538, CNN_V2 141,354
 * ({@code count_params} in the notebook).
 */
public final class CifarNets {
    /** Which network of the notebook. */
    public enum Kind { MLP, CNN_V1, CNN_V2 }

    private CifarNets() {}

    /** §2 {@code MLP}: Flatten → Linear(C·H·W, 256) → ReLU → Dropout(0.3) → Linear(256, classes). */
    public static List<LayerSpec> mlp() {
        return List.of(new Linear(256), new ReLU(), new Dropout(0.3));
    }

    /** §2 {@code CNN_V1}: three conv blocks (32, 64, 128; 3×3, padding 1), global average pool, Dropout(0.3). */
    public static List<LayerSpec> cnnV1() {
        return cnnV1(32);
    }

    /**
     * CNN_V1 with {@code width} filters in the first block and twice as many in each next one (32 = the
     * notebook's); narrower nets answer §2's question "with the same number of parameters?".
     */
    public static List<LayerSpec> cnnV1(int width) {
        return List.of(new Conv2d(width, 3), new ReLU(), new MaxPool2d(2),
                new Conv2d(2 * width, 3), new ReLU(), new MaxPool2d(2),
                new Conv2d(4 * width, 3), new ReLU(),
                new GlobalAvgPool(), new Dropout(0.3));
    }

    /** §5 {@code CNN_V2}: Conv-BN-ReLU pairs (32, 32 | 64, 64 | 128) with MaxPool and Dropout 0.2 / 0.3 / 0.4. */
    public static List<LayerSpec> cnnV2() {
        return List.of(new Conv2d(32, 3), new BatchNorm(), new ReLU(), new Conv2d(32, 3), new BatchNorm(), new ReLU(),
                new MaxPool2d(2), new Dropout(0.2),
                new Conv2d(64, 3), new BatchNorm(), new ReLU(), new Conv2d(64, 3), new BatchNorm(), new ReLU(),
                new MaxPool2d(2), new Dropout(0.3),
                new Conv2d(128, 3), new BatchNorm(), new ReLU(),
                new GlobalAvgPool(), new Dropout(0.4));
    }

    /**
     * §6 challenge: CNN_V2 with {@code extraBlocks} more Conv-BN-ReLU(128) layers before the global pool
     * ("레이어 수 늘리기").
     */
    public static List<LayerSpec> cnnV2Deeper(int extraBlocks) {
        if (extraBlocks < 0) throw new IllegalArgumentException("extra conv blocks must be 0 or more, got " + extraBlocks);
        List<LayerSpec> layers = new ArrayList<>(cnnV2());
        int beforePool = layers.size() - 2;
        for (int i = 0; i < extraBlocks; i++) {
            layers.addAll(beforePool, List.of(new Conv2d(128, 3), new BatchNorm(), new ReLU()));
        }
        return layers;
    }

    public static List<LayerSpec> layers(Kind kind) {
        switch (kind) {
            case MLP: return mlp();
            case CNN_V1: return cnnV1();
            default: return cnnV2();
        }
    }

    /** The network {@code kind} for images of {@code shape} and {@code classes} outputs. */
    public static NetSpec spec(Kind kind, LayerSpec.Shape shape, int classes, NetSpec.Optimizer optimizer, double lr, long seed) {
        return NetSpec.sequential(shape, layers(kind), classes, optimizer, lr, seed);
    }
}
