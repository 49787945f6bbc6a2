package org.edgeai.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --help and --version work on the jar's root command and on every subcommand, found by walking the tree. */
class HelpAndVersionTest {

    static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            out.add(path);
            collect(e.getValue(), path, out);
        }
    }

    @Test
    void everyCommandAnswersHelpAndVersion() {
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of());
        collect(WorkbenchCli.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
                List.of(), commands);
        assertTrue(commands.size() >= 10, "walked " + commands);
        // picocli reports a broken help text (e.g. an unescaped '%') on System.err, not on the command's writer
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream picocliWarnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(picocliWarnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            helpAndVersion(commands);
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", picocliWarnings.toString(java.nio.charset.StandardCharsets.UTF_8), "help texts picocli could not format");
    }

    private static void helpAndVersion(List<List<String>> commands) {
        for (List<String> c : commands) {
            for (String flag : List.of("--help", "--version")) {
                List<String> args = new ArrayList<>(c);
                args.add(flag);
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int exit = WorkbenchCli.newCommandLine(new PrintWriter(out), new PrintWriter(err))
                        .execute(args.toArray(String[]::new));
                assertEquals(0, exit, args + ": " + err);
                String expected = flag.equals("--help") ? "Usage: workbench" : "Edge AI Workbench";
                assertTrue(out.toString().contains(expected), args + " printed: " + out);
            }
        }
    }
}
