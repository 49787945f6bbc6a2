package org.edgeai.plugins.generators;

import java.util.Locale;
import java.util.SplittableRandom;

import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.GenerationException;
import org.edgeai.model.topology.generate.LayoutKind;

/**
 * {@code erdos-renyi}: the random graph G(n, p), each of the n(n-1)/2 pairs linked independently with
 * probability p. With {@code connected = true} the graph is redrawn, with the next draws of the same
 * seeded stream, until it is connected, at most {@value #MAX_TRIES} times; then a
 * {@link GenerationException} names the tries and suggests p &ge; ln(n)/n (the connectivity threshold).
 *
 * <p>Not JGraphT's {@code GnpRandomGraphGenerator}: that one flips a coin for every pair, O(n^2), i.e.
 * 5e9 draws for n = 10^5. This uses geometric skipping (V. Batagelj and U. Brandes, Efficient generation of
 * large random networks, Phys. Rev. E 71, 036113, 2005): the gap to the next present pair is geometric, so
 * one draw per link, O(n + m) expected time. Links come out ordered by (larger endpoint, smaller endpoint).
 * Deterministic given the seed (one {@link SplittableRandom} stream).
 */
public final class ErdosRenyiGenerator extends AbstractGenerator {

    /** How many graphs {@code connected = true} draws before giving up. */
    public static final int MAX_TRIES = 100;

    public ErdosRenyiGenerator() {
        super("erdos-renyi", "Erdős–Rényi G(n, p)", "Each pair of nodes linked independently with probability p; "
                        + "optionally redrawn until connected.",
                nodes(16, 1, "number of nodes"),
                ParameterDescriptor.real("p", 0.25, 0.0, 1.0, "probability that a pair of nodes is linked; mean degree is p(n-1)"),
                ParameterDescriptor.bool("connected", false, "redraw until the graph is connected (at most "
                        + MAX_TRIES + " tries; needs p >= ln(n)/n or so)"));
    }

    @Override
    GeneratedGraph build(Parameters params, long seed) {
        int n = params.getInt("nodes");
        double p = params.getDouble("p");
        boolean connected = params.getBoolean("connected");
        double pairs = (double) n * (n - 1) / 2;
        checkLinks(p * pairs, "nodes=" + n + " and p=" + p + " on average");
        SplittableRandom rng = new SplittableRandom(seed);
        EdgeList edges = new EdgeList((int) Math.min(MAX_LINKS, Math.round(p * pairs * 1.05) + 16));
        int tries = 0;
        while (true) {
            tries++;
            gnp(n, p, rng, edges);
            if (!connected || Connectivity.isConnected(n, edges)) {
                break;
            }
            if (tries == MAX_TRIES) {
                double threshold = Math.log(n) / n;
                throw new GenerationException(String.format(Locale.ROOT,
                        "erdos-renyi: no connected graph in %d tries with nodes=%d, p=%s; G(n, p) is connected with "
                                + "good probability only for p >= ln(n)/n = %.4g (mean degree >= ln n = %.3g); "
                                + "raise p or set connected=false",
                        MAX_TRIES, n, p, threshold, Math.log(n)));
            }
        }
        return new GeneratedGraph(n, edges.us(), edges.vs(), null, null, null, LayoutKind.FORCE);
    }

    /**
     * Draws G(n, p) into {@code out} (cleared first) by geometric skipping over the pairs (w, v), w &lt; v,
     * in the order v = 1..n-1, w = 0..v-1. Expected O(n + p n^2) time; one draw per link plus one.
     */
    static void gnp(int n, double p, SplittableRandom rng, EdgeList out) {
        out.clear();
        if (n < 2 || p <= 0) {
            return;
        }
        if (p >= 1) {
            for (int v = 1; v < n; v++) {
                for (int w = 0; w < v; w++) {
                    out.add(v, w);
                }
            }
            return;
        }
        double logQ = Math.log1p(-p); // ln(1 - p) < 0
        double maxSkip = (double) n * n; // more than all remaining pairs; keeps the long arithmetic safe
        long v = 1;
        long w = -1;
        while (v < n) {
            double r = rng.nextDouble(); // [0, 1)
            double skip = Math.floor(Math.log1p(-r) / logQ); // geometric: number of absent pairs before the next
            w += 1 + (long) Math.min(skip, maxSkip);
            while (w >= v && v < n) {
                w -= v;
                v++;
            }
            if (v < n) {
                out.add((int) v, (int) w);
            }
        }
    }
}
