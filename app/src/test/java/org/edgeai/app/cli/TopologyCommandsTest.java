package org.edgeai.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology commands end to end, in-process: files written, analysis against closed forms, user errors. */
class TopologyCommandsTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = WorkbenchCli.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    JsonNode info(Path file, String... extra) throws Exception {
        String[] args = new String[3 + extra.length];
        args[0] = "topology";
        args[1] = "info";
        args[2] = file.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
        withJson[args.length] = "--json";
        Run r = cli(withJson);
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void ringGeneratedToEveryFormatHasTheClosedFormRho() throws Exception {
        int n = 12;
        double rho = (1 + 2 * Math.cos(2 * Math.PI / n)) / 3;
        for (String ext : new String[] {"json", "graphml", "gml"}) {
            Path f = dir.resolve("ring." + ext);
            Run g = cli("topology", "generate", "ring", "--nodes", "" + n, "--bandwidth-mbps", "50", "--out", f.toString());
            assertEquals(0, g.exit(), g.err());
            JsonNode j = info(f);
            assertEquals(n, j.get("nodes").asInt(), ext);
            assertEquals(n, j.get("links").asInt(), ext);
            assertTrue(j.get("connected").asBoolean());
            assertEquals(n / 2, j.get("diameter").asInt());
            assertEquals(2, j.get("degree_min").asInt());
            assertEquals(2.0, j.get("degree_mean").asDouble(), 0);
            assertEquals("metropolis", j.get("mixing").asText());
            assertEquals(rho, j.get("rho").asDouble(), 1e-10, ext);
            assertEquals(1 - rho, j.get("spectral_gap").asDouble(), 1e-10, ext);
        }
        assertTrue(Files.readString(dir.resolve("ring.graphml")).contains("50"), "bandwidth written");
    }

    @Test
    void completeGraphMixesInOneRoundAndMaxDegreeIsSelectable() throws Exception {
        Path f = dir.resolve("k6.json");
        assertEquals(0, cli("topology", "generate", "complete", "--nodes", "6", "--out", f.toString()).exit());
        assertEquals(0.0, info(f).get("rho").asDouble(), 1e-12);
        // a star under max-degree: W_ij = 1/n for every link, so rho = 1 - 1/n (same as metropolis here)
        Path s = dir.resolve("star.json");
        assertEquals(0, cli("topology", "generate", "star", "--nodes", "7", "--out", s.toString()).exit());
        JsonNode j = info(s, "--mixing", "max-degree");
        assertEquals("max-degree", j.get("mixing").asText());
        assertEquals(1 - 1.0 / 7, j.get("rho").asDouble(), 1e-10);
    }

    @Test
    void convertRoundTripsAnExperimentsTopology() throws Exception {
        Path campus = Path.of("../sample-topologies/campus.json");
        Path gml = dir.resolve("campus.gml");
        Path back = dir.resolve("campus.graphml");
        assertEquals(0, cli("topology", "convert", campus.toString(), gml.toString()).exit());
        assertEquals(0, cli("topology", "convert", gml.toString(), back.toString()).exit());
        JsonNode a = info(campus);
        JsonNode b = info(back);
        assertEquals(a.get("nodes"), b.get("nodes"));
        assertEquals(a.get("links"), b.get("links"));
        assertEquals(a.get("rho").asDouble(), b.get("rho").asDouble(), 1e-12);
    }

    @Test
    void userErrorsAreOneLineWithStatusTwo() {
        Run[] runs = {
            cli("topology", "generate", "ring", "--nodes", "2", "--out", dir.resolve("x.json").toString()),
            cli("topology", "generate", "ring", "--p", "0.5", "--out", dir.resolve("x.json").toString()),
            cli("topology", "generate", "nosuch", "--out", dir.resolve("x.json").toString()),
            cli("topology", "generate", "ring", "--out", dir.resolve("x.txt").toString()),
            cli("topology", "info", dir.resolve("missing.json").toString()),
            cli("topology", "info", "../sample-topologies/ring-16.json", "--mixing", "bogus"),
        };
        String[] expected = {"nodes", "takes no --p", "erdos-renyi", ".graphml", "missing.json", "metropolis"};
        for (int i = 0; i < runs.length; i++) {
            Run r = runs[i];
            assertEquals(2, r.exit(), "case " + i + ": " + r.err());
            assertTrue(r.err().startsWith("error: "), "case " + i + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
            assertTrue(r.err().contains(expected[i]), "case " + i + " should mention " + expected[i] + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }
}
