package org.edgeai.plugins.generators;


import org.edgeai.model.spi.DescribedProvider;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.GeneratorProvider;

/**
 * Shared plumbing of the built-in generators: identity, descriptors, and re-validation of the parameters
 * handed to {@link #generate} (callers may pass {@link Parameters#of} maps that never went through
 * {@link #validate}), so every range in the descriptors is enforced on every path.
 */
abstract class AbstractGenerator extends DescribedProvider implements GeneratorProvider {

    /** Upper bound on the number of nodes of any generated graph (the node arrays stay well under 1 GB). */
    static final long MAX_NODES = 10_000_000L;

    /**
     * Upper bound on the number of links of any generated graph: 5e7 links are two 200 MB index arrays;
     * beyond that a {@code Topology} could not be built in the default heap anyway.
     */
    static final long MAX_LINKS = 50_000_000L;


    AbstractGenerator(String id, String displayName, String description, ParameterDescriptor... parameters) {
        super(id, displayName, description, parameters);
    }

    @Override
    public final GeneratedGraph generate(Parameters params, long seed) {
        return build(revalidate(params), seed);
    }

    /** Builds the graph from parameters already checked against {@link #parameters()}. */
    abstract GeneratedGraph build(Parameters p, long seed);

    /** The {@code nodes} parameter with the given default and lower bound, upper bound {@link #MAX_NODES}. */
    static ParameterDescriptor nodes(long def, long min, String help) {
        return ParameterDescriptor.integer("nodes", def, min, MAX_NODES, help);
    }

    /** Rejects a link count over {@link #MAX_LINKS}, naming the parameters that caused it. */
    final void checkLinks(double links, String cause) {
        if (links > MAX_LINKS) {
            throw new IllegalArgumentException(id() + ": " + cause + " give " + String.format(java.util.Locale.ROOT, "%.0f", links)
                    + " links, more than the limit of " + MAX_LINKS + "; use fewer nodes or a sparser setting");
        }
    }

    /** An error for a combination of parameters the descriptors cannot express; starts with the id. */
    final IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException(id() + ": " + message);
    }
}
