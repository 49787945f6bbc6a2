package org.edgeai.model.pipeline.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which one stage runs its operations under each schedule (before replication).
 *
 * <p>Micro-batches are numbered globally over the run: minibatch j holds j*M .. j*M + M - 1.
 */
public final class StageOrders {

    /** One operation of a stage. */
    public record Op(Phase phase, int microbatch) {
        @Override
        public String toString() {
            return phase.name().charAt(0) + Integer.toString(microbatch);
        }
    }

    private StageOrders() {
    }

    /**
     * The operations of stage {@code s} of {@code k}, in order. gpipe: F(0..M-1), B(M-1..0), U per minibatch;
     * 1f1b: w = min(K - s - 1, M) warm-up forwards, then alternately F and B, then the remaining B, U per
     * minibatch; pipedream: the same 1F1B pattern over all minibatches' micro-batches at once, U after each
     * B; sequential: as gpipe with M = 1. With {@code rematerialize} an R (recompute) precedes each B.
     * O(M x minibatches).
     */
    public static List<Op> order(ScheduleKind kind, int k, int s, int microBatches, int minibatches, boolean rematerialize) {
        List<Op> ops = new ArrayList<>();
        int m = microBatches;
        switch (kind) {
            case GPIPE, SEQUENTIAL -> {
                for (int j = 0; j < minibatches; j++) {
                    for (int i = 0; i < m; i++) {
                        ops.add(new Op(Phase.FORWARD, j * m + i));
                    }
                    for (int i = m - 1; i >= 0; i--) {
                        backward(ops, j * m + i, rematerialize);
                    }
                    ops.add(new Op(Phase.UPDATE, j * m + m - 1));
                }
            }
            case ONE_F_ONE_B -> {
                for (int j = 0; j < minibatches; j++) {
                    oneFOneB(ops, k, s, j * m, m, rematerialize, false);
                    ops.add(new Op(Phase.UPDATE, j * m + m - 1));
                }
            }
            case PIPEDREAM -> oneFOneB(ops, k, s, 0, m * minibatches, rematerialize, true);
            default -> throw new IllegalStateException(kind.toString());
        }
        return ops;
    }

    private static void backward(List<Op> ops, int mb, boolean remat) {
        if (remat) {
            ops.add(new Op(Phase.RECOMPUTE, mb));
        }
        ops.add(new Op(Phase.BACKWARD, mb));
    }

    private static void oneFOneB(List<Op> ops, int k, int s, int first, int n, boolean remat, boolean updateEach) {
        int warm = Math.min(k - s - 1, n);
        int f = 0;
        int b = 0;
        for (; f < warm; f++) {
            ops.add(new Op(Phase.FORWARD, first + f));
        }
        while (b < n) {
            if (f < n) {
                ops.add(new Op(Phase.FORWARD, first + f++));
            }
            backward(ops, first + b, remat);
            if (updateEach) {
                ops.add(new Op(Phase.UPDATE, first + b));
            }
            b++;
        }
    }
}
