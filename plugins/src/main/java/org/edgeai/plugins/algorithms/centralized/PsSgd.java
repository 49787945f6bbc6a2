package org.edgeai.plugins.algorithms.centralized;

import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.spi.Parameters;

/**
 * Synchronous parameter-server SGD (ALGORITHMS.md "ps-sgd"): the server sends x_t [model] to every active
 * device; each returns C(g_i(x_t)) [gradient] (one minibatch gradient, or its whole shard with
 * {@code fullBatch}); the server sets x_{t+1} = x_t − η Σ n_i C(g_i) / Σ n_i over the gradients it received
 * (all of them, or those in before the round deadline). With no gradient received the model stays.
 * Round protocol, timing, over-the-air aggregation and metrics: {@link CentralizedAlgorithm}.
 */
class PsSgd extends CentralizedAlgorithm {

    protected final double eta;
    protected final LocalGradients gradients;
    /** Fresh gradients of the participants (rows × d). */
    protected final float[] grad;
    private final long upBits;

    PsSgd(String id, SimulationContext ctx, Parameters p) {
        super(id, ctx, p, 0);
        eta = p.getDouble("learningRate");
        gradients = new LocalGradients(learning, p.getBoolean("fullBatch"));
        grad = learning.newMatrix();
        upBits = setup.bits(d, true);
        int server = resolveServer(id, ctx, p.getString("server"));
        setSingleServer(server);
        requireReachable(id, server, groups[0].members);
    }

    @Override
    protected void prepare(Group g, int round, int[] parts, int count) {
        gradients.compute(parts, local, grad);
        for (int r : parts) {
            uplink(r).compress(grad, r * d, payload, r * d, d);
        }
    }

    @Override
    protected double flops(int row) {
        return gradients.flops(row);
    }

    @Override
    protected MessageKind uploadKind() {
        return MessageKind.GRADIENT;
    }

    @Override
    protected long uploadBits() {
        return upBits;
    }

    @Override
    protected void update(Group g, int round, int[] contributors, int count, double[] mean, double weightSum) {
        if (count == 0) {
            return;
        }
        step(g.model, mean);
    }

    /** x ← x − η · v, coordinate by coordinate in double, rounded to float. */
    protected final void step(float[] x, double[] v) {
        for (int j = 0; j < d; j++) {
            x[j] = (float) (x[j] - eta * v[j]);
        }
    }
}
