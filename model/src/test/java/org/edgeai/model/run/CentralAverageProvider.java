package org.edgeai.model.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Metrics;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.NodeKind;

/**
 * A centralized test algorithm (id {@code test-central}): each round every device sends its row [model] to the
 * first non-device node (routed), which averages them and sends the mean back [model]; the devices adopt it.
 */
final class CentralAverageProvider implements AlgorithmProvider {

    static final String ID = "test-central";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Test central averaging";
    }

    @Override
    public String description() {
        return "Devices send their models to the server, which averages them and sends the mean back.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return List.of();
    }

    @Override
    public Family family() {
        return Family.CENTRALIZED;
    }

    @Override
    public Algorithm create(Parameters params, SimulationContext ctx) {
        int server = -1;
        for (int i = 0; i < ctx.graph().nodeCount() && server < 0; i++) {
            if (ctx.graph().kind(i) != NodeKind.DEVICE) {
                server = i;
            }
        }
        if (server < 0) {
            throw new IllegalArgumentException("test-central needs a server or cloud node; the topology has only devices");
        }
        return new Central(ctx, server);
    }

    static final class Central implements Algorithm {
        final SimulationContext ctx;
        final RunSetup setup;
        final LearningState s;
        final int server;
        final int d;
        final double[] acc;
        final float[] mean;
        int pending;
        boolean down;

        Central(SimulationContext ctx, int server) {
            this.ctx = ctx;
            this.setup = ctx.extension(RunSetup.class).orElseThrow();
            this.s = setup.learning();
            this.server = server;
            this.d = s.dimension();
            this.acc = new double[d];
            this.mean = new float[d];
        }

        @Override
        public void onRoundStart(int round) {
            java.util.Arrays.fill(acc, 0);
            down = false;
            pending = setup.rows();
            for (int r = 0; r < setup.rows(); r++) {
                ctx.network().send(setup.holderNode()[r], server, setup.bits(d, true), MessageKind.MODEL, round, this, r);
            }
        }

        @Override
        public void onMessage(int msg, int src, int dst, long tag) {
            int round = ctx.network().messageRound(msg);
            if (!down) {
                int o = (int) tag * d;
                for (int k = 0; k < d; k++) {
                    acc[k] += s.x()[o + k];
                }
                if (--pending == 0) {
                    for (int k = 0; k < d; k++) {
                        mean[k] = (float) (acc[k] / setup.rows());
                    }
                    down = true;
                    pending = setup.rows();
                    for (int r = 0; r < setup.rows(); r++) {
                        ctx.network().send(server, setup.holderNode()[r], setup.bits(d, setup.compressDownlink()),
                                MessageKind.MODEL, round, this, r);
                    }
                }
                return;
            }
            System.arraycopy(mean, 0, s.x(), (int) tag * d, d);
            if (--pending == 0) {
                Metrics m = s.evaluate(mean, 0);
                Map<String, Double> v = new LinkedHashMap<>();
                v.put(RunSetup.LOSS, m.loss());
                v.put(RunSetup.ACCURACY, m.accuracy());
                v.put(RunSetup.CONSENSUS_ERROR, s.consensusError(s.x()));
                ctx.finishRound(round, v);
            }
        }
    }
}
