package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Seed 0 (the notebooks' torch.manual_seed(0), multiclass §4A's default) repeats like any other seed. */
class Nd4jSeedsTest {
    @Test
    void seedZeroRestartsTheGlobalGenerator() {
        Nd4jSeeds.seedGlobal(0);
        double[] first = Nd4j.rand(1, 8).toDoubleVector();
        Nd4jSeeds.seedGlobal(0);
        assertArrayEquals(first, Nd4j.rand(1, 8).toDoubleVector());
        Nd4jSeeds.seedGlobal(1);
        assertFalse(Arrays.equals(first, Nd4j.rand(1, 8).toDoubleVector()), "seed 0 is a seed of its own, not seed 1's");
    }

    @Test
    void networksBuiltWithSeedZeroStartFromTheSameWeights() {
        NetSpec spec = NetSpec.mlp(6, List.of(5), NetSpec.Output.LOGIT_BCE, 1, NetSpec.Optimizer.ADAM, 0.01, 0);
        assertArrayEquals(NetBuilder.build(spec).params().toDoubleVector(), NetBuilder.build(spec).params().toDoubleVector());
    }
}
