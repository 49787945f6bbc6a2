package org.edgeai.plugins.algorithms.centralized;

import java.util.SplittableRandom;

import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.engine.core.Draws;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.spi.Parameters;

/**
 * Zeroth-order SGD with a shared random direction (ALGORITHMS.md "zo-sgd"). Each round the server and the
 * devices draw the same D = {@code directions} vectors u_1..u_D ~ N(0, I_d) from the shared stream
 * {@code algorithm.zo-directions} (so no direction is ever sent). The server sends x_t [model] to every active
 * device; device i draws one minibatch and returns, for each k, the two-point estimate
 * s_ik = (f_i(x_t + μ u_k) − f_i(x_t − μ u_k)) / (2μ) on that minibatch, D scalars in one [scalar] message of
 * 32·D bits (never compressed); its work is timed as 2·D minibatch loss evaluations (forward passes only). The
 * server steps x_{t+1} = x_t − η · (1/D) Σ_k s̄_k u_k, where s̄_k is the data-weighted mean Σ n_i s_ik / Σ n_i of
 * the scalars received.
 *
 * <p>Departure from ALGORITHMS.md, which says "mean of the scalars": the mean is weighted by n_i like every other
 * centralized average here, so that s̄_k estimates the directional derivative of the global (data-weighted)
 * loss; with equal shards it is the plain mean. Since E[u uᵀ] = I, the expected step is −η times the weighted
 * mean of the devices' minibatch gradients, up to O(μ²) (exactly for quadratic losses).
 */
final class ZoSgd extends CentralizedAlgorithm {

    private final double eta;
    private final double mu;
    private final int directions;
    private final SplittableRandom shared;
    private final float[] u;
    private final float[] plus;
    private final float[] minus;
    private final double[] stepDir;

    ZoSgd(String id, SimulationContext ctx, Parameters p) {
        super(id, ctx, p, p.getInt("directions"));
        eta = p.getDouble("learningRate");
        mu = p.getDouble("mu");
        directions = p.getInt("directions");
        shared = ctx.streams().stream("algorithm.zo-directions");
        u = new float[directions * d];
        plus = new float[d];
        minus = new float[d];
        stepDir = new double[d];
        int server = resolveServer(id, ctx, p.getString("server"));
        setSingleServer(server);
        requireReachable(id, server, groups[0].members);
    }

    @Override
    protected void beginRound(int round) {
        for (int i = 0; i < u.length; i++) {
            u[i] = (float) Draws.standardNormal(shared);
        }
    }

    @Override
    protected void prepare(Group g, int round, int[] parts, int count) {
        float m = (float) mu;
        for (int r : parts) {
            learning.drawBatch(r);
            int o = r * d;
            for (int k = 0; k < directions; k++) {
                int uo = k * d;
                for (int j = 0; j < d; j++) {
                    float x = local[o + j];
                    float s = m * u[uo + j];
                    plus[j] = x + s;
                    minus[j] = x - s;
                }
                double fp = learning.batchLoss(r, plus, 0);
                double fm = learning.batchLoss(r, minus, 0);
                payload[r * directions + k] = (float) ((fp - fm) / (2 * mu));
            }
        }
    }

    @Override
    protected double flops(int row) {
        return 2.0 * directions * learning.workload().flopsPerLoss(row);
    }

    @Override
    protected MessageKind uploadKind() {
        return MessageKind.SCALAR;
    }

    @Override
    protected long uploadBits() {
        return 32L * directions;
    }

    @Override
    protected void update(Group g, int round, int[] contributors, int count, double[] mean, double weightSum) {
        if (count == 0) {
            return;
        }
        java.util.Arrays.fill(stepDir, 0);
        for (int k = 0; k < directions; k++) {
            double s = mean[k];
            int uo = k * d;
            for (int j = 0; j < d; j++) {
                stepDir[j] += s * u[uo + j];
            }
        }
        float[] x = g.model;
        double f = eta / directions;
        for (int j = 0; j < d; j++) {
            x[j] = (float) (x[j] - f * stepDir[j]);
        }
    }

    /** The directions of the current round (D × d, row-major), for tests. */
    float[] directionsOfRound() {
        return u.clone();
    }
}
