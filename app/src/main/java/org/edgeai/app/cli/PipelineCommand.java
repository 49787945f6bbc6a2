package org.edgeai.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.edgeai.model.experiment.Experiment;
import org.edgeai.model.experiment.Section;
import org.edgeai.model.pipeline.PipelineResult;
import org.edgeai.model.pipeline.PipelineRunner;
import org.edgeai.model.pipeline.PipelineSpec;
import org.edgeai.model.pipeline.SpecException;
import org.edgeai.model.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pipeline FILE --out DIR [--set PATH=VALUE]...}: runs a model-partition pipeline experiment. */
@Command(name = "pipeline", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a pipeline experiment (GPipe, 1F1B, PipeDream, sequential) headless.",
                "Writes DIR/schedule.csv (node,stage,microbatch,phase,t_start_s,t_end_s) and DIR/summary.json."})
final class PipelineCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "An experiment file with a pipeline section.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a field by its JSON path before validation, e.g. --set pipeline.microBatches=16.")
    List<String> sets = new ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Workspace ws = Workspace.standard();
        Experiment e = ws.load(file, sets);
        Section section = e.section("pipeline").orElseThrow(() -> new UserException(file.getFileName()
                + ": no pipeline section (a pipeline experiment has 'pipeline' instead of 'workload' and 'algorithm')"));
        PipelineResult result;
        try {
            PipelineSpec ps = PipelineSpec.parse(section.json(), section.path());
            Topology t = e.buildTopology(ws.generators());
            result = PipelineRunner.run(ps, t);
        } catch (SpecException ex) {
            throw Workspace.located(section, ex);
        }
        Files.createDirectories(out);
        result.writeOutputs(out);
        spec.commandLine().getOut().printf(java.util.Locale.ROOT,
                "%s: makespan %.6g s per minibatch, throughput %.6g samples/s, bubble fraction %.4f -> %s%n",
                file.getFileName(), result.makespanSeconds(), result.throughput(), result.bubbleFraction(), out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
