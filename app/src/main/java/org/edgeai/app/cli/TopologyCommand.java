package org.edgeai.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.edgeai.model.experiment.TopologySpec;
import org.edgeai.model.io.TopologyFormat;
import org.edgeai.model.io.TopologyIO;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.generate.GeneratorProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code topology generate | info | convert}. */
@Command(name = "topology", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Generate, analyse and convert network topologies.",
        subcommands = {TopologyCommand.Generate.class, TopologyInfoCommand.class, TopologyCommand.Convert.class})
final class TopologyCommand {

    @Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Generate a topology and write it; the format follows the extension of --out",
                    "(.json .graphml .gml .dot). The same TYPE, parameters and --seed give the same topology",
                    "as an experiment file with that generator and seed."})
    static final class Generate implements Callable<Integer> {

        @Parameters(paramLabel = "TYPE", description = "Generator id: ring, tree, erdos-renyi, complete, star, grid, "
                + "watts-strogatz, barabasi-albert, hypercube, random-regular, random-geometric, exponential.")
        String type;

        @Option(names = "--nodes", paramLabel = "N") Long nodes;
        @Option(names = "--p", paramLabel = "P", description = "Link probability (erdos-renyi).") Double p;
        @Option(names = "--branching", paramLabel = "B", description = "Children per node (tree).") Long branching;
        @Option(names = "--k", paramLabel = "K", description = "Ring-lattice degree (watts-strogatz).") Long k;
        @Option(names = "--beta", paramLabel = "B", description = "Rewiring probability (watts-strogatz).") Double beta;
        @Option(names = "--m", paramLabel = "M", description = "Links per new node (barabasi-albert).") Long m;
        @Option(names = "--connected", description = "Redraw until connected (erdos-renyi).") Boolean connected;
        @Option(names = "--rows", paramLabel = "R") Long rows;
        @Option(names = "--cols", paramLabel = "C") Long cols;
        @Option(names = "--torus", description = "Wrap the grid around.") Boolean torus;
        @Option(names = "--dimension", paramLabel = "D", description = "Hypercube dimension.") Long dimension;
        @Option(names = "--degree", paramLabel = "D", description = "Degree (random-regular).") Long degree;
        @Option(names = "--radius", paramLabel = "R", description = "Radio range in the unit square (random-geometric).") Double radius;
        @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Experiment seed (default ${DEFAULT-VALUE}).") long seed;
        @Option(names = "--bandwidth-mbps", paramLabel = "X", description = "Bandwidth of every link, Mbit/s per direction.") Double bandwidth;
        @Option(names = "--latency-ms", paramLabel = "Y", description = "Latency of every link, ms.") Double latency;
        @Option(names = "--out", required = true, paramLabel = "FILE") Path out;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        /** The generator parameters given on the command line, keyed by their JSON names. */
        Map<String, Object> given() {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "nodes", nodes);
            put(m, "p", p);
            put(m, "branching", branching);
            put(m, "k", k);
            put(m, "beta", beta);
            put(m, "m", this.m);
            put(m, "connected", connected);
            put(m, "rows", rows);
            put(m, "cols", cols);
            put(m, "torus", torus);
            put(m, "dimension", dimension);
            put(m, "degree", degree);
            put(m, "radius", radius);
            return m;
        }

        private static void put(Map<String, Object> m, String k, Object v) {
            if (v != null) {
                m.put(k, v);
            }
        }

        @Override
        public Integer call() {
            TopologyFormat format = TopologyFormat.of(out); // refuses an unknown extension before any work
            Workspace ws = Workspace.standard();
            GeneratorProvider g = ws.generators().get(type);
            List<String> accepted = g.parameters().stream().map(ParameterDescriptor::name).toList();
            for (String name : given().keySet()) {
                if (!accepted.contains(name)) {
                    throw new UserException(type + " takes no --" + name + "; it takes "
                            + accepted.stream().map(a -> "--" + a).collect(Collectors.joining(", ")));
                }
            }
            TopologySpec ts = TopologySpec.generated(type, given());
            if (bandwidth != null || latency != null) {
                ts = ts.withDefaults(new TopologySpec.DefaultsSpec(Map.of(),
                        new TopologySpec.LinkDefaultsSpec(bandwidth, latency)));
            }
            Topology t = ts.build(ws.generators(), seed);
            TopologyIO.write(t, out);
            spec.commandLine().getOut().printf("%s: %d nodes, %d links (%s, seed %d) -> %s%n", type, t.nodeCount(),
                    t.linkCount(), format.name().toLowerCase(java.util.Locale.ROOT), seed, out);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "convert", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Convert a topology between formats (by extension: .json .graphml .gml .dot).",
                    "IN may be an experiment file: its topology is written."})
    static final class Convert implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "IN") Path in;
        @Parameters(index = "1", paramLabel = "OUT") Path out;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            TopologyFormat.of(out);
            Workspace ws = Workspace.standard();
            Topology t = TopologyIO.read(in, ws.generators());
            TopologyIO.write(t, out);
            spec.commandLine().getOut().printf("%s -> %s: %d nodes, %d links%n", in, out, t.nodeCount(), t.linkCount());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
