package classlab.core.lesson.scratch;

import classlab.core.data.LabeledData;
import classlab.core.data.MnistData;
import classlab.core.scratch.ScratchNet;

/**
 * The notebook's split (003 In [5]): the 60,000 MNIST training images shuffled with the seed, the
 * first 10,000 for validation and the other 50,000 for training; the 10,000 test images for the
 * test. With fewer training images (for example the 8,000 of mnist-mini) the same 5 : 1 ratio is
 * kept: validation = N / 6. The training part may be cut to {@code trainSize} rows, validation
 * and test to {@code evalSize} rows each (the first of the test split).
 *
 * @param available training rows before the cut (50,000 with full MNIST)
 */
record MnistSplit(ScratchNet.Data train, ScratchNet.Data valid, ScratchNet.Data test, int available, boolean fullMnist) {
    static final int FULL_TRAIN = 60_000;
    static final int FULL_VALID = 10_000;

    static MnistSplit of(MnistData mnist, int trainSize, int evalSize, long seed) {
        LabeledData all = mnist.train();
        int n = all.size();
        boolean full = n >= FULL_TRAIN;
        int valid = full ? FULL_VALID : n / 6;
        int[] perm = all.permutation(seed);
        int[] validIdx = java.util.Arrays.copyOfRange(perm, 0, Math.min(valid, evalSize));
        int available = n - valid;
        int[] trainIdx = java.util.Arrays.copyOfRange(perm, valid, valid + Math.min(trainSize, available));
        return new MnistSplit(data(all.rows(trainIdx)), data(all.rows(validIdx)), data(mnist.test().head(evalSize)), available, full);
    }

    private static ScratchNet.Data data(LabeledData d) {
        return new ScratchNet.Data(d.features(), d.labels());
    }
}
