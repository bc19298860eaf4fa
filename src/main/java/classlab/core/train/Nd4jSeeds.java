package classlab.core.train;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeds as ND4J takes them. ND4J 1.0.0-M2.1's random generator treats seed 0 as "no seed" and seeds
 * itself from the clock: {@code Nd4j.getRandom().setSeed(0)} twice gives two different sequences, and
 * so did a network configured with {@code .seed(0)}. The notebooks seed with 0
 * ({@code torch.manual_seed(0)}, multiclass §4A), and a student may type 0 in any seed field; with
 * it, Runs → Again trained other weights each time. Seed 0 is given to ND4J as {@link #FOR_ZERO}.
 */
public final class Nd4jSeeds {
    /** What ND4J gets for seed 0: 2^32, beyond the seed fields' int range, so no other setting shares its numbers. */
    static final long FOR_ZERO = 1L << 32;

    private Nd4jSeeds() {}

    /** The seed to give ND4J (a DL4J configuration's {@code seed}, the global generator) for {@code seed}. */
    public static long of(long seed) { return seed == 0 ? FOR_ZERO : seed; }

    /** Restarts ND4J's global generator (weight initialisation, Dropout masks) from {@code seed}. */
    public static void seedGlobal(long seed) { Nd4j.getRandom().setSeed(of(seed)); }
}
