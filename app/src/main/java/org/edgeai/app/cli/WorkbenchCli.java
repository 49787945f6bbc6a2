package org.edgeai.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code workbench [COMMAND] ...}. Never loads JavaFX (an ArchUnit rule and a
 * class-loading test check it), so it runs on machines without a display.
 *
 * <p>Exit codes: 0 success, 1 internal error (a bug: stack trace printed), 2 user error (bad option,
 * bad file, bad value: one clear line on stderr, no stack trace).
 */
@Command(name = "workbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Edge AI Workbench: visual experiments on communication-efficient edge AI.",
                "Without a command, opens the workbench window on the default sample (or on FILE)."},
        subcommands = {RunCommand.class, SweepCommand.class, PlotCommand.class, TopologyCommand.class, ModelCommand.class,
                PipelineCommand.class, SplitCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class WorkbenchCli implements Runnable {

    public static final int USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // Reached only when called with options but no subcommand that picocli did not consume.
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command; see --help");
    }

    /** True when the arguments ask for the window: none, or a single existing experiment file. */
    public static boolean isGuiInvocation(String[] args) {
        return args.length == 0
                || (args.length == 1 && !args[0].startsWith("-") && args[0].endsWith(".json")
                    && Files.isRegularFile(Path.of(args[0])));
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        return newCommandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** A configured command line writing to the given streams (tests capture them). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new WorkbenchCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
