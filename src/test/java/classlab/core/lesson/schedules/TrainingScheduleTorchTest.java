package classlab.core.lesson.schedules;

import static classlab.core.metrics.ReferenceJson.assertRelClose;
import static classlab.core.metrics.ReferenceJson.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import classlab.core.data.LabeledData;
import classlab.core.lesson.ParamValues;
import classlab.core.lesson.TestEnvironments;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import classlab.core.train.Batches;
import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import classlab.core.train.Trainer;
import classlab.core.train.schedule.LrSchedule;
import classlab.core.train.schedule.ScheduleSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rate the lesson's training runs actually apply to the DL4J network in every epoch equals the rate
 * torch.optim uses in that epoch ({@code optimizer.param_groups[0]['lr']} read during the epoch, the
 * scheduler stepped at its end). Reference: {@code schedules/torch_lr_table.json}, written by
 * {@code /usr/bin/python3 bench/twins/schedules.py --lr-table} with PyTorch 1.13: CosineAnnealingLR(T_max=100,
 * eta_min=1e-5) from 5e-3 over the notebook's 149 epochs (so past T_max, where the rate climbs again), and
 * ReduceLROnPlateau(factor 0.5, patience 5) from 3e-3 fed a fixed validation-loss sequence.
 */
class TrainingScheduleTorchTest {
    private static JsonNode table;
    private final SchedulesLesson lesson = new SchedulesLesson(TestEnvironments.mnistMini());

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = TrainingScheduleTorchTest.class.getResourceAsStream("/schedules/torch_lr_table.json")) {
            table = new ObjectMapper().readTree(in);
        }
    }

    /** Trains a tiny Adam network epoch by epoch (one full batch each) with the schedule, as the lesson's loop does; returns the applied rates. */
    private static double[] appliedRates(LrSchedule schedule, double lr0, double[] valLosses, int epochs) {
        float[][] x = new float[6][];
        int[] y = new int[6];
        for (int i = 0; i < 6; i++) {
            x[i] = new float[] {i / 6f, 1 - i / 6f, (i % 2) * 0.5f};
            y[i] = i % 2;
        }
        Batches data = Batches.of(new LabeledData(x, y, 2, new String[] {"0", "1"}), Batches.LabelEncoding.ONE_HOT);
        MultiLayerNetwork net = NetBuilder.build(NetSpec.mlp(3, List.of(4), NetSpec.Output.SOFTMAX_CE, 2, NetSpec.Optimizer.ADAM, lr0, 1));
        Trainer trainer = new Trainer(net, RunControl.unattended(new MetricLog()), 0, 1).learningRateSchedule(schedule::lrAt);
        double[] applied = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            trainer.fitEpoch(data);
            applied[e] = net.getLearningRate(0);
            if (valLosses != null) schedule.observe(valLosses[e]);
        }
        return applied;
    }

    @Test
    void earlyStoppingCosineRunAppliesTorchsRateInEachOfTheNotebooks149Epochs() {
        ParamValues defaults = lesson.defaults();
        LrSchedule cosine = SchedulesLesson.trainingSchedule(defaults);  // es_schedule cosine, es_lr, es_t_max, es_eta_min
        JsonNode ref = table.get("cosine");
        double[] expected = doubles(ref.get("lrs"));
        assertEquals(defaults.getDouble("es_lr"), ref.get("lr0").asDouble());
        assertEquals(defaults.getInt("epochs"), expected.length);
        double[] applied = appliedRates(cosine, defaults.getDouble("es_lr"), null, expected.length);
        for (int e = 0; e < expected.length; e++) assertRelClose(expected[e], applied[e], 1e-6, "epoch " + (e + 1));
    }

    @Test
    void exerciseThreePlateauRunAppliesTorchsRateAfterEachValidationLoss() {
        ParamValues d = lesson.defaults();
        LrSchedule plateau = new ScheduleSpec("reduce_on_plateau", Map.of("lr0", d.text("ex3_lr"), "factor", d.text("ex3_factor"),
                "patience", d.text("ex3_plateau_patience"))).build();
        JsonNode ref = table.get("reduce_on_plateau");
        double[] expected = doubles(ref.get("lrs"));
        assertEquals(d.getDouble("ex3_lr"), ref.get("lr0").asDouble());
        double[] applied = appliedRates(plateau, d.getDouble("ex3_lr"), doubles(table.get("val_losses")), expected.length);
        for (int e = 0; e < expected.length; e++) assertRelClose(expected[e], applied[e], 1e-6, "epoch " + (e + 1));
    }
}
