package org.edgeai.plugins.algorithms.centralized;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.engine.core.Draws;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.spi.Parameters;

/**
 * Federated averaging (McMahan et al. 2017; ALGORITHMS.md "fedavg"), and FedProx (Li et al. 2020) when
 * μ &gt; 0: the server samples m = max(1, round(clientFraction · K)) of the K active devices (uniformly without
 * replacement, stream {@code algorithm.sampling}) and sends them x_t [model]; each runs {@code localSteps} SGD
 * steps y ← y − η (g_i(y) + μ (y − x_t)) from y = x_t and returns Δ_i = C(y − x_t) [update]; the server sets
 * x_{t+1} = x_t + Σ n_i Δ_i / Σ n_i over the updates it received. A device's work is timed as
 * {@code localSteps} minibatch gradients. The local steps of all sampled devices run batched, step by step.
 * With a compressed downlink, "x_t" on the device is the value it received.
 */
class FedAvg extends CentralizedAlgorithm {

    protected final double eta;
    protected final double mu;
    protected final int localSteps;
    protected final double clientFraction;
    private final SplittableRandom sampling;
    private final float[] base;
    private final float[] grad;
    private final long upBits;

    /**
     * @param mu           FedProx's proximal weight (0 for fedavg)
     * @param singleServer true for fedavg/fedprox (one group: the server from parameter {@code server}); false for
     *                     a subclass that sets its own groups
     */
    FedAvg(String id, SimulationContext ctx, Parameters p, double mu, boolean singleServer) {
        super(id, ctx, p, 0);
        this.eta = p.getDouble("learningRate");
        this.mu = mu;
        this.localSteps = p.getInt("localSteps");
        this.clientFraction = p.getDouble("clientFraction");
        sampling = ctx.streams().stream("algorithm.sampling");
        base = learning.newMatrix();
        grad = learning.newMatrix();
        upBits = setup.bits(d, true);
        if (singleServer) {
            int server = resolveServer(id, ctx, p.getString("server"));
            setSingleServer(server);
            requireReachable(id, server, groups[0].members);
        }
    }

    @Override
    protected int selectParticipants(Group g, int round, int[] active, int count, int[] out) {
        int m = (int) Math.max(1, Math.min(count, Math.round(clientFraction * count)));
        if (m == count) {
            System.arraycopy(active, 0, out, 0, count);
            return count;
        }
        // Partial Fisher–Yates over a copy of the active rows; the chosen ones are then sorted.
        int[] pool = Arrays.copyOf(active, count);
        for (int k = 0; k < m; k++) {
            int j = k + Draws.uniformInt(sampling, count - k);
            int t = pool[k];
            pool[k] = pool[j];
            pool[j] = t;
        }
        Arrays.sort(pool, 0, m);
        System.arraycopy(pool, 0, out, 0, m);
        return m;
    }

    @Override
    protected void prepare(Group g, int round, int[] parts, int count) {
        for (int r : parts) {
            System.arraycopy(local, r * d, base, r * d, d);
        }
        float lr = (float) eta;
        float lrMu = (float) (eta * mu);
        for (int s = 0; s < localSteps; s++) {
            learning.gradients(parts, local, grad);
            for (int r : parts) {
                int o = r * d;
                if (mu == 0) {
                    for (int j = o; j < o + d; j++) {
                        local[j] -= lr * grad[j];
                    }
                } else {
                    for (int j = o; j < o + d; j++) {
                        local[j] -= lr * grad[j] + lrMu * (local[j] - base[j]);
                    }
                }
            }
        }
        for (int r : parts) {
            int o = r * d;
            for (int j = o; j < o + d; j++) {
                grad[j] = local[j] - base[j];
            }
            uplink(r).compress(grad, o, payload, o, d);
        }
    }

    @Override
    protected double flops(int row) {
        return (double) localSteps * learning.workload().flopsPerGradient(row);
    }

    @Override
    protected MessageKind uploadKind() {
        return MessageKind.UPDATE;
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
        float[] x = g.model;
        for (int j = 0; j < d; j++) {
            x[j] = (float) (x[j] + mean[j]);
        }
    }
}
