package classlab.core.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EarlyStoppingTest {

    /** The notebook's class, transcribed line by line, as an independent oracle. */
    private static final class NotebookEarlyStopping {
        final int patience;
        final double minDelta;
        int counter;
        double bestLoss = Double.POSITIVE_INFINITY;

        NotebookEarlyStopping(int patience, double minDelta) {
            this.patience = patience;
            this.minDelta = minDelta;
        }

        boolean step(double valLoss) {
            if (valLoss < bestLoss - minDelta) {
                bestLoss = valLoss;
                counter = 0;
                return false;
            }
            counter += 1;
            return counter >= patience;
        }
    }

    @Test
    void matchesNotebookOnAPlateauingCurve() {
        // falls, then wobbles within +-2e-4 of its minimum (below min_delta on some epochs)
        double[] losses = {1.0, 0.8, 0.65, 0.6, 0.59995, 0.6003, 0.58, 0.57995, 0.5801, 0.57992, 0.5802, 0.581, 0.59};
        NotebookEarlyStopping oracle = new NotebookEarlyStopping(4, 1e-4);
        EarlyStopping es = new EarlyStopping(4, 1e-4);
        int oracleStop = -1;
        for (int epoch = 1; epoch <= losses.length; epoch++) {
            boolean stop = es.update(epoch, losses[epoch - 1]);
            assertEquals(oracle.step(losses[epoch - 1]), stop, "epoch " + epoch);
            assertEquals(oracle.bestLoss, es.bestValue(), "best after epoch " + epoch);
            if (stop) {
                oracleStop = epoch;
                break;
            }
        }
        // 0.58 at epoch 7 is the last improvement (0.57995 and 0.57992 are within min_delta); 4 bad epochs -> stop at 11
        assertEquals(11, oracleStop);
        assertEquals(11, es.stoppedEpoch());
        assertEquals(7, es.bestEpoch());
        assertEquals(0.58, es.bestValue());
        assertTrue(es.isStopped());
        assertTrue(es.update(12, 0.1), "stays stopped");
        assertEquals(0.58, es.bestValue());
    }

    @Test
    void improvementIsStrictlyMoreThanMinDelta() {
        EarlyStopping es = new EarlyStopping(3, 0.1);
        assertTrue(es.isImprovement(5.0));        // anything beats +infinity
        es.update(0, 1.0);
        assertFalse(es.isImprovement(0.9));       // exactly best - minDelta is not enough
        assertTrue(es.isImprovement(0.89));
        assertFalse(es.isImprovement(Double.NaN));
        assertEquals(-1, es.stoppedEpoch());
    }

    @Test
    void modeMaxAndReset() {
        EarlyStopping es = new EarlyStopping(2, 0.0, EarlyStopping.Mode.MAX);
        assertFalse(es.update(0, 0.5));
        assertFalse(es.update(1, 0.7));
        assertFalse(es.update(2, 0.7));
        assertTrue(es.update(3, 0.6));
        assertEquals(1, es.bestEpoch());
        assertEquals(3, es.stoppedEpoch());
        es.reset();
        assertEquals(-1, es.stoppedEpoch());
        assertEquals(-1, es.bestEpoch());
        assertFalse(es.isStopped());
        assertEquals(Double.NEGATIVE_INFINITY, es.bestValue());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0, 1e-4));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(5, -1));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(5, Double.NaN));
    }
}
