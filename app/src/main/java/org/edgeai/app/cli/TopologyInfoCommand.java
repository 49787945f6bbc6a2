package org.edgeai.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.io.TopologyIO;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.analysis.MixingMatrix;
import org.edgeai.model.topology.analysis.MixingRule;
import org.edgeai.model.topology.analysis.Spectrum;
import org.edgeai.model.topology.analysis.TopologyAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code topology info FILE [--mixing RULE] [--json] [--spectrum]}: structure and mixing analysis of any
 * topology file or experiment file.
 */
@Command(name = "info", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Analyse a topology: size, degrees, connectivity, diameter, mean shortest path,",
                "and the mixing matrix's spectrum (rho, spectral gap, predicted rounds).",
                "FILE may be an experiment file or any topology format (.json .graphml .gml .dot)."})
final class TopologyInfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--mixing", paramLabel = "RULE", defaultValue = "metropolis",
            description = "Mixing rule: metropolis, max-degree or custom (link weights). Default ${DEFAULT-VALUE}.")
    String mixing;

    @Option(names = "--json", description = "Print one JSON object: nodes, links, connected, diameter, degree_min, "
            + "degree_mean, degree_max, mixing, rho, spectral_gap (and more).")
    boolean json;

    @Option(names = "--spectrum", description = "Also print every eigenvalue of the mixing matrix (dense; up to "
            + Spectrum.FULL_MAX_NODES + " nodes).")
    boolean fullSpectrum;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MixingRule rule = MixingRule.fromId(mixing);
        Topology t = TopologyIO.read(file, Workspace.standard().generators());
        TopologyAnalysis a = TopologyAnalysis.analyze(t);
        MixingMatrix w = MixingMatrix.of(t, rule);
        Spectrum s = fullSpectrum ? Spectrum.full(w) : Spectrum.of(w);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(a, rule, s)));
        } else {
            printText(out, a, rule, s);
        }
        out.flush();
        return 0;
    }

    static ObjectNode toJson(TopologyAnalysis a, MixingRule rule, Spectrum s) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("nodes", a.nodes());
        o.put("links", a.links());
        o.put("connected", a.connected());
        o.put("diameter", a.diameter());
        o.put("degree_min", a.minDegree());
        o.put("degree_mean", a.meanDegree());
        o.put("degree_max", a.maxDegree());
        o.put("mixing", rule.id());
        o.put("rho", s.rho());
        o.put("spectral_gap", s.spectralGap());
        // Beyond the documented keys: what a script may also want, never renamed.
        o.put("components", a.components());
        o.put("diameter_exact", a.diameterExact());
        putNumber(o, "mean_shortest_path", a.meanShortestPath());
        o.put("mean_shortest_path_estimated", a.estimated());
        putNumber(o, "lambda2", s.lambda2());
        putNumber(o, "lambda_min", s.lambdaMin());
        long r = s.predictedRounds(3);
        if (r == Long.MAX_VALUE) {
            o.putNull("rounds_to_1e-3");
        } else {
            o.put("rounds_to_1e-3", r);
        }
        o.put("spectrum_method", s.method().name().toLowerCase(Locale.ROOT));
        o.put("spectrum_converged", s.converged());
        if (s.hasEigenvalues()) {
            var arr = o.putArray("eigenvalues");
            for (double ev : s.eigenvalues()) {
                arr.add(ev);
            }
        }
        return o;
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    static void printText(PrintWriter out, TopologyAnalysis a, MixingRule rule, Spectrum s) {
        out.printf(Locale.ROOT, "nodes               %d%n", a.nodes());
        out.printf(Locale.ROOT, "links               %d%n", a.links());
        out.printf(Locale.ROOT, "degree min/mean/max %d / %.4g / %d%n", a.minDegree(), a.meanDegree(), a.maxDegree());
        out.printf(Locale.ROOT, "connected           %s%s%n", a.connected() ? "yes" : "no",
                a.connected() ? "" : " (" + a.components() + " components, largest " + a.largestComponent() + " nodes)");
        out.printf(Locale.ROOT, "diameter            %s%n", a.diameterText());
        out.printf(Locale.ROOT, "mean shortest path  %s%n", a.meanShortestPathText());
        out.printf(Locale.ROOT, "mixing              %s%n", rule.id());
        out.printf(Locale.ROOT, "rho                 %.10g   (max |eigenvalue| other than 1)%n", s.rho());
        out.printf(Locale.ROOT, "spectral gap        %.10g%n", s.spectralGap());
        out.printf(Locale.ROOT, "reading             %s%n", s.reading());
        if (s.hasEigenvalues() && s.size() <= 5000) {
            StringBuilder b = new StringBuilder();
            double[] ev = s.eigenvalues();
            for (int i = 0; i < ev.length; i++) {
                b.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.6g", ev[i]));
            }
            out.println("eigenvalues         " + b);
        }
    }
}
