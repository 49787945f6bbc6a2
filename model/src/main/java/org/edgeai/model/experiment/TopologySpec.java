package org.edgeai.model.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.LinkDefaults;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeDefaults;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.GenerationException;
import org.edgeai.model.topology.generate.GeneratorProvider;
import org.edgeai.model.topology.generate.LayoutKind;
import org.edgeai.model.topology.generate.TopologyBuilder;
import org.edgeai.model.topology.layout.Layouts;

/**
 * The {@code topology} section of an experiment, kept as the user wrote it (a generator, per-kind
 * defaults, listed nodes and links that override or add to the generated ones, an optional layout), so that
 * saving reproduces the file's intent; {@link #build} turns it into a {@link Topology}.
 *
 * <pre>{@code
 * "topology": {
 *   "generator": { "type": "ring", "nodes": 16 },
 *   "defaults": { "device": { "computeGflops": 5, "memoryMb": 4096 }, ..., "link": { "bandwidthMbps": 20, "latencyMs": 10 } },
 *   "nodes": [ { "id": "n3", "kind": "device", "computeGflops": 1 } ],
 *   "links": [ { "source": "n0", "target": "n8", "bandwidthMbps": 100, "latencyMs": 2 } ],
 *   "layout": "circle"
 * }
 * }</pre>
 *
 * <p>Rules of {@link #build}:
 * <ul>
 *   <li>Generated nodes are {@code n0, n1, ...} ({@link TopologyBuilder}); the generator's seed is
 *       {@code Seeds.derive(experimentSeed, "topology")}, a random layout's {@code Seeds.derive(experimentSeed, "layout")}.</li>
 *   <li>A listed node with the id of a generated one overrides only the keys it gives. Compute and memory
 *       of a generated node come from the defaults of its kind, so a listed {@code "kind": "server"} alone
 *       also gives it the server defaults. Other listed nodes are added (kind {@code device} unless given).</li>
 *   <li>A listed link between the endpoints of an existing link overrides only the keys it gives; others are
 *       added with the link defaults. An endpoint that is no node is an error naming it.</li>
 *   <li>Without a generator, the listed nodes and links are the whole topology.</li>
 *   <li>Positions: a listed {@code x}/{@code y} always wins. With {@code layout}, every other node is placed by
 *       that layout. Otherwise generated nodes keep the generator's placement; added nodes without a position
 *       are placed around their positioned neighbours; when no node has a position, the {@code force} layout
 *       places all.</li>
 * </ul>
 *
 * <p>Immutable. Numbers are in the units of {@link Node} and {@link Link} (GFLOP/s, MB, Mbit/s, ms).
 */
public final class TopologySpec {

    /** Keys of the topology section, in the order they are written. */
    public static final List<String> KEYS = List.of("generator", "defaults", "nodes", "links", "layout");
    /** Keys of a listed node, in the order they are written. */
    public static final List<String> NODE_KEYS = List.of("id", "kind", "computeGflops", "memoryMb", "x", "y", "label", "accessMbps");
    /** Keys of a listed link, in the order they are written. */
    public static final List<String> LINK_KEYS = List.of("source", "target", "bandwidthMbps", "latencyMs", "weight");
    /** Keys of {@code defaults}, in the order they are written. */
    public static final List<String> DEFAULTS_KEYS = List.of("device", "server", "cloud", "link");

    /**
     * A generator by id and its parameters as written (Long, Double, Boolean or String values, in written
     * order; the {@code type} key is not among them).
     */
    public record GeneratorSpec(String type, Map<String, Object> params) {
        public GeneratorSpec {
            Objects.requireNonNull(type, "type");
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        }

        public static GeneratorSpec of(String type, Map<String, Object> params) {
            return new GeneratorSpec(type, params);
        }
    }

    /** Defaults of one node kind as written; {@code null} for a key not given. */
    public record KindDefaults(Double computeGflops, Double memoryMb) {
    }

    /** Link defaults as written; {@code null} for a key not given. */
    public record LinkDefaultsSpec(Double bandwidthMbps, Double latencyMs) {
    }

    /**
     * The {@code defaults} object as written: only the kinds and keys given; the rest falls back to
     * {@link TopologyDefaults#standard()}.
     */
    public record DefaultsSpec(Map<NodeKind, KindDefaults> nodes, LinkDefaultsSpec link) {
        public DefaultsSpec {
            EnumMap<NodeKind, KindDefaults> m = new EnumMap<>(NodeKind.class);
            if (nodes != null) {
                m.putAll(nodes);
            }
            nodes = Collections.unmodifiableMap(m);
        }

        public static DefaultsSpec none() {
            return new DefaultsSpec(Map.of(), null);
        }

        /** The defaults in force: what is written, the standard values for the rest. */
        public TopologyDefaults resolve() {
            TopologyDefaults std = TopologyDefaults.standard();
            Map<NodeKind, NodeDefaults> m = new EnumMap<>(NodeKind.class);
            for (NodeKind k : NodeKind.values()) {
                NodeDefaults s = std.node(k);
                KindDefaults w = nodes.get(k);
                m.put(k, w == null ? s : new NodeDefaults(w.computeGflops() != null ? w.computeGflops() : s.computeGflops(),
                        w.memoryMb() != null ? w.memoryMb() : s.memoryMb()));
            }
            LinkDefaults l = std.link();
            if (link != null) {
                l = new LinkDefaults(link.bandwidthMbps() != null ? link.bandwidthMbps() : l.bandwidthMbps(),
                        link.latencyMs() != null ? link.latencyMs() : l.latencyMs());
            }
            return new TopologyDefaults(m, l);
        }

        /** Every kind and key written out with the values in force. */
        public DefaultsSpec filled() {
            TopologyDefaults d = resolve();
            Map<NodeKind, KindDefaults> m = new EnumMap<>(NodeKind.class);
            for (NodeKind k : NodeKind.values()) {
                m.put(k, new KindDefaults(d.node(k).computeGflops(), d.node(k).memoryMb()));
            }
            return new DefaultsSpec(m, new LinkDefaultsSpec(d.link().bandwidthMbps(), d.link().latencyMs()));
        }

        public static DefaultsSpec of(TopologyDefaults d) {
            Map<NodeKind, KindDefaults> m = new EnumMap<>(NodeKind.class);
            for (NodeKind k : NodeKind.values()) {
                m.put(k, new KindDefaults(d.node(k).computeGflops(), d.node(k).memoryMb()));
            }
            return new DefaultsSpec(m, new LinkDefaultsSpec(d.link().bandwidthMbps(), d.link().latencyMs()));
        }

        boolean isEmpty() {
            return nodes.isEmpty() && link == null;
        }
    }

    /** A listed node: {@code id} is required, every other key is {@code null} when not given. */
    public record NodeSpec(String id, NodeKind kind, Double computeGflops, Double memoryMb, Double x, Double y,
                           String label, Double accessMbps) {
        public NodeSpec {
            Objects.requireNonNull(id, "id");
        }

        /** Only an id: a node of the defaults of its kind. */
        public static NodeSpec id(String id) {
            return new NodeSpec(id, null, null, null, null, null, null, null);
        }

        /**
         * The node with every property written out, except those equal to {@code defaults} (when not null),
         * an empty label and no access capacity.
         */
        public static NodeSpec of(Node n, TopologyDefaults defaults) {
            NodeDefaults d = defaults == null ? null : defaults.node(n.kind());
            return new NodeSpec(n.id(), n.kind(),
                    d != null && d.computeGflops() == n.computeGflops() ? null : n.computeGflops(),
                    d != null && d.memoryMb() == n.memoryMb() ? null : n.memoryMb(),
                    n.x(), n.y(), n.label().isEmpty() ? null : n.label(), n.accessMbps());
        }
    }

    /** A listed link: endpoints required, every other key {@code null} when not given. */
    public record LinkSpec(String source, String target, Double bandwidthMbps, Double latencyMs, Double weight) {
        public LinkSpec {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }

        /** The link with every property written out, except those equal to {@code defaults} (when not null). */
        public static LinkSpec of(Link l, TopologyDefaults defaults) {
            LinkDefaults d = defaults == null ? null : defaults.link();
            return new LinkSpec(l.source(), l.target(),
                    d != null && d.bandwidthMbps() == l.bandwidthMbps() ? null : l.bandwidthMbps(),
                    d != null && d.latencyMs() == l.latencyMs() ? null : l.latencyMs(), l.weight());
        }
    }

    private final GeneratorSpec generator;
    private final DefaultsSpec defaults;
    private final List<NodeSpec> nodes;
    private final List<LinkSpec> links;
    private final LayoutKind layout;

    // Not part of the value: where it was read from (for located errors) and the generator's parameters as
    // validated at load (every default filled in), for writing the filled-in form without a registry.
    private final String path;
    private final Locator locator;
    private final Parameters generatorParameters;

    private TopologySpec(GeneratorSpec generator, DefaultsSpec defaults, List<NodeSpec> nodes, List<LinkSpec> links,
                         LayoutKind layout, String path, Locator locator, Parameters generatorParameters) {
        this.generator = generator;
        this.defaults = defaults == null ? DefaultsSpec.none() : defaults;
        this.nodes = List.copyOf(nodes == null ? List.of() : nodes);
        this.links = List.copyOf(links == null ? List.of() : links);
        this.layout = layout;
        this.path = path;
        this.locator = locator;
        this.generatorParameters = generatorParameters;
    }

    /**
     * A topology section made in code.
     *
     * @param generator may be null (then the listed nodes and links are the whole topology)
     * @param defaults  may be null (the standard defaults)
     * @param layout    may be null (the generator's own placement)
     */
    public static TopologySpec of(GeneratorSpec generator, DefaultsSpec defaults, List<NodeSpec> nodes,
                                  List<LinkSpec> links, LayoutKind layout) {
        return new TopologySpec(generator, defaults, nodes, links, layout, "topology", Locator.none(""), null);
    }

    /** A generated topology with standard defaults and no overrides. */
    public static TopologySpec generated(String type, Map<String, Object> params) {
        return of(GeneratorSpec.of(type, params), null, List.of(), List.of(), null);
    }

    /**
     * The listed form of an existing topology (e.g. one drawn in the editor): every node and link with
     * its properties; values equal to {@code defaults} are left out when {@code defaults} is not null.
     */
    public static TopologySpec listed(Topology t, TopologyDefaults defaults) {
        List<NodeSpec> ns = new ArrayList<>(t.nodeCount());
        for (Node n : t.nodes()) {
            ns.add(NodeSpec.of(n, defaults));
        }
        List<LinkSpec> ls = new ArrayList<>(t.linkCount());
        for (Link l : t.links()) {
            ls.add(LinkSpec.of(l, defaults));
        }
        DefaultsSpec d = defaults == null || defaults.equals(TopologyDefaults.standard()) ? DefaultsSpec.none() : DefaultsSpec.of(defaults);
        return of(null, d, ns, ls, null);
    }

    // ------------------------------------------------------------------ parsing

    /**
     * Reads and validates a topology section: keys, types and ranges of every value, the generator's type
     * and parameters (against its provider's descriptors), duplicate node ids and links. Whether link
     * endpoints exist is checked by {@link #build}, which knows the generated node ids.
     *
     * @param s        the section (at {@code topology} in an experiment, or a whole topology file)
     * @param registry the generators to choose from
     * @throws ExperimentFileException located at the first problem
     */
    public static TopologySpec parse(Section s, ProviderRegistry<GeneratorProvider> registry) {
        s.checkKeys(KEYS);
        GeneratorSpec gen = null;
        Parameters genParams = null;
        Optional<Section> g = s.section("generator");
        if (g.isPresent()) {
            Section.Configured<GeneratorProvider> c = g.get().provider("type", registry, "generator");
            genParams = c.parameters();
            Map<String, Object> written = new LinkedHashMap<>();
            for (String key : g.get().keys()) {
                if (!key.equals("type") && g.get().has(key)) {
                    written.put(key, genParams.get(key));
                }
            }
            gen = new GeneratorSpec(c.provider().id(), written);
        }
        LayoutKind layout = null;
        String lay = s.choice("layout", null, layoutIds());
        if (lay != null) {
            layout = LayoutKind.fromId(lay);
        }
        DefaultsSpec defaults = DefaultsSpec.none();
        Optional<Section> d = s.section("defaults");
        if (d.isPresent()) {
            d.get().checkKeys(DEFAULTS_KEYS);
            Map<NodeKind, KindDefaults> m = new EnumMap<>(NodeKind.class);
            for (NodeKind k : NodeKind.values()) {
                Optional<Section> ks = d.get().section(k.id());
                if (ks.isPresent()) {
                    ks.get().checkKeys("computeGflops", "memoryMb");
                    m.put(k, new KindDefaults(ks.get().positive("computeGflops", null), ks.get().positive("memoryMb", null)));
                }
            }
            LinkDefaultsSpec link = null;
            Optional<Section> ls = d.get().section("link");
            if (ls.isPresent()) {
                ls.get().checkKeys("bandwidthMbps", "latencyMs");
                link = new LinkDefaultsSpec(ls.get().positive("bandwidthMbps", null),
                        ls.get().number("latencyMs", null, 0, Double.POSITIVE_INFINITY));
            }
            defaults = new DefaultsSpec(m, link);
        }
        List<NodeSpec> nodes = new ArrayList<>();
        Map<String, String> seenNodes = new HashMap<>();
        for (Section n : s.sections("nodes")) {
            n.checkKeys(NODE_KEYS);
            String id = n.requireString("id");
            if (id.isBlank()) {
                throw n.errorAt("id", "expected a non-empty node id, got \"" + id + "\"");
            }
            String first = seenNodes.putIfAbsent(id, n.path());
            if (first != null) {
                throw n.errorAt("id", "node '" + id + "' is listed twice (first at " + first + ")");
            }
            String kind = n.choice("kind", null, kindIds());
            nodes.add(new NodeSpec(id, kind == null ? null : NodeKind.fromId(kind),
                    n.positive("computeGflops", null), n.positive("memoryMb", null),
                    n.number("x", null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
                    n.number("y", null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
                    n.string("label", null), n.positive("accessMbps", null)));
        }
        List<LinkSpec> links = new ArrayList<>();
        Map<org.edgeai.model.topology.LinkKey, String> seenLinks = new HashMap<>();
        for (Section l : s.sections("links")) {
            l.checkKeys(LINK_KEYS);
            String src = l.requireString("source");
            String dst = l.requireString("target");
            if (src.equals(dst)) {
                throw l.errorAt("target", "a link must join two different nodes, got '" + src + "' at both ends");
            }
            String first = seenLinks.putIfAbsent(org.edgeai.model.topology.LinkKey.of(src, dst), l.path());
            if (first != null) {
                throw l.error("link " + src + " -- " + dst + " is listed twice (first at " + first + ")");
            }
            links.add(new LinkSpec(src, dst, l.positive("bandwidthMbps", null),
                    l.number("latencyMs", null, 0, Double.POSITIVE_INFINITY),
                    l.number("weight", null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)));
        }
        if (gen == null && nodes.isEmpty()) {
            throw s.error("expected a \"generator\" or listed \"nodes\" (or both), got neither");
        }
        return new TopologySpec(gen, defaults, nodes, links, layout, s.path(), s.locator(), genParams);
    }

    private static List<String> kindIds() {
        List<String> l = new ArrayList<>();
        for (NodeKind k : NodeKind.values()) {
            l.add(k.id());
        }
        return l;
    }

    private static List<String> layoutIds() {
        List<String> l = new ArrayList<>();
        for (LayoutKind k : LayoutKind.values()) {
            l.add(k.id());
        }
        return l;
    }

    // ------------------------------------------------------------------ accessors and edits

    /** The generator, or empty when the listed nodes and links are the whole topology. */
    public Optional<GeneratorSpec> generator() {
        return Optional.ofNullable(generator);
    }

    public DefaultsSpec defaults() {
        return defaults;
    }

    public List<NodeSpec> nodes() {
        return nodes;
    }

    public List<LinkSpec> links() {
        return links;
    }

    /** The layout given in the file, or empty for the generator's own placement. */
    public Optional<LayoutKind> layout() {
        return Optional.ofNullable(layout);
    }

    public TopologySpec withGenerator(GeneratorSpec g) {
        return new TopologySpec(g, defaults, nodes, links, layout, path, locator, null);
    }

    public TopologySpec withDefaults(DefaultsSpec d) {
        return new TopologySpec(generator, d, nodes, links, layout, path, locator, generatorParameters);
    }

    public TopologySpec withNodes(List<NodeSpec> n) {
        return new TopologySpec(generator, defaults, n, links, layout, path, locator, generatorParameters);
    }

    public TopologySpec withLinks(List<LinkSpec> l) {
        return new TopologySpec(generator, defaults, nodes, l, layout, path, locator, generatorParameters);
    }

    public TopologySpec withLayout(LayoutKind k) {
        return new TopologySpec(generator, defaults, nodes, links, k, path, locator, generatorParameters);
    }

    /**
     * This spec with every default written out: all kinds and keys of {@code defaults}, and the generator's
     * parameters in descriptor order with their defaults (when this spec was validated by {@link #parse};
     * else as written). Listed nodes and links are kept as they are.
     */
    public TopologySpec withDefaultsFilled() {
        GeneratorSpec g = generator;
        if (g != null && generatorParameters != null) {
            g = new GeneratorSpec(g.type(), generatorParameters.asMap());
        }
        return new TopologySpec(g, defaults.filled(), nodes, links, layout, path, locator, generatorParameters);
    }

    /**
     * This spec with every default written out, the generator's parameters validated by its provider in
     * {@code registry}.
     *
     * @throws ExperimentFileException for an unknown generator or a bad parameter
     */
    public TopologySpec withDefaultsFilled(ProviderRegistry<GeneratorProvider> registry) {
        if (generator == null) {
            return withDefaultsFilled();
        }
        Parameters p = validateGenerator(registry);
        return new TopologySpec(new GeneratorSpec(generator.type(), p.asMap()), defaults.filled(), nodes, links, layout,
                path, locator, p);
    }

    // ------------------------------------------------------------------ writing

    /**
     * The section as JSON, keys in the order of {@link #KEYS} (generator: {@code type} first, then its
     * parameters), listed nodes and links with the keys they give in the order of {@link #NODE_KEYS} and
     * {@link #LINK_KEYS}. Empty parts are left out.
     *
     * @param fillDefaults write {@link #withDefaultsFilled()} instead of this spec
     */
    public ObjectNode toJson(boolean fillDefaults) {
        TopologySpec t = fillDefaults ? withDefaultsFilled() : this;
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        if (t.generator != null) {
            ObjectNode g = o.putObject("generator");
            g.put("type", t.generator.type());
            List<String> order = new ArrayList<>();
            if (t.generatorParameters != null) {
                // descriptor order, so that a parameter's place does not depend on how it was written
                for (String k : t.generatorParameters.asMap().keySet()) {
                    if (t.generator.params().containsKey(k)) {
                        order.add(k);
                    }
                }
            }
            for (String k : t.generator.params().keySet()) {
                if (!order.contains(k)) {
                    order.add(k);
                }
            }
            for (String k : order) {
                g.set(k, PrettyJson.node(t.generator.params().get(k)));
            }
        }
        if (!t.defaults.isEmpty()) {
            ObjectNode d = o.putObject("defaults");
            for (NodeKind k : NodeKind.values()) {
                KindDefaults kd = t.defaults.nodes().get(k);
                if (kd != null) {
                    ObjectNode ko = d.putObject(k.id());
                    putNum(ko, "computeGflops", kd.computeGflops());
                    putNum(ko, "memoryMb", kd.memoryMb());
                }
            }
            if (t.defaults.link() != null) {
                ObjectNode lo = d.putObject("link");
                putNum(lo, "bandwidthMbps", t.defaults.link().bandwidthMbps());
                putNum(lo, "latencyMs", t.defaults.link().latencyMs());
            }
        }
        if (!t.nodes.isEmpty()) {
            ArrayNode a = o.putArray("nodes");
            for (NodeSpec n : t.nodes) {
                ObjectNode no = a.addObject();
                no.put("id", n.id());
                if (n.kind() != null) {
                    no.put("kind", n.kind().id());
                }
                putNum(no, "computeGflops", n.computeGflops());
                putNum(no, "memoryMb", n.memoryMb());
                putNum(no, "x", n.x());
                putNum(no, "y", n.y());
                if (n.label() != null) {
                    no.put("label", n.label());
                }
                putNum(no, "accessMbps", n.accessMbps());
            }
        }
        if (!t.links.isEmpty()) {
            ArrayNode a = o.putArray("links");
            for (LinkSpec l : t.links) {
                ObjectNode lo = a.addObject();
                lo.put("source", l.source());
                lo.put("target", l.target());
                putNum(lo, "bandwidthMbps", l.bandwidthMbps());
                putNum(lo, "latencyMs", l.latencyMs());
                putNum(lo, "weight", l.weight());
            }
        }
        if (t.layout != null) {
            o.put("layout", t.layout.id());
        }
        return o;
    }

    private static void putNum(ObjectNode o, String key, Double v) {
        if (v != null) {
            o.set(key, PrettyJson.num(v));
        }
    }

    // ------------------------------------------------------------------ building

    /**
     * Builds the topology: generates (if there is a generator), applies the defaults, the listed nodes and
     * links, and the positions, by the rules in the class comment. O(n + m) plus the generator's and the
     * layout's cost.
     *
     * @param registry       the generators
     * @param experimentSeed the experiment's seed; the generator gets {@code Seeds.derive(seed, "topology")}
     * @throws ExperimentFileException located at the problem: unknown generator, bad parameters, a generator
     *         that cannot meet its constraints, a link endpoint that is no node
     */
    public Topology build(ProviderRegistry<GeneratorProvider> registry, long experimentSeed) {
        TopologyDefaults d = defaults.resolve();
        long layoutSeed = Seeds.derive(experimentSeed, Seeds.LAYOUT);
        Topology t;
        if (generator != null) {
            Parameters p = validateGenerator(registry);
            GeneratorProvider provider = registry.find(generator.type()).orElseThrow();
            GeneratedGraph g;
            try {
                g = provider.generate(p, Seeds.derive(experimentSeed, Seeds.TOPOLOGY));
            } catch (IllegalArgumentException | GenerationException e) {
                throw error(JsonPath.key(path, "generator"), e.getMessage());
            }
            t = TopologyBuilder.build(g, d, layoutSeed);
        } else {
            t = new Topology();
        }
        List<String> unplaced = new ArrayList<>();
        String nodesPath = JsonPath.key(path, "nodes");
        for (int i = 0; i < nodes.size(); i++) {
            NodeSpec ns = nodes.get(i);
            String np = JsonPath.index(nodesPath, i);
            Optional<Node> existing = t.findNode(ns.id());
            Node n;
            try {
                if (existing.isPresent()) {
                    Node e = existing.get();
                    NodeKind kind = ns.kind() != null ? ns.kind() : e.kind();
                    NodeDefaults kd = d.node(kind);
                    n = new Node(ns.id(), kind,
                            ns.computeGflops() != null ? ns.computeGflops() : kd.computeGflops(),
                            ns.memoryMb() != null ? ns.memoryMb() : kd.memoryMb(),
                            ns.x() != null ? ns.x() : e.x(), ns.y() != null ? ns.y() : e.y(),
                            ns.label() != null ? ns.label() : e.label(),
                            ns.accessMbps() != null ? ns.accessMbps() : e.accessMbps());
                } else {
                    if ((ns.x() == null) != (ns.y() == null)) {
                        throw error(JsonPath.key(np, ns.x() == null ? "y" : "x"), "node '" + ns.id()
                                + "' is not generated, so it needs both x and y (or neither), got only "
                                + (ns.x() == null ? "y" : "x"));
                    }
                    NodeKind kind = ns.kind() != null ? ns.kind() : NodeKind.DEVICE;
                    NodeDefaults kd = d.node(kind);
                    n = new Node(ns.id(), kind,
                            ns.computeGflops() != null ? ns.computeGflops() : kd.computeGflops(),
                            ns.memoryMb() != null ? ns.memoryMb() : kd.memoryMb(),
                            ns.x() != null ? ns.x() : 0, ns.y() != null ? ns.y() : 0,
                            ns.label(), ns.accessMbps());
                    if (ns.x() == null) {
                        unplaced.add(ns.id());
                    }
                }
            } catch (IllegalArgumentException e) {
                throw error(np, e.getMessage());
            }
            t.putNode(n);
        }
        String linksPath = JsonPath.key(path, "links");
        for (int i = 0; i < links.size(); i++) {
            LinkSpec ls = links.get(i);
            String lp = JsonPath.index(linksPath, i);
            for (String end : List.of("source", "target")) {
                String id = end.equals("source") ? ls.source() : ls.target();
                if (!t.hasNode(id)) {
                    throw error(JsonPath.key(lp, end), "no node '" + id + "' in the topology; it has " + describeIds(t));
                }
            }
            Optional<Link> existing = t.findLink(ls.source(), ls.target());
            LinkDefaults ld = d.link();
            Link l;
            try {
                l = new Link(ls.source(), ls.target(),
                        ls.bandwidthMbps() != null ? ls.bandwidthMbps() : existing.map(Link::bandwidthMbps).orElse(ld.bandwidthMbps()),
                        ls.latencyMs() != null ? ls.latencyMs() : existing.map(Link::latencyMs).orElse(ld.latencyMs()),
                        ls.weight() != null ? ls.weight() : existing.map(Link::weight).orElse(null));
            } catch (IllegalArgumentException e) {
                throw error(lp, e.getMessage());
            }
            if (existing.isPresent()) {
                // keep the generated link's endpoint order, so the topology's link order is unchanged
                Link e = existing.get();
                l = new Link(e.source(), e.target(), l.bandwidthMbps(), l.latencyMs(), l.weight());
            }
            t.putLink(l);
        }
        place(t, unplaced, layoutSeed);
        return t;
    }

    private void place(Topology t, List<String> unplaced, long layoutSeed) {
        if (layout != null) {
            Layouts.apply(layout, t, layoutSeed);
            // explicit positions win over the layout
            Map<String, NodeSpec> byId = new HashMap<>();
            for (NodeSpec ns : nodes) {
                if (ns.x() != null || ns.y() != null) {
                    byId.put(ns.id(), ns);
                }
            }
            if (!byId.isEmpty()) {
                t.updateNodes(n -> {
                    NodeSpec ns = byId.get(n.id());
                    return ns == null ? n : n.withPosition(ns.x() != null ? ns.x() : n.x(), ns.y() != null ? ns.y() : n.y());
                });
            }
            return;
        }
        if (unplaced.isEmpty()) {
            return;
        }
        if (unplaced.size() == t.nodeCount()) {
            Layouts.apply(LayoutKind.FORCE, t, layoutSeed);
            return;
        }
        placeNearNeighbours(t, unplaced);
    }

    /**
     * Puts each unplaced node (in list order) on a small circle around the mean position of its placed
     * neighbours, at angles of the golden angle times its rank so that siblings spread out; a node with no
     * placed neighbour goes on a row below everything. O(n + m).
     */
    private static void placeNearNeighbours(Topology t, List<String> unplaced) {
        IndexedGraph g = t.indexed();
        int n = g.nodeCount();
        double[] x = new double[n];
        double[] y = new double[n];
        boolean[] placed = new boolean[n];
        int k = 0;
        for (Node node : t.nodes()) {
            x[k] = node.x();
            y[k] = node.y();
            placed[k++] = true;
        }
        for (String id : unplaced) {
            placed[g.indexOf(id)] = false;
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (placed[i]) {
                minX = Math.min(minX, x[i]);
                maxY = Math.max(maxY, y[i]);
            }
        }
        double golden = Math.PI * (3 - Math.sqrt(5));
        int rank = 0;
        int orphans = 0;
        for (String id : unplaced) {
            int i = g.indexOf(id);
            double sx = 0;
            double sy = 0;
            int c = 0;
            for (int j = g.offset(i); j < g.offset(i + 1); j++) {
                int v = g.adjacency()[j];
                if (placed[v]) {
                    sx += x[v];
                    sy += y[v];
                    c++;
                }
            }
            if (c > 0) {
                double a = golden * rank++;
                x[i] = sx / c + 0.75 * Layouts.SPACING * Math.cos(a);
                y[i] = sy / c + 0.75 * Layouts.SPACING * Math.sin(a);
            } else {
                x[i] = minX + orphans++ * Layouts.SPACING;
                y[i] = maxY + Layouts.SPACING;
            }
            placed[i] = true;
        }
        int[] idx = {0};
        t.updateNodes(node -> {
            int i = idx[0]++;
            return node.withPosition(x[i], y[i]);
        });
    }

    private Parameters validateGenerator(ProviderRegistry<GeneratorProvider> registry) {
        String gp = JsonPath.key(path, "generator");
        Optional<GeneratorProvider> p = registry.find(generator.type());
        if (p.isEmpty()) {
            throw error(JsonPath.key(gp, "type"), Names.unknown("generator", generator.type(), registry.ids()));
        }
        Map<String, ParameterDescriptor> byName = new LinkedHashMap<>();
        for (ParameterDescriptor pd : p.get().parameters()) {
            byName.put(pd.name(), pd);
        }
        for (String k : generator.params().keySet()) {
            if (!byName.containsKey(k)) {
                List<String> allowed = new ArrayList<>(List.of("type"));
                allowed.addAll(byName.keySet());
                throw error(JsonPath.key(gp, k), Names.unknown("parameter of " + generator.type(), k, allowed));
            }
        }
        try {
            return p.get().validate(generator.params());
        } catch (IllegalArgumentException e) {
            throw error(gp, e.getMessage());
        }
    }

    private ExperimentFileException error(String p, String problem) {
        return new ExperimentFileException(locator.value(p), p, problem);
    }

    private static String describeIds(Topology t) {
        int n = t.nodeCount();
        if (n == 0) {
            return "no nodes";
        }
        List<String> ids = new ArrayList<>();
        int i = 0;
        for (Node node : t.nodes()) {
            if (n <= 12 || i < 5 || i >= n - 2) {
                ids.add(node.id());
            } else if (i == 5) {
                ids.add("...");
            }
            i++;
        }
        return n + (n == 1 ? " node: " : " nodes: ") + String.join(", ", ids);
    }

    /** Equality of what is written (generator, defaults, nodes, links, layout); where it was read from does not count. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TopologySpec s && Objects.equals(s.generator, generator) && s.defaults.equals(defaults)
                && s.nodes.equals(nodes) && s.links.equals(links) && s.layout == layout;
    }

    @Override
    public int hashCode() {
        return Objects.hash(generator, defaults, nodes, links, layout);
    }

    @Override
    public String toString() {
        return "TopologySpec(generator=" + generator + ", " + nodes.size() + " listed nodes, " + links.size()
                + " listed links, layout=" + layout + ")";
    }
}
