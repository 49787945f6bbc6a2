package org.edgeai.model.run;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.engine.LinkEvent;
import org.edgeai.model.engine.NetworkEffects;
import org.edgeai.model.experiment.Experiment;
import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.experiment.ExperimentFileException;
import org.edgeai.model.experiment.Names;
import org.edgeai.model.experiment.PrettyJson;
import org.edgeai.model.experiment.Section;
import org.edgeai.model.experiment.Seeds;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.learning.Workloads;
import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.CompressorProvider;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.learning.partition.Partitions;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.LinkKey;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;

/**
 * An experiment made ready to run: every section validated (errors located in the file,
 * {@code file:line:col: json.path: problem}, unknown keys listing the known ones), the topology built, the
 * data holders chosen, the workload loaded, the compression configured. Immutable and reusable: each
 * {@link ExperimentRunner#run} makes a fresh learning state and engine from it, so running a plan twice gives
 * the same outputs.
 *
 * <h2>The sections a run reads</h2>
 * <ul>
 *   <li>{@code algorithm}: {@code type} (an {@link AlgorithmProvider} id) and that provider's parameters
 *       (required; a pipeline or split experiment is refused with a pointer to its command);</li>
 *   <li>{@code workload}: {@link Workloads} (absent: its defaults, classification of digits with softmax);
 *       a {@code csv} data set's path is relative to the experiment file;</li>
 *   <li>{@code compression}: {@code type} (a {@link CompressorProvider} id, default {@code none}), that
 *       provider's parameters, and the run's own key {@code direction}: {@code uplink} (default: only
 *       device-to-server messages of centralized algorithms are compressed) or {@code both};</li>
 *   <li>{@code network}: {@link #NETWORK_KEYS} as in {@link NetworkEffects}; each link event is
 *       {@code { "timeS": 5, "source": "n0", "target": "n1", "up": false }};</li>
 *   <li>{@code run.rounds} and {@code seed}.</li>
 * </ul>
 *
 * <h2>Data holders (RunSetup's contract)</h2>
 * A {@link AlgorithmProvider.Family#CENTRALIZED centralized} algorithm's rows are the devices, in topology
 * order (servers and clouds aggregate); a {@link AlgorithmProvider.Family#DECENTRALIZED decentralized} one's
 * rows are all nodes. Pipeline algorithms do not run here.
 *
 * <h2>Seeds</h2>
 * The engine takes the experiment seed itself ({@code SeedStreams}); the workload gets
 * {@code Seeds.derive(seed, "workload")} and the compressors {@code Seeds.derive(seed, "compression")}
 * ({@link org.edgeai.model.experiment.Seeds}), so neither shifts the other's numbers.
 */
public final class RunPlan {

    /** Keys of the {@code network} section, in the order they are written. */
    public static final List<String> NETWORK_KEYS = List.of("computeSpread", "stragglerProbability", "stragglerSlowdown",
            "dropoutProbability", "roundDeadlineS", "linkEvents");
    /** Keys of one link event. */
    public static final List<String> LINK_EVENT_KEYS = List.of("timeS", "source", "target", "up");
    /** Values of {@code compression.direction}. */
    public static final List<String> DIRECTIONS = List.of("uplink", "both");
    /** Name of the workload's seed stream. */
    public static final String WORKLOAD_STREAM = "workload";
    /** Name of the compressors' seed stream. */
    public static final String COMPRESSION_STREAM = "compression";

    private final Experiment experiment;
    private final Topology topology;
    private final AlgorithmProvider algorithm;
    private final Parameters algorithmParameters;
    private final Section algorithmSection;
    private final Map<String, Object> workloadResolved;
    private final Workload workload;
    private final int[] holderNode;
    private final int[] rowOf;
    private final String compressionType;
    private final Parameters compressionParameters;
    private final CompressionScheme compression;
    private final boolean compressDownlink;
    private final NetworkEffects effects;
    private final int rounds;
    private final ObjectNode filled;

    private RunPlan(Experiment experiment, Topology topology, Section algorithmSection, AlgorithmProvider algorithm,
                    Parameters algorithmParameters, Map<String, Object> workloadResolved, Workload workload, int[] holderNode,
                    int[] rowOf, String compressionType, Parameters compressionParameters, CompressionScheme compression,
                    boolean compressDownlink, NetworkEffects effects, int rounds, ObjectNode filled) {
        this.experiment = experiment;
        this.topology = topology;
        this.algorithmSection = algorithmSection;
        this.algorithm = algorithm;
        this.algorithmParameters = algorithmParameters;
        this.workloadResolved = workloadResolved;
        this.workload = workload;
        this.holderNode = holderNode;
        this.rowOf = rowOf;
        this.compressionType = compressionType;
        this.compressionParameters = compressionParameters;
        this.compression = compression;
        this.compressDownlink = compressDownlink;
        this.effects = effects;
        this.rounds = rounds;
        this.filled = filled;
    }

    /**
     * Validates every section a run reads, builds the topology and loads the workload. Cheap sections are
     * checked before the topology is generated and the data loaded, so a typo is reported at once.
     *
     * @throws ExperimentFileException located at the first problem
     */
    public static RunPlan of(Experiment e, RunRegistries registries) {
        // 1. sections, cheapest first
        Section alg = algorithmSection(e);
        Section.Configured<AlgorithmProvider> configured = alg.provider("type", registries.algorithms(), "algorithm");
        AlgorithmProvider provider = configured.provider();
        if (provider.family() == AlgorithmProvider.Family.PIPELINE) {
            throw alg.errorAt("type", "'" + provider.id() + "' is a pipeline algorithm; run it with the pipeline command");
        }
        Optional<Section> wl = e.section("workload");
        Map<String, Object> workloadRaw = wl.map(RunPlan::validateWorkload).orElseGet(LinkedHashMap::new);
        Map<String, Object> workloadResolved;
        try {
            workloadResolved = Workloads.resolve(workloadRaw);
        } catch (IllegalArgumentException ex) {
            throw locate(e, wl, "workload", ex);
        }

        long seed = e.seed();
        Optional<Section> cs = e.section("compression");
        String compressionType = "none";
        Parameters compressionParams = Parameters.of(Map.of());
        CompressionScheme scheme = Compressors.none();
        boolean downlink = false;
        if (cs.isPresent()) {
            Section c = cs.get();
            compressionType = c.requireString("type");
            Optional<CompressorProvider> cp = registries.compressors().find(compressionType);
            if (cp.isEmpty()) {
                throw c.errorAt("type", Names.unknown("compressor", compressionType, registries.compressors().ids()));
            }
            downlink = "both".equals(c.choice("direction", "uplink", DIRECTIONS));
            compressionParams = c.parameters(cp.get(), List.of("type", "direction"));
            try {
                scheme = cp.get().create(compressionParams, Seeds.derive(seed, COMPRESSION_STREAM));
            } catch (IllegalArgumentException ex) {
                throw c.error(ex.getMessage());
            }
        }

        Optional<Section> ns = e.section("network");
        NetworkEffects effects = ns.map(RunPlan::network).orElse(NetworkEffects.DEFAULTS);
        long roundsLong = e.rounds();
        if (roundsLong > Integer.MAX_VALUE) {
            throw new ExperimentFileException(origin(e), 0, 0, "run.rounds", "expected at most " + Integer.MAX_VALUE
                    + " rounds for a simulated run, got " + roundsLong);
        }

        // 2. the topology, and what needs it
        Topology topology = e.buildTopology(registries.generators());
        if (ns.isPresent()) {
            checkLinkEvents(ns.get(), effects, topology);
        }
        IndexedGraph g = topology.indexed();
        int n = g.nodeCount();
        if (n == 0) {
            throw new ExperimentFileException(origin(e), 0, 0, "topology", "the topology has no nodes");
        }
        int[] rowOf = new int[n];
        List<Integer> holders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean holds = provider.family() == AlgorithmProvider.Family.DECENTRALIZED || g.kind(i) == NodeKind.DEVICE;
            rowOf[i] = holds ? holders.size() : -1;
            if (holds) {
                holders.add(i);
            }
        }
        if (holders.isEmpty()) {
            throw alg.errorAt("type", "'" + provider.id() + "' is a centralized algorithm: its devices hold the data, and the "
                    + "topology has no node of kind device");
        }
        int[] holderNode = holders.stream().mapToInt(Integer::intValue).toArray();

        // 3. the workload (loads or generates data: the slow part)
        Path base = e.source().map(p -> p.toAbsolutePath().getParent()).orElse(null);
        Workload workload;
        try {
            workload = Workloads.create(workloadRaw, holderNode.length, Seeds.derive(seed, WORKLOAD_STREAM), base);
        } catch (IllegalArgumentException | UncheckedIOException ex) {
            throw locate(e, wl, "workload", ex);
        }

        ObjectNode filled = filledTree(e, registries, provider, configured.parameters(), workloadResolved, compressionType,
                compressionParams, downlink, effects);
        return new RunPlan(e, topology, alg, provider, configured.parameters(), Collections.unmodifiableMap(workloadResolved),
                workload, holderNode, rowOf, compressionType, compressionParams, scheme, downlink, effects, (int) roundsLong,
                filled);
    }

    private static Section algorithmSection(Experiment e) {
        Optional<Section> s = e.section("algorithm");
        if (s.isPresent()) {
            return s.get();
        }
        String why;
        if (e.section("pipeline").isPresent()) {
            why = "this is a pipeline experiment: run it with the pipeline command";
        } else if (e.section("split").isPresent()) {
            why = "this is a split-inference experiment: run it with the split command";
        } else {
            why = "missing; a run needs an algorithm, e.g. \"algorithm\": { \"type\": \"dsgd\" }";
        }
        throw new ExperimentFileException(origin(e), 0, 0, "algorithm", why);
    }

    private static String origin(Experiment e) {
        return e.source().map(p -> String.valueOf(p.getFileName())).orElse("");
    }

    // ------------------------------------------------------------------ workload

    /** Checks the workload section with located errors; returns it as plain values. */
    static Map<String, Object> validateWorkload(Section w) {
        String task = w.choice("task", "classification", Workloads.TASKS);
        List<ParameterDescriptor> own = Workloads.taskParameters(task);
        List<String> keys = new ArrayList<>();
        keys.add("task");
        own.forEach(d -> keys.add(d.name()));
        boolean classification = task.equals("classification");
        if (classification) {
            keys.addAll(List.of("dataset", "model", "partition"));
        }
        w.checkKeys(keys);
        for (ParameterDescriptor d : own) {
            w.value(d.name(), d);
        }
        if (classification) {
            typed(w, "dataset", "digits", Workloads.DATASETS, Workloads::datasetParameters);
            typed(w, "model", "softmax", Workloads.MODELS, Workloads::modelParameters);
            typed(w, "partition", "iid", Partitions.TYPES, Workloads::partitionParameters);
        }
        return JsonValues.toMap(w.json());
    }

    private static void typed(Section w, String key, String defaultType, List<String> types,
                              Function<String, List<ParameterDescriptor>> params) {
        Optional<Section> s = w.section(key);
        if (s.isEmpty()) {
            return;
        }
        Section sub = s.get();
        String type = sub.has("type") ? sub.requireString("type") : defaultType;
        if (!types.contains(type)) {
            throw sub.errorAt("type", Names.unknown(key.equals("dataset") ? "data set" : key, type, types));
        }
        List<ParameterDescriptor> ds = params.apply(type);
        List<String> keys = new ArrayList<>();
        keys.add("type");
        ds.forEach(d -> keys.add(d.name()));
        sub.checkKeys(keys);
        for (ParameterDescriptor d : ds) {
            sub.value(d.name(), d);
        }
    }

    private static final Pattern PATH_PREFIX = Pattern.compile("^([A-Za-z]+(?:\\.[A-Za-z]+)*): (.*)$", Pattern.DOTALL);

    /**
     * A located error from a plain exception of the learning side, whose message may start with a JSON path
     * ({@code workload.dataset: ...}); located at that path, else at {@code fallback}.
     */
    private static ExperimentFileException locate(Experiment e, Optional<Section> section, String fallback, RuntimeException ex) {
        String msg = ex instanceof UncheckedIOException u && u.getCause() != null ? u.getCause().getMessage() : ex.getMessage();
        msg = msg == null ? ex.getClass().getSimpleName() : msg;
        String path = fallback;
        String problem = msg;
        Matcher m = PATH_PREFIX.matcher(msg);
        if (m.matches()) {
            String p = m.group(1);
            if (p.startsWith("dataset.") || p.startsWith("model.") || p.startsWith("partition.")) {
                p = fallback + "." + p; // the data readers name paths inside the workload section
            }
            if (p.equals(fallback) || p.startsWith(fallback + ".")) {
                path = p;
                problem = m.group(2);
            }
        }
        if (section.isPresent()) {
            ExperimentFileException at = section.get().error(path, problem);
            return new ExperimentFileException(at.file(), at.line(), at.column(), at.path(), at.problem(), ex);
        }
        return new ExperimentFileException(origin(e), 0, 0, path, problem, ex);
    }

    // ------------------------------------------------------------------ network

    private static NetworkEffects network(Section n) {
        n.checkKeys(NETWORK_KEYS);
        NetworkEffects d = NetworkEffects.DEFAULTS;
        double spread = n.number("computeSpread", d.computeSpread(), 0, Double.POSITIVE_INFINITY);
        double pStraggle = n.number("stragglerProbability", d.stragglerProbability(), 0, 1);
        double slowdown = n.number("stragglerSlowdown", d.stragglerSlowdown(), 1, Double.POSITIVE_INFINITY);
        double pDrop = n.number("dropoutProbability", d.dropoutProbability(), 0, 1);
        Double deadline = n.positive("roundDeadlineS", null);
        List<LinkEvent> events = new ArrayList<>();
        for (Section ev : n.sections("linkEvents")) {
            ev.checkKeys(LINK_EVENT_KEYS);
            if (!ev.has("timeS")) {
                throw ev.errorAt("timeS", "missing; expected the time in seconds (a number >= 0)");
            }
            double t = ev.number("timeS", null, 0, Double.POSITIVE_INFINITY);
            String src = ev.requireString("source");
            String dst = ev.requireString("target");
            if (!ev.has("up")) {
                throw ev.errorAt("up", "missing; expected false (the link goes down) or true (it comes back up)");
            }
            boolean up = ev.bool("up", null);
            events.add(new LinkEvent(t, src, dst, up));
        }
        try {
            return new NetworkEffects(spread, pStraggle, slowdown, pDrop, deadline, events);
        } catch (IllegalArgumentException ex) {
            throw n.error(ex.getMessage());
        }
    }

    private static void checkLinkEvents(Section n, NetworkEffects fx, Topology t) {
        List<LinkEvent> events = fx.linkEvents();
        for (int k = 0; k < events.size(); k++) {
            LinkEvent ev = events.get(k);
            String p = n.pathOf("linkEvents") + "[" + k + "]";
            for (String id : List.of(ev.source(), ev.target())) {
                if (!t.hasNode(id)) {
                    throw n.error(p + "." + (id.equals(ev.source()) ? "source" : "target"),
                            Names.unknown("node", id, t.indexed().ids().size() <= 50 ? t.indexed().ids() : List.of()));
                }
            }
            if (!t.hasLink(ev.source(), ev.target())) {
                throw n.error(p, "no link " + LinkKey.of(ev.source(), ev.target()) + " in the topology");
            }
        }
    }

    // ------------------------------------------------------------------ the experiment as run

    private static ObjectNode filledTree(Experiment e, RunRegistries r, AlgorithmProvider provider, Parameters algParams,
                                         Map<String, Object> workload, String compressionType, Parameters compressionParams,
                                         boolean downlink, NetworkEffects fx) {
        ObjectNode base = ExperimentFile.toTree(e.withDefaults(r.generators()), true);
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        for (String key : Experiment.KEYS) {
            switch (key) {
                case "workload" -> out.set(key, JsonValues.toJson(workload));
                case "algorithm" -> {
                    ObjectNode a = out.putObject(key);
                    a.put("type", provider.id());
                    algParams.asMap().forEach((k, v) -> a.set(k, PrettyJson.node(v)));
                }
                case "compression" -> {
                    ObjectNode c = out.putObject(key);
                    c.put("type", compressionType);
                    compressionParams.asMap().forEach((k, v) -> c.set(k, PrettyJson.node(v)));
                    c.put("direction", downlink ? "both" : "uplink");
                }
                case "network" -> out.set(key, networkJson(fx));
                case "run" -> out.putObject(key).put("rounds", e.rounds());
                default -> {
                    JsonNode v = base.get(key);
                    if (v != null) {
                        out.set(key, v);
                    }
                }
            }
        }
        return out;
    }

    /** The network section with every default written, keys in the order of {@link #NETWORK_KEYS}. */
    static ObjectNode networkJson(NetworkEffects fx) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("computeSpread", PrettyJson.node(fx.computeSpread()));
        o.set("stragglerProbability", PrettyJson.node(fx.stragglerProbability()));
        o.set("stragglerSlowdown", PrettyJson.node(fx.stragglerSlowdown()));
        o.set("dropoutProbability", PrettyJson.node(fx.dropoutProbability()));
        o.set("roundDeadlineS", PrettyJson.node(fx.roundDeadlineS()));
        ArrayNode evs = o.putArray("linkEvents");
        for (LinkEvent ev : fx.linkEvents()) {
            ObjectNode x = evs.addObject();
            x.set("timeS", PrettyJson.node(ev.timeS()));
            x.put("source", ev.source());
            x.put("target", ev.target());
            x.put("up", ev.up());
        }
        return o;
    }

    // ------------------------------------------------------------------ accessors

    /** The experiment this plan was made from (its overrides applied). */
    public Experiment experiment() {
        return experiment;
    }

    /** The built topology (do not modify: every run copies it). */
    public Topology topology() {
        return topology;
    }

    public AlgorithmProvider algorithm() {
        return algorithm;
    }

    /** The algorithm's validated parameters, every default filled in. */
    public Parameters algorithmParameters() {
        return algorithmParameters;
    }

    /** The algorithm section, for locating errors the provider raises when it sees the topology. */
    public Section algorithmSection() {
        return algorithmSection;
    }

    /** The workload section with every default filled in ({@link Workloads#resolve}). */
    public Map<String, Object> workloadResolved() {
        return workloadResolved;
    }

    public Workload workload() {
        return workload;
    }

    /** Topology index of each learning row (a copy). */
    public int[] holderNode() {
        return holderNode.clone();
    }

    /** Learning row of each topology node, or -1 (a copy). */
    public int[] rowOf() {
        return rowOf.clone();
    }

    /** {@code compression.type}, {@code none} when the file has no compression section. */
    public String compressionType() {
        return compressionType;
    }

    public Parameters compressionParameters() {
        return compressionParameters;
    }

    public CompressionScheme compression() {
        return compression;
    }

    /** {@code compression.direction == both}. */
    public boolean compressDownlink() {
        return compressDownlink;
    }

    public NetworkEffects effects() {
        return effects;
    }

    /** {@code run.rounds}. */
    public int rounds() {
        return rounds;
    }

    /** The experiment seed. */
    public long seed() {
        return experiment.seed();
    }

    /**
     * The experiment as run, every default filled in: name, description, seed, topology (defaults and generator
     * parameters), workload ({@link Workloads#resolve}), algorithm and compression parameters, network, run;
     * keys in the order of {@link Experiment#KEYS}. A copy.
     */
    public ObjectNode filledExperiment() {
        return filled.deepCopy();
    }
}
