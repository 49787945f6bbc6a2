package org.edgeai.model.run;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.compress.Compressor;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.IndexedGraph;

/**
 * A test algorithm (decentralized, id {@code test-avg}): each round every node computes a gradient (when
 * {@code learningRate} &gt; 0), sends C(x_i) [model] to every neighbour, and once every message has arrived
 * sets x_i = (x_i + Σ_j x̃_j) / (deg_i + 1) − η g_i (uniform neighbour averaging). Reports loss, accuracy,
 * consensus error and, from round {@code extraFrom} (file rounds), an extra metric {@code received}.
 */
final class AveragingProvider implements AlgorithmProvider {

    static final String ID = "test-avg";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Test neighbour averaging";
    }

    @Override
    public String description() {
        return "Synchronous uniform averaging with the neighbours, for the runner's tests.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return List.of(ParameterDescriptor.real("learningRate", 0.0, 0.0, 10.0, "step size"),
                ParameterDescriptor.integer("extraFrom", 3L, 1L, null, "first file round that reports 'received'"));
    }

    @Override
    public Family family() {
        return Family.DECENTRALIZED;
    }

    @Override
    public Algorithm create(Parameters params, SimulationContext ctx) {
        if (ctx.graph().nodeCount() < 2) {
            throw new IllegalArgumentException("test-avg needs at least 2 nodes, the topology has " + ctx.graph().nodeCount());
        }
        return new Averaging(ctx, params.getDouble("learningRate"), params.getInt("extraFrom"));
    }

    static final class Averaging implements Algorithm {
        final SimulationContext ctx;
        final RunSetup setup;
        final LearningState s;
        final IndexedGraph g;
        final float lr;
        final int extraFrom;
        final int d;
        final float[] sent;
        final float[] sum;
        final float[] grad;
        final Compressor[] comp;
        int pending;
        int computing;
        long received;

        Averaging(SimulationContext ctx, double lr, int extraFrom) {
            this.ctx = ctx;
            this.setup = ctx.extension(RunSetup.class).orElseThrow();
            this.s = setup.learning();
            this.g = ctx.graph();
            this.lr = (float) lr;
            this.extraFrom = extraFrom;
            this.d = s.dimension();
            this.sent = s.newMatrix();
            this.sum = s.newMatrix();
            this.grad = s.newMatrix();
            this.comp = new Compressor[g.nodeCount()];
            for (int i = 0; i < comp.length; i++) {
                comp[i] = setup.compression().forSender(i);
            }
        }

        @Override
        public void onRoundStart(int round) {
            Arrays.fill(sum, 0f);
            int n = g.nodeCount();
            pending = 0;
            for (int i = 0; i < n; i++) {
                pending += g.degree(i);
            }
            if (lr > 0) {
                s.gradients(grad);
                computing = n;
                for (int i = 0; i < n; i++) {
                    ctx.compute().compute(i, s.workload().flopsPerGradient(setup.rowOf()[i]), round, this, round);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    send(i, round);
                }
            }
        }

        @Override
        public void onComputeDone(int node, int tag) {
            send(node, tag);
        }

        private void send(int i, int round) {
            int r = setup.rowOf()[i];
            long bits = comp[i].compress(s.x(), r * d, sent, r * d, d);
            for (int k = 0; k < g.degree(i); k++) {
                ctx.network().sendToNeighbour(i, k, bits, MessageKind.MODEL, round, this, round);
            }
        }

        @Override
        public void onMessage(int msg, int src, int dst, long tag) {
            int rs = setup.rowOf()[src] * d;
            int rd = setup.rowOf()[dst] * d;
            for (int k = 0; k < d; k++) {
                sum[rd + k] += sent[rs + k];
            }
            received++;
            if (--pending == 0) {
                finish((int) tag);
            }
        }

        private void finish(int round) {
            float[] x = s.x();
            for (int i = 0; i < g.nodeCount(); i++) {
                int o = setup.rowOf()[i] * d;
                float w = 1f / (g.degree(i) + 1);
                for (int k = 0; k < d; k++) {
                    x[o + k] = (x[o + k] + sum[o + k]) * w - lr * grad[o + k];
                }
            }
            var m = s.metrics();
            Map<String, Double> v = new LinkedHashMap<>();
            v.put(RunSetup.LOSS, m.loss());
            v.put(RunSetup.ACCURACY, m.accuracy());
            v.put(RunSetup.CONSENSUS_ERROR, m.consensusError());
            if (round + 1 >= extraFrom) {
                v.put("received", (double) received);
            }
            ctx.finishRound(round, v);
        }
    }
}
