package org.edgeai.model.topology.analysis;

import java.util.Locale;
import java.util.Objects;

/**
 * The spectrum of a mixing matrix W and what it predicts for consensus.
 *
 * <p>W is symmetric and doubly stochastic with nonnegative entries, so its eigenvalues are real, lie in
 * [−1, 1] and include 1 (eigenvector: all ones). Under x &larr; W x the deviation from the average shrinks
 * in norm by at most {@link #rho()} = max(|&lambda;_2|, |&lambda;_n|) per round, i.e. the consensus error (a
 * squared norm) by rho^2. rho is the largest eigenvalue modulus other than the eigenvalue 1 itself; it is
 * exactly 1 when W has a second eigenvalue of modulus 1, which happens exactly when the graph of positive
 * weights is disconnected (1 is then a multiple eigenvalue) or bipartite with a zero diagonal (&minus;1 is an
 * eigenvalue); this is decided structurally in O(n + m), so rho = 1 is exact, never a rounding artefact.
 * For n &le; 1 there is no other eigenvalue and rho = 0.
 *
 * <p>Methods:
 * <ul>
 *   <li>{@link #full}: every eigenvalue, by Householder tridiagonalization and implicit QL in plain Java
 *       ({@link SymmetricEigenvalues}): (4/3)n^3 flops, n^2/2 doubles; about 0.3 s at n = 1000 and 3 s at
 *       n = 2000 on the project's 2-core machine; refused above {@link #FULL_MAX_NODES}.</li>
 *   <li>{@link #rhoOnly}: &lambda;_2 and &lambda;_n only, by thick-restart Lanczos with full
 *       reorthogonalization on W deflated by the all-ones vector ({@link DeflatedLanczos}): O(nnz(W) + m n)
 *       per step with a basis of m &le; {@value #LANCZOS_BASIS} vectors; no eigenvalue list.</li>
 *   <li>{@link #of}: {@code full} when n &le; {@value #AUTO_DENSE_MAX_NODES}, otherwise {@code rhoOnly},
 *       falling back to {@code full} when Lanczos does not converge and n &le;
 *       {@value #FALLBACK_DENSE_MAX_NODES}.</li>
 * </ul>
 * Immutable.
 */
public final class Spectrum {

    /** {@link #of} computes the full spectrum up to this many nodes (dense solver about 0.3 s here). */
    public static final int AUTO_DENSE_MAX_NODES = 1000;
    /** {@link #of} falls back to the dense solver after an unconverged Lanczos run up to this many nodes. */
    public static final int FALLBACK_DENSE_MAX_NODES = 3000;
    /** {@link #full} refuses larger matrices (n^2/2 doubles = 200 MB and about a minute here at this size). */
    public static final int FULL_MAX_NODES = 7000;
    /** Lanczos stops when both extreme Ritz pairs have a residual norm at most this (so |&theta; − &lambda;| too). */
    public static final double LANCZOS_TOLERANCE = 1e-10;
    /** Lanczos basis size per restart cycle (fewer when n is small or memory is short). */
    public static final int LANCZOS_BASIS = 48;
    /** Seed of the Lanczos start vector, fixed so results are reproducible. */
    public static final long LANCZOS_SEED = 0x5EED_1A2C_205AL;

    /** How the spectrum was computed. */
    public enum Method {
        /** n &le; 1: nothing to compute. */
        TRIVIAL,
        /** All eigenvalues by the dense solver. */
        DENSE,
        /** &lambda;_2 and &lambda;_n by Lanczos; {@link #eigenvalues()} is empty. */
        LANCZOS
    }

    private final int size;
    private final double[] eigenvalues;
    private final double lambda2;
    private final double lambdaMin;
    private final double rho;
    private final Method method;
    private final boolean converged;
    private final int iterations;
    private final double residual;

    private Spectrum(int size, double[] eigenvalues, double lambda2, double lambdaMin, double rho, Method method,
                     boolean converged, int iterations, double residual) {
        this.size = size;
        this.eigenvalues = eigenvalues;
        this.lambda2 = lambda2;
        this.lambdaMin = lambdaMin;
        this.rho = rho;
        this.method = method;
        this.converged = converged;
        this.iterations = iterations;
        this.residual = residual;
    }

    // ------------------------------------------------------------------ factories

    /** The spectrum by the method that fits the size (see the class comment). */
    public static Spectrum of(MixingMatrix w) {
        Objects.requireNonNull(w, "w");
        int n = w.size();
        if (n <= AUTO_DENSE_MAX_NODES) {
            return full(w);
        }
        Spectrum s = rhoOnly(w);
        if (!s.converged && n <= FALLBACK_DENSE_MAX_NODES) {
            return full(w);
        }
        return s;
    }

    /**
     * Every eigenvalue of W by the dense solver. O(n^3) time, n^2/2 doubles.
     *
     * @throws IllegalArgumentException when n &gt; {@link #FULL_MAX_NODES}
     */
    public static Spectrum full(MixingMatrix w) {
        Objects.requireNonNull(w, "w");
        int n = w.size();
        if (n > FULL_MAX_NODES) {
            throw new IllegalArgumentException("full spectrum: " + n + " nodes is more than the dense solver's limit of "
                    + FULL_MAX_NODES + "; use Spectrum.rhoOnly for rho and the spectral gap");
        }
        if (n <= 1) {
            return trivial(w);
        }
        double[][] lower = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = new double[i + 1];
            row[i] = w.diagonal(i);
            lower[i] = row;
        }
        var g = w.graph();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < g.degree(i); k++) {
                int j = g.neighbour(i, k);
                if (j < i) {
                    lower[i][j] = w.weight(i, k);
                }
            }
        }
        SymmetricEigenvalues.Result r = SymmetricEigenvalues.computeInPlace(lower);
        double[] ev = r.eigenvalues();
        // the largest is the eigenvalue 1 of the all-ones vector; rho is the largest modulus of the others
        double l2 = ev[1];
        double ln = ev[n - 1];
        return finish(w, ev, l2, ln, Method.DENSE, r.converged(), r.iterations(), 0.0);
    }

    /**
     * &lambda;_2, &lambda;_n and rho by Lanczos; {@link #eigenvalues()} is empty. O(nnz(W) + m n) per step,
     * m n doubles; check {@link #converged()}.
     */
    public static Spectrum rhoOnly(MixingMatrix w) {
        Objects.requireNonNull(w, "w");
        int n = w.size();
        if (n <= 1) {
            return trivial(w);
        }
        // keep the basis within about 256 MB
        int basis = (int) Math.max(8, Math.min(LANCZOS_BASIS, (32L << 20) / n));
        int maxMatvecs = (int) Math.min(Integer.MAX_VALUE, Math.max(2000L, 4L * n));
        DeflatedLanczos.Result r = DeflatedLanczos.run(w, LANCZOS_TOLERANCE, basis, maxMatvecs, LANCZOS_SEED);
        return finish(w, new double[0], r.lambdaMax(), r.lambdaMin(), Method.LANCZOS, r.converged(), r.matvecs(),
                Math.max(r.residualMax(), r.residualMin()));
    }

    private static Spectrum trivial(MixingMatrix w) {
        double[] ev = w.size() == 1 ? new double[] {w.diagonal(0)} : new double[0];
        return new Spectrum(w.size(), ev, Double.NaN, Double.NaN, 0.0, Method.TRIVIAL, true, 0, 0.0);
    }

    private static Spectrum finish(MixingMatrix w, double[] ev, double l2, double ln, Method method, boolean converged,
                                   int iterations, double residual) {
        MixingMatrix.StructuralUnitEigen structure = w.unitModulusStructure();
        double rho;
        if (structure.rhoIsOne()) {
            // exact: a second eigenvalue of modulus 1 exists
            if (structure.supportComponents() > 1) {
                l2 = 1.0;
            }
            if (structure.minusOne()) {
                ln = -1.0;
            }
            rho = 1.0;
            converged = true;
        } else {
            rho = Math.max(Math.abs(l2), Math.abs(ln));
            // rounding must not turn a contracting W into a non-contracting one
            rho = Math.min(rho, Math.nextDown(1.0));
        }
        return new Spectrum(w.size(), ev, l2, ln, rho, method, converged, iterations, residual);
    }

    // ------------------------------------------------------------------ results

    /** n, the size of W. */
    public int size() {
        return size;
    }

    /** All eigenvalues, descending (a copy); empty for {@link Method#LANCZOS}. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** True when {@link #eigenvalues()} holds the whole spectrum. */
    public boolean hasEigenvalues() {
        return eigenvalues.length == size;
    }

    /** &lambda;_2, the second largest eigenvalue (1 when the graph is disconnected); NaN when n &le; 1. */
    public double lambda2() {
        return lambda2;
    }

    /** &lambda;_n, the smallest eigenvalue; NaN when n &le; 1. */
    public double lambdaMin() {
        return lambdaMin;
    }

    /** rho = max(|&lambda;_2|, |&lambda;_n|) in [0, 1]: the per-round contraction of the deviation from the average. */
    public double rho() {
        return rho;
    }

    /** 1 − rho, in [0, 1]. */
    public double spectralGap() {
        return 1.0 - rho;
    }

    public Method method() {
        return method;
    }

    /**
     * True when the values are accurate: the dense QL converged, or Lanczos reached
     * {@link #LANCZOS_TOLERANCE}. An unconverged Lanczos rho is a lower bound estimate of the true rho.
     */
    public boolean converged() {
        return converged;
    }

    /** QL iterations (dense) or products with W (Lanczos). */
    public int iterations() {
        return iterations;
    }

    /** Lanczos: the larger residual norm of the two extreme Ritz pairs (bounds their error); 0 otherwise. */
    public double residual() {
        return residual;
    }

    /**
     * Rounds of x &larr; W x that shrink the consensus error by a factor 10^{@code decades}, predicted from
     * the contraction rho^2 per round: ceil(decades &middot; ln 10 / (−2 ln rho)) (with a 1e-9 slack against
     * rounding); 0 when decades = 0; 1 when rho = 0; {@link Long#MAX_VALUE} (never) when rho &ge; 1.
     *
     * @param decades how many powers of ten, &ge; 0 (e.g. 3 for 10^-3)
     */
    public long predictedRounds(double decades) {
        if (!(decades >= 0) || Double.isInfinite(decades)) {
            throw new IllegalArgumentException("predictedRounds: decades must be a finite number >= 0, got " + decades);
        }
        return predictedRounds(rho, decades);
    }

    /** {@link #predictedRounds(double)} for a given rho in [0, 1]. */
    static long predictedRounds(double rho, double decades) {
        if (decades == 0) {
            return 0;
        }
        if (rho >= 1) {
            return Long.MAX_VALUE;
        }
        if (rho <= 0) {
            return 1;
        }
        double rounds = decades * Math.log(10) / (-2.0 * Math.log(rho));
        if (!(rounds < 9.0e18)) {
            return Long.MAX_VALUE;
        }
        return Math.max(1L, (long) Math.ceil(rounds - 1e-9));
    }

    /**
     * One line for the GUI, e.g. "consensus error shrinks ~1.23× per round; 10^-3 in about 33 rounds".
     * Marked "(estimate)" when not converged.
     */
    public String reading() {
        String note = converged ? "" : " (estimate: Lanczos did not converge)";
        if (size <= 1) {
            return "consensus error is 0 from the start (" + size + " node" + (size == 1 ? "" : "s") + ")";
        }
        if (rho >= 1) {
            return "consensus error does not shrink (rho = 1: the graph is disconnected or periodic); 10^-3 is never"
                    + " reached" + note;
        }
        if (rho == 0) {
            return "consensus error shrinks to 0 in one round (rho = 0); 10^-3 in about 1 round" + note;
        }
        long r = predictedRounds(3);
        String rounds = r == Long.MAX_VALUE ? "more than 10^18" : Long.toString(r);
        return String.format(Locale.ROOT, "consensus error shrinks ~%s× per round; 10^-3 in about %s round%s%s",
                factor(1.0 / (rho * rho)), rounds, r == 1 ? "" : "s", note);
    }

    private static String factor(double f) {
        if (f < 2) {
            // enough decimals to show how far from 1 the factor is: 1.14, 1.0026, 1.000026
            int decimals = Math.min(17, 1 + (int) Math.ceil(-Math.log10(Math.max(f - 1.0, 1e-16))));
            return String.format(Locale.ROOT, "%." + decimals + "f", f);
        }
        if (f < 1e6) {
            return String.format(Locale.ROOT, "%.3g", f);
        }
        return String.format(Locale.ROOT, "%.2e", f);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Spectrum(n=%d, %s, rho=%.6g, gap=%.6g, lambda2=%.6g, lambdaMin=%.6g%s)",
                size, method, rho, spectralGap(), lambda2, lambdaMin, converged ? "" : ", not converged");
    }
}
