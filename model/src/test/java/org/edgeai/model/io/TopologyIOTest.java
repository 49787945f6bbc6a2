package org.edgeai.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.edgeai.model.experiment.ExperimentFileException;
import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.testing.TestGenerators;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.generate.GeneratorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TopologyIOTest {

    private static final ProviderRegistry<GeneratorProvider> GEN = TestGenerators.registry();
    private static final TopologyDefaults STD = TopologyDefaults.standard();

    @TempDir
    Path dir;

    private static Path fixture(String name) {
        try {
            return Path.of(TopologyIOTest.class.getResource("/networkx/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every kind, positions that are not round, labels with markup characters, weights, access capacities. */
    static Topology everything() {
        Topology t = new Topology();
        t.putNode(new Node("cloud", NodeKind.CLOUD, 2000, 1048576, 0.1, -254.64790894703253,
                "Data centre \"east\" & <main> é 漢\nline two", 10_000.0));
        t.putNode(new Node("edge server 1", NodeKind.SERVER, 150.5, 65536, -150, 1e-7, "", 400.0));
        t.putNode(new Node("d-ü", NodeKind.DEVICE, 5, 4096, 1.5e9, 3, "phone \\ one", null));
        t.putNode(new Node("7", NodeKind.DEVICE, 0.25, 512, -0.0, 42, "", null));
        t.putLink(new Link("cloud", "edge server 1", 1000, 2.5, null));
        t.putLink(new Link("edge server 1", "d-ü", 54.3, 8, 0.5));
        t.putLink(new Link("7", "edge server 1", 7.2, 0, -0.125));
        t.putLink(new Link("d-ü", "7", 1e-3, 1e4, 1.0));
        return t;
    }

    @ParameterizedTest
    @EnumSource(TopologyFormat.class)
    void everyFormatRoundTrips(TopologyFormat format) {
        Topology t = everything();
        Path f = dir.resolve("t." + format.extension());
        TopologyIO.write(t, f);
        Topology back = TopologyIO.read(f, GEN);
        assertEquals(List.copyOf(t.nodes()), List.copyOf(back.nodes()), format.toString());
        assertEquals(List.copyOf(t.links()), List.copyOf(back.links()), format.toString());
        assertEquals(t, back);
        // and writing what was read gives the same file
        assertEquals(TopologyIO.toString(t, format), TopologyIO.toString(back, format));
    }

    @Test
    void formatIsChosenByExtension() {
        assertEquals(TopologyFormat.GRAPHML, TopologyFormat.of(Path.of("a/b.GraphML")));
        assertEquals(TopologyFormat.DOT, TopologyFormat.of(Path.of("x.gv")));
        assertEquals(TopologyFormat.GML, TopologyFormat.of(Path.of("x.gml")));
        assertEquals(TopologyFormat.JSON, TopologyFormat.of(Path.of("x.json")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopologyFormat.of(Path.of("net.xml")));
        assertEquals("net.xml: unknown topology file extension '.xml'; expected one of .json, .graphml, .gml, .dot, .gv",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TopologyIO.write(everything(), dir.resolve("noext")));
    }

    // ------------------------------------------------------------------ NetworkX fixtures

    @Test
    void networkxKarateClubWithoutWorkbenchAttributes() {
        Topology t = TopologyIO.read(fixture("karate.graphml"), GEN);
        assertEquals(34, t.nodeCount());
        assertEquals(78, t.linkCount());
        int i = 0;
        for (Node n : t.nodes()) {
            assertEquals(String.valueOf(i++), n.id(), "node ids kept as written, in file order");
            assertEquals(NodeKind.DEVICE, n.kind());
            assertEquals(STD.node(NodeKind.DEVICE).computeGflops(), n.computeGflops());
            assertEquals("", n.label(), "the 'club' attribute is not a label");
        }
        Link first = t.links().iterator().next();
        assertEquals("0", first.source());
        assertEquals("1", first.target());
        assertEquals(4.0, first.weight(), "NetworkX's integer edge weight");
        assertEquals(STD.link().bandwidthMbps(), first.bandwidthMbps());
        // Zachary's graph: node 33 has degree 17, node 0 degree 16
        assertEquals(17, t.indexed().degree(t.indexed().indexOf("33")));
        assertEquals(16, t.indexed().degree(t.indexed().indexOf("0")));
        // no positions in the file: laid out, every node in its own place
        Set<String> places = new HashSet<>();
        t.nodes().forEach(n -> places.add(n.x() + "," + n.y()));
        assertEquals(34, places.size());
    }

    private static Topology expectedCampusSmall() {
        Topology t = new Topology();
        t.putNode(Node.of("cloud", NodeKind.CLOUD, STD).withPosition(0, -200).withLabel("Data centre"));
        t.putNode(Node.of("edge-a", NodeKind.SERVER, STD).withCompute(150).withPosition(-150, 0));
        t.putNode(Node.of("edge-b", NodeKind.SERVER, STD).withPosition(150, 0));
        double[] xs = {-225, -75, 75, 225};
        for (int i = 0; i < 4; i++) {
            t.putNode(Node.of("phone-" + i, NodeKind.DEVICE, STD).withPosition(xs[i], 150));
        }
        t.putLink(new Link("edge-a", "phone-0", 50, 8, null));
        t.putLink(new Link("edge-a", "phone-1", 50, 8, null));
        t.putLink(new Link("edge-a", "cloud", 1000, 2, null));
        t.putLink(new Link("edge-b", "phone-2", 50, 8, null));
        t.putLink(new Link("edge-b", "phone-3", 50, 8, null));
        t.putLink(new Link("edge-b", "cloud", 1000, STD.link().latencyMs(), null));
        t.putLink(new Link("phone-1", "phone-2", STD.link().bandwidthMbps(), STD.link().latencyMs(), null));
        return t;
    }

    @Test
    void networkxGraphmlWithSomeWorkbenchAttributes() {
        Topology t = TopologyIO.read(fixture("campus-small.graphml"), GEN);
        Topology expected = expectedCampusSmall();
        assertEquals(List.copyOf(expected.nodes()), List.copyOf(t.nodes()));
        // NetworkX lists edges by adjacency (edge-a's first); compare as sets of links
        assertEquals(new HashSet<>(expected.links().stream().map(l -> l.key() + " " + l.bandwidthMbps() + " " + l.latencyMs()).toList()),
                new HashSet<>(t.links().stream().map(l -> l.key() + " " + l.bandwidthMbps() + " " + l.latencyMs()).toList()));
    }

    @Test
    void networkxGml() {
        Topology t = TopologyIO.read(fixture("campus-small.gml"), GEN);
        Topology expected = expectedCampusSmall();
        // NetworkX's write_gml keeps node names in 'label' and drops a node attribute called 'label'
        expected.putNode(expected.node("cloud").withLabel(""));
        assertEquals(List.copyOf(expected.nodes()), List.copyOf(t.nodes()));
        assertEquals(new HashSet<>(expected.links().stream().map(l -> l.key() + " " + l.bandwidthMbps() + " " + l.latencyMs()).toList()),
                new HashSet<>(t.links().stream().map(l -> l.key() + " " + l.bandwidthMbps() + " " + l.latencyMs()).toList()));
    }

    // ------------------------------------------------------------------ XML safety

    @Test
    void externalEntityInAGraphmlIsRefusedWithoutReadingTheFile() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-4711");
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE graphml [ <!ENTITY xxe SYSTEM "%s"> ]>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key id="label" for="node" attr.name="label" attr.type="string"/>
                  <graph edgedefault="undirected">
                    <node id="a"><data key="label">&xxe;</data></node>
                  </graph>
                </graphml>
                """;
        Path f = dir.resolve("xxe.graphml");
        Files.writeString(f, xxe.formatted(secret.toUri()));
        TopologyFileException e = assertThrows(TopologyFileException.class, () -> TopologyIO.read(f, GEN));
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
        assertEquals("xxe.graphml:2:" + e.column() + ": a DOCTYPE declaration is not allowed in GraphML (it could make the "
                + "reader fetch other files)", e.getMessage());
        // the same message whether or not the entity's file exists: the reader never went to look
        Path f2 = dir.resolve("xxe2.graphml");
        Files.writeString(f2, xxe.formatted(dir.resolve("missing.txt").toUri()));
        TopologyFileException e2 = assertThrows(TopologyFileException.class, () -> TopologyIO.read(f2, GEN));
        assertEquals(e.problem(), e2.problem());
    }

    @Test
    void externalDtdAndEntityExpansionAreRefused() throws IOException {
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak \"LEAKED-FROM-DTD\">");
        String withDtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml SYSTEM \"" + dtd.toUri() + "\">\n"
                + "<graphml><graph><node id=\"a\"/></graph></graphml>\n";
        Path f = dir.resolve("dtd.graphml");
        Files.writeString(f, withDtd);
        TopologyFileException e = assertThrows(TopologyFileException.class, () -> TopologyIO.read(f, GEN));
        assertTrue(e.problem().contains("DOCTYPE"), e.problem());
        assertFalse(e.getMessage().contains("LEAKED"));

        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n"
                + "<graphml><graph><node id=\"&lol2;\"/></graph></graphml>\n";
        Path f2 = dir.resolve("laughs.graphml");
        Files.writeString(f2, laughs);
        assertTrue(assertThrows(TopologyFileException.class, () -> TopologyIO.read(f2, GEN)).problem().contains("DOCTYPE"));

        // an undeclared entity without any DOCTYPE is simply invalid XML, and nothing is expanded
        String undeclared = "<graphml><graph><node id=\"a\"><data key=\"label\">&xxe;</data></node></graph></graphml>";
        TopologyFileException u = assertThrows(TopologyFileException.class,
                () -> TopologyIO.read(undeclared, TopologyFormat.GRAPHML, "u.graphml", GEN, STD));
        assertEquals(1, u.line());
        assertTrue(u.problem().startsWith("invalid XML: ") || u.problem().startsWith("entity references"), u.problem());
    }

    // ------------------------------------------------------------------ located problems

    private static TopologyFileException fails(String text, TopologyFormat format) {
        return assertThrows(TopologyFileException.class, () -> TopologyIO.read(text, format, "f." + format.extension(), GEN, STD));
    }

    @Test
    void graphmlProblemsAreLocated() {
        String head = "<graphml>\n<key id=\"k\" for=\"node\" attr.name=\"kind\"/>\n<key id=\"b\" for=\"edge\" attr.name=\"bandwidthMbps\"/>\n"
                + "<graph edgedefault=\"undirected\">\n";
        TopologyFileException kind = fails(head + "<node id=\"a\"><data key=\"k\">phone</data></node>\n</graph></graphml>",
                TopologyFormat.GRAPHML);
        assertEquals(5, kind.line());
        assertEquals("node 'a': unknown node kind 'phone'; expected one of device, server, cloud", kind.problem());
        TopologyFileException bw = fails(head + "<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"b\">fast</data></edge>\n"
                + "</graph></graphml>", TopologyFormat.GRAPHML);
        assertEquals("f.graphml:6:" + bw.column() + ": edge a -- b: bandwidthMbps: expected a number, got \"fast\"", bw.getMessage());
        TopologyFileException zero = fails(head + "<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"b\">0</data></edge>\n"
                + "</graph></graphml>", TopologyFormat.GRAPHML);
        assertEquals("edge a -- b: bandwidthMbps: expected a finite number > 0, got 0", zero.problem());
        assertEquals("edge a -- z: no node 'z'", fails(head + "<node id=\"a\"/>\n<edge source=\"a\" target=\"z\"/>\n</graph></graphml>",
                TopologyFormat.GRAPHML).problem());
        assertEquals("edge a -- a: self-loops are not supported (a link joins two different nodes)",
                fails(head + "<node id=\"a\"/>\n<edge source=\"a\" target=\"a\"/>\n</graph></graphml>", TopologyFormat.GRAPHML).problem());
        assertEquals("edge b -- a appears twice (first at line 6); a topology has at most one link between two nodes",
                fails(head + "<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"/>\n<edge source=\"b\" target=\"a\"/>\n"
                        + "</graph></graphml>", TopologyFormat.GRAPHML).problem());
        assertEquals("node 'a' is declared twice (first at line 5)", fails(head + "<node id=\"a\"/>\n<node id=\"a\"/>\n</graph></graphml>",
                TopologyFormat.GRAPHML).problem());
        TopologyFileException syntax = fails("<graphml>\n<graph>\n<node id=\"a\">\n</graph></graphml>", TopologyFormat.GRAPHML);
        assertEquals(4, syntax.line());
        assertTrue(syntax.problem().startsWith("invalid XML: "), syntax.problem());
        assertEquals("expected a <graphml> document, got <html>", fails("<html/>", TopologyFormat.GRAPHML).problem());
    }

    @Test
    void graphmlDirectedReverseEdgesAreOneLinkAndKeyDefaultsApply() {
        String text = """
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
                  <key id="d0" for="node" attr.name="kind" attr.type="string"><default>server</default></key>
                  <key id="d1" for="edge" attr.name="latencyMs" attr.type="double"><default>3.5</default></key>
                  <key id="g" for="node" yfiles.type="nodegraphics"/>
                  <graph edgedefault="directed">
                    <node id="a"><data key="g"><y:ShapeNode><y:Geometry x="1" y="2"/></y:ShapeNode></data></node>
                    <node id="b"><data key="d0">device</data></node>
                    <edge source="a" target="b"/>
                    <edge source="b" target="a"><data key="d1">99</data></edge>
                  </graph>
                </graphml>
                """;
        Topology t = TopologyIO.read(text, TopologyFormat.GRAPHML, "y.graphml", GEN, STD);
        assertEquals(NodeKind.SERVER, t.node("a").kind());
        assertEquals(NodeKind.DEVICE, t.node("b").kind());
        assertEquals(1, t.linkCount());
        assertEquals(3.5, t.findLink("a", "b").orElseThrow().latencyMs(), "the first direction's attributes");
    }

    @Test
    void gmlProblemsAreLocatedAndGraphicsPositionsRead() {
        TopologyFileException open = fails("graph [\n  node [ id 0 label \"a ]\n]\n", TopologyFormat.GML);
        assertEquals("f.gml:2:21: string for 'label' is not closed", open.getMessage());
        TopologyFileException edge = fails("graph [\n node [ id 0 ]\n edge [ source 0 target 5 ]\n]\n", TopologyFormat.GML);
        assertEquals("f.gml:3:2: edge 0 -- 5: no node with id 5", edge.getMessage());
        assertEquals("f.gml:1:1: expected graph [ ... ], got no graph", fails("Creator \"me\"\n", TopologyFormat.GML).getMessage());
        TopologyFileException badValue = fails("graph [\n node [ id 0 x abc ]\n]", TopologyFormat.GML);
        assertEquals(2, badValue.line());
        assertEquals(" node [ id 0 x abc ]".indexOf("abc") + 1, badValue.column());

        String gephi = "# written by hand\nCreator \"Gephi\"\ngraph [\n directed 1\n node [ id 1 label \"hub\" graphics [ x 10.5 y -3 w 5 ] ]\n"
                + " node [ id 2 label \"leaf\" graphics [ x 0 y 0 ] x 7 y 8 kind \"server\" ]\n edge [ source 1 target 2 ]\n"
                + " edge [ source 2 target 1 weight 2 ]\n]\n";
        Topology t = TopologyIO.read(gephi, TopologyFormat.GML, "g.gml", GEN, STD);
        assertEquals(10.5, t.node("hub").x());
        assertEquals(-3, t.node("hub").y());
        assertEquals(7, t.node("leaf").x(), "plain x/y win over graphics");
        assertEquals(NodeKind.SERVER, t.node("leaf").kind());
        assertEquals(1, t.linkCount());
        assertNull(t.findLink("hub", "leaf").orElseThrow().weight());
    }

    @Test
    void gmlStringsUseCharacterReferences() {
        assertEquals("\"a &quot;b&quot; &amp; &#233;&#28450;&#10;\"", GmlFormat.quote("a \"b\" & é漢\n"));
        assertEquals("a \"b\" & é漢\n<x&y;", GmlFormat.unescape("a &quot;b&quot; &amp; &#233;&#x6f22;&#10;&lt;x&y;"));
    }

    @Test
    void dotWithDefaultsImplicitNodesAndSyntaxErrors() {
        String dot = """
                strict graph office {
                  node [kind=server];
                  edge [bandwidthMbps=100];
                  router [x=0, y=0];
                  router -- "pc 1" [latencyMs=1];
                  "pc 1" [kind=device, label="Desk \\"A\\""];
                  router -- printer;
                }
                """;
        Topology t = TopologyIO.read(dot, TopologyFormat.DOT, "office.dot", GEN, STD);
        assertEquals(List.of("router", "pc 1", "printer"), t.nodes().stream().map(Node::id).toList());
        assertEquals(NodeKind.SERVER, t.node("router").kind());
        assertEquals(NodeKind.DEVICE, t.node("pc 1").kind());
        assertEquals("Desk \"A\"", t.node("pc 1").label());
        assertEquals(100, t.findLink("router", "pc 1").orElseThrow().bandwidthMbps());
        assertEquals(1, t.findLink("router", "pc 1").orElseThrow().latencyMs());
        assertEquals(STD.link().latencyMs(), t.findLink("router", "printer").orElseThrow().latencyMs());

        String di = "// written by hand\n/* two directions */ Digraph { a -> b [latencyMs=1]; b -> a [latencyMs=9]; }\n";
        Topology d = TopologyIO.read(di, TopologyFormat.DOT, "di.dot", GEN, STD);
        assertEquals(1, d.linkCount(), "a digraph's two directions are one full-duplex link");
        assertEquals(1, d.findLink("a", "b").orElseThrow().latencyMs());
        assertEquals("edge b -- a appears twice; a topology has at most one link between two nodes",
                fails("graph { a -- b; b -- a; }", TopologyFormat.DOT).problem());

        TopologyFileException e = fails("graph {\n  a -- ;\n}\n", TopologyFormat.DOT);
        assertEquals(2, e.line());
        assertEquals(8, e.column());
        assertTrue(e.problem().startsWith("invalid DOT: line 2:7 "), e.problem());
        assertThrows(IllegalArgumentException.class, () -> DotFormat.quote("ends with \\"));
    }

    @Test
    void jsonTopologySectionAndWholeExperiment() throws IOException {
        Path section = dir.resolve("section.json");
        Files.writeString(section, "{\"generator\": {\"type\": \"ring\", \"nodes\": 5}, \"nodes\": [{\"id\": \"n0\", \"kind\": \"cloud\"}]}");
        Topology t = TopologyIO.read(section, GEN);
        assertEquals(5, t.nodeCount());
        assertEquals(NodeKind.CLOUD, t.node("n0").kind());

        Path exp = dir.resolve("exp.json");
        Files.writeString(exp, "{\"schemaVersion\": 1, \"topology\": {\"generator\": {\"type\": \"ring\", \"nodes\": 6}}}");
        assertEquals(6, TopologyIO.read(exp, GEN).nodeCount());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"nodes\": [{\"id\": \"a\", \"kind\": \"robot\"}]}");
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> TopologyIO.read(bad, GEN));
        assertEquals("bad.json:1:" + e.column() + ": nodes[0].kind: expected one of device, server, cloud, got \"robot\"", e.getMessage());

        TopologyFileException missing = assertThrows(TopologyFileException.class, () -> TopologyIO.read(dir.resolve("none.gml"), GEN));
        assertTrue(missing.getMessage().startsWith("none.gml: cannot read the file: no such file"), missing.getMessage());
    }
}
