package org.edgeai.app.gui;

import java.util.Locale;

/**
 * What the Spectrum view shows.
 *
 * @param nodes       number of nodes
 * @param eigenvalues eigenvalues of W in descending order (may be empty when only rho is known)
 * @param rho         the second-largest eigenvalue magnitude max(|λ2|, |λn|), in [0, 1]; NaN if unknown
 * @param problem     empty, or why the spectrum could not be computed
 */
public record SpectrumSummary(int nodes, double[] eigenvalues, double rho, String problem) {

    public static SpectrumSummary problem(int nodes, String why) {
        return new SpectrumSummary(nodes, new double[0], Double.NaN, why);
    }

    /** The spectral gap 1 − rho. */
    public double spectralGap() {
        return 1 - rho;
    }

    public boolean ok() {
        return problem.isEmpty();
    }

    /**
     * Factor by which the consensus error (1/N) Σ ||x_i − x̄||² shrinks per round of x ← Wx in the worst
     * case: 1 / rho² (infinite for rho = 0, 1 for rho = 1).
     */
    public double shrinkFactorPerRound() {
        return 1 / (rho * rho);
    }

    /** The one-line reading under the numbers. */
    public String reading() {
        if (!ok()) {
            return problem;
        }
        if (nodes < 2) {
            return "A single node is always in consensus.";
        }
        if (rho >= 1 - 1e-12) {
            return "rho = 1: the graph is disconnected (or W is periodic), so consensus error does not shrink.";
        }
        if (rho < 1e-12) {
            return "rho = 0: consensus is reached in one round.";
        }
        double f = shrinkFactorPerRound();
        int rounds = (int) Math.ceil(Math.log(1e6) / Math.log(f));
        return String.format(Locale.ROOT, "Consensus error shrinks ~%s\u00d7 per round (1/rho\u00b2); ~%d rounds for 10\u2076\u00d7.",
                f < 10 ? String.format(Locale.ROOT, "%.3g", f) : String.format(Locale.ROOT, "%.0f", f), rounds);
    }
}
