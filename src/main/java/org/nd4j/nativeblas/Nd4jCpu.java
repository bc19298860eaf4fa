package org.nd4j.nativeblas;

/**
 * Compatibility shim for a packaging slip in DL4J 1.0.0-M2.1: {@code BaseMKLDNNHelper.mklDnnEnabled()}
 * (deeplearning4j-nn) looks up {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by reflection and
 * calls {@code isUseMKLDNN()}, but nd4j-native M2.1 ships that class as
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} with {@code isUseONEDNN()}.
 * Without this class the lookup throws and the oneDNN helpers for convolution, pooling and
 * BatchNormalization are always rejected, so a oneDNN build of libnd4j runs DL4J's built-in path
 * (notebook 002's CNN_V1: 0.28 of PyTorch's throughput instead of 0.95, field notes, addendum).
 * Only DL4J calls it; it answers what the loaded native library says.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {}

    /** The part of libnd4j's environment that DL4J's helper check reads. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();
        /**
         * Whether the loaded libnd4j has oneDNN, read once: ClassLab switches libnd4j's own use of
         * oneDNN off for networks without convolutions (classlab.core.train.Backend), and DL4J must
         * keep its helpers for the ones with.
         */
        private static final boolean BUILT_WITH_ONEDNN =
                org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();

        private Environment() {}

        /** Called reflectively by {@code BaseMKLDNNHelper}. */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether the loaded libnd4j was built with oneDNN (its {@code isUseONEDNN()} before any switch). */
        public boolean isUseMKLDNN() {
            return BUILT_WITH_ONEDNN;
        }
    }
}
