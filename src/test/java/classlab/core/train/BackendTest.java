package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link Backend#releaseThreadMemory}: what a training thread leaves behind when its run ends. */
class BackendTest {
    @Test
    void aTrainingThreadsWorkspacesAreDestroyedWhenItsRunEnds() throws Exception {
        AtomicReference<List<String>> before = new AtomicReference<>(), after = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // A thread of its own, as the engine trains on one: workspaces belong to the thread that made them.
        Thread run = new Thread(() -> {
            try {
                MultiLayerNetwork net = NetBuilder.build(NetSpec.mlp(4, List.of(8), NetSpec.Output.SOFTMAX_CE, 2, NetSpec.Optimizer.ADAM, 0.01, 1));
                INDArray x = Nd4j.createFromArray(new float[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
                INDArray y = Nd4j.createFromArray(new float[][] {{1, 0}, {1, 0}, {0, 1}, {0, 1}});
                net.fit(x, y);
                before.set(Nd4j.getWorkspaceManager().getAllWorkspacesIdsForCurrentThread());
                Backend.releaseThreadMemory();
                after.set(Nd4j.getWorkspaceManager().getAllWorkspacesIdsForCurrentThread());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "backend-test-run");
        run.start();
        run.join();
        if (failure.get() != null) throw new AssertionError(failure.get());
        assertFalse(before.get().isEmpty(), "DL4J's fit made no workspace on its thread: nothing was tested");
        assertEquals(List.of(), after.get());
    }
}
