package org.edgeai.app.gui;

import java.util.List;

import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.GeneratorProvider;
import org.edgeai.model.topology.generate.LayoutKind;

/** A test-only ring generator (the real ones are in the plugins module): n nodes, i -- i+1 mod n. */
public final class FakeRingGenerator implements GeneratorProvider {

    @Override
    public String id() {
        return "ring";
    }

    @Override
    public String displayName() {
        return "Ring";
    }

    @Override
    public String description() {
        return "Each node linked to the next, the last to the first.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return List.of(ParameterDescriptor.integer("nodes", 8L, 3L, 1_000_000L, "Number of nodes."));
    }

    @Override
    public GeneratedGraph generate(Parameters params, long seed) {
        int n = params.getInt("nodes");
        int[] u = new int[n];
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            u[i] = i;
            v[i] = (i + 1) % n;
        }
        return new GeneratedGraph(n, u, v, null, null, null, LayoutKind.CIRCLE);
    }

    public static GeneratorCatalog catalog() {
        return new GeneratorCatalog(ProviderRegistry.of("generator", List.of(new FakeRingGenerator())));
    }

    /** The application's services with this generator and the in-code samples (stable names for GUI tests). */
    public static WorkbenchServices services() {
        GeneratorCatalog g = catalog();
        return WorkbenchServices.defaults(FakeRingGenerator.class.getClassLoader()).withGenerators(g)
                .withDocuments(new ExperimentFileStore(g.registry()))
                .withSamples(new BuiltInSamples());
    }
}
