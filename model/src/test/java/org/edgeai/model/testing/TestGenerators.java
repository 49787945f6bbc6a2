package org.edgeai.model.testing;

import java.util.List;

import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.GeneratorProvider;
import org.edgeai.model.topology.generate.LayoutKind;

/**
 * Tiny generators for the model's own tests (the real ones live in the plugins module): a ring, a star
 * whose centre kind is a parameter, and a probe whose node positions reveal the seed it was given.
 */
public final class TestGenerators {

    private TestGenerators() {
    }

    public static ProviderRegistry<GeneratorProvider> registry() {
        return ProviderRegistry.of("generator", List.of(new Ring(), new Star(), new SeedProbe()));
    }

    /** ring(nodes): n0 -- n1 -- ... -- n(n-1) -- n0. */
    public static final class Ring implements GeneratorProvider {
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
            return "test ring";
        }

        @Override
        public List<ParameterDescriptor> parameters() {
            return List.of(ParameterDescriptor.integer("nodes", null, 3L, 10_000_000L, "number of nodes"));
        }

        @Override
        public GeneratedGraph generate(Parameters p, long seed) {
            int n = p.getInt("nodes");
            int[] u = new int[n];
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                u[i] = i;
                v[i] = (i + 1) % n;
            }
            return new GeneratedGraph(n, u, v, null, null, null, LayoutKind.CIRCLE);
        }
    }

    /** star(nodes, centerKind, spread): n0 in the centre; spread (a real) only exists to test doubles. */
    public static final class Star implements GeneratorProvider {
        @Override
        public String id() {
            return "star";
        }

        @Override
        public String displayName() {
            return "Star";
        }

        @Override
        public String description() {
            return "test star";
        }

        @Override
        public List<ParameterDescriptor> parameters() {
            return List.of(ParameterDescriptor.integer("nodes", null, 2L, 1000L, "number of nodes"),
                    ParameterDescriptor.choice("centerKind", "device", List.of("device", "server", "cloud"), "kind of n0"),
                    ParameterDescriptor.real("spread", 0.5, 0.0, 1.0, "unused"));
        }

        @Override
        public Parameters validate(java.util.Map<String, ?> raw) {
            Parameters p = GeneratorProvider.super.validate(raw);
            if (p.getLong("nodes") == 13) {
                throw new IllegalArgumentException("star: nodes = 13 is unlucky (a cross-parameter check)");
            }
            return p;
        }

        @Override
        public GeneratedGraph generate(Parameters p, long seed) {
            int n = p.getInt("nodes");
            int[] u = new int[n - 1];
            int[] v = new int[n - 1];
            for (int i = 1; i < n; i++) {
                u[i - 1] = 0;
                v[i - 1] = i;
            }
            NodeKind[] kinds = new NodeKind[n];
            java.util.Arrays.fill(kinds, NodeKind.DEVICE);
            kinds[0] = NodeKind.fromId(p.getString("centerKind"));
            return new GeneratedGraph(n, u, v, kinds, null, null, LayoutKind.CIRCLE);
        }
    }

    /** seedprobe(): two linked nodes; n0.x = (seed >>> 11) exactly, n0.y = seed & 2047. */
    public static final class SeedProbe implements GeneratorProvider {
        @Override
        public String id() {
            return "seedprobe";
        }

        @Override
        public String displayName() {
            return "Seed probe";
        }

        @Override
        public String description() {
            return "reveals its seed";
        }

        @Override
        public List<ParameterDescriptor> parameters() {
            return List.of();
        }

        @Override
        public GeneratedGraph generate(Parameters p, long seed) {
            return new GeneratedGraph(2, new int[] {0}, new int[] {1}, null,
                    new double[] {seed >>> 11, 0}, new double[] {seed & 2047, 0}, LayoutKind.CIRCLE);
        }
    }
}
