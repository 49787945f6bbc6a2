package org.edgeai.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.edgeai.model.experiment.JsonDocument;
import org.edgeai.model.pipeline.SpecException;
import org.edgeai.model.pipeline.layers.ModelInfo;
import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.pipeline.layers.ModelSpec;
import org.edgeai.model.pipeline.presets.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code model info PRESET|FILE [--json]}: the layer table of a model preset or of a file's model. */
@Command(name = "model", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Inspect model layer profiles (parameters, FLOPs, activations).",
        subcommands = {ModelCommand.Info.class})
final class ModelCommand {

    @Command(name = "info", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Print the layer table and totals of a model.",
                    "MODEL is a preset name or a file: an experiment (its pipeline or split model) or a bare model."})
    static final class Info implements Callable<Integer> {

        @Parameters(paramLabel = "PRESET|FILE", description = "A preset (${COMPLETION-CANDIDATES}) or a JSON file.",
                completionCandidates = PresetNames.class)
        String model;

        @Option(names = "--json", description = "Print one JSON object (params, forward_flops_per_sample, layers).")
        boolean json;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            ModelProfile profile = resolve(model);
            if (json) {
                ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                spec.commandLine().getOut().println(m.writeValueAsString(ModelInfo.json(profile)));
            } else {
                spec.commandLine().getOut().print(ModelInfo.table(profile));
            }
            spec.commandLine().getOut().flush();
            return 0;
        }

        static ModelProfile resolve(String model) throws IOException {
            if (Presets.names().contains(model)) {
                return Presets.profile(model);
            }
            Path p = Path.of(model);
            if (!Files.isRegularFile(p)) {
                throw new UserException("'" + model + "' is neither a model preset (" + String.join(", ", Presets.names())
                        + ") nor a file");
            }
            JsonDocument doc = JsonDocument.parse(p);
            try {
                return ModelSpec.fromDocument(doc.root()).build();
            } catch (SpecException e) {
                throw Workspace.located(doc.rootSection(), e);
            }
        }
    }

    /** Preset names for help and completion. */
    static final class PresetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Presets.names().iterator();
        }
    }
}
