package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loop hands each epoch's shuffled copy back to the model to free ({@link Trainable#release}),
 * also when the epoch ends early, and never the caller's own data.
 */
class TrainLoopReleaseTest {
    /** Rows are plain int arrays; records what it was asked to release. */
    private static final class Recording implements Trainable<int[]> {
        final List<int[]> reordered = new ArrayList<>();
        final List<int[]> released = new ArrayList<>();

        @Override public int rows(int[] data) { return data.length; }

        @Override public int[] reorder(int[] data, int[] order) {
            int[] copy = new int[order.length];
            for (int i = 0; i < order.length; i++) copy[i] = data[order[i]];
            reordered.add(copy);
            return copy;
        }

        @Override public double fitBatch(int[] data, int start, int end) { return 1.0; }

        @Override public void setLearningRate(double lr) {}

        @Override public void release(int[] data) { released.add(data); }
    }

    private static final int[] ROWS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void eachEpochsShuffledCopyIsReleasedOnce() {
        Recording model = new Recording();
        TrainLoop<int[]> loop = new TrainLoop<>(model, RunControl.unattended(new MetricLog()), 4, 1);
        loop.fitEpoch(ROWS);
        loop.fitEpoch(ROWS);
        assertEquals(2, model.released.size());
        assertSame(model.reordered.get(0), model.released.get(0));
        assertSame(model.reordered.get(1), model.released.get(1));
    }

    @Test
    void fullBatchTrainsOnTheCallersDataAndReleasesNothing() {
        Recording model = new Recording();
        new TrainLoop<>(model, RunControl.unattended(new MetricLog()), 0, 1).fitEpoch(ROWS);
        assertEquals(0, model.released.size());
    }

    @Test
    void aStoppedEpochStillReleasesItsCopy() {
        Recording model = new Recording();
        RunControl stopAtSecondBatch = new RunControl() {
            int checkpoints;

            @Override public void checkpoint() { if (++checkpoints == 2) throw new StopRequestedException(); }

            @Override public boolean stopRequested() { return checkpoints >= 2; }

            @Override public void log(String experiment, int epoch, String metric, double value) {}
        };
        TrainLoop<int[]> loop = new TrainLoop<>(model, stopAtSecondBatch, 4, 1);
        assertThrows(StopRequestedException.class, () -> loop.fitEpoch(ROWS));
        assertEquals(List.of(model.reordered.get(0)), model.released);
    }
}
