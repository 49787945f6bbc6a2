package org.edgeai.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.edgeai.model.experiment.Experiment;
import org.edgeai.model.experiment.Section;
import org.edgeai.model.pipeline.SpecException;
import org.edgeai.model.pipeline.split.SplitInference;
import org.edgeai.model.pipeline.split.SplitResult;
import org.edgeai.model.pipeline.split.SplitSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code split FILE --out DIR}: device–edge split inference, every cut point and the best one. */
@Command(name = "split", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Evaluate every device/server cut point of a model (Neurosurgeon-style split inference).",
                "Writes DIR/split.csv (cut_after_layer,device_s,transfer_s,server_s,total_s,bits),",
                "DIR/summary.json with the best cut, and DIR/sweep.csv when a bandwidth sweep is given."})
final class SplitCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "An experiment file with a split section.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field by its JSON path.")
    List<String> sets = new ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Workspace ws = Workspace.standard();
        Experiment e = ws.load(file, sets);
        Section section = e.section("split").orElseThrow(() -> new UserException(file.getFileName()
                + ": no split section"));
        SplitResult result;
        try {
            result = SplitInference.run(SplitSpec.parse(section.json(), section.path()), e.buildTopology(ws.generators()));
        } catch (SpecException ex) {
            throw Workspace.located(section, ex);
        }
        Files.createDirectories(out);
        result.writeOutputs(out);
        var best = result.best();
        spec.commandLine().getOut().printf(java.util.Locale.ROOT, "%s: best cut after layer %d (%s), total %.6g s -> %s%n",
                file.getFileName(), best.cutAfterLayer(), result.layerName(best.cutAfterLayer()), best.totalSeconds(), out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
