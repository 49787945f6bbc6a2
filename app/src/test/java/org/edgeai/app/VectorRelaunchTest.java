package org.edgeai.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.edgeai.app.cli.WorkbenchCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's second JVM with the vector module ({@link VectorRelaunch}, decision 0012): same files as without
 * it, the JVM's notice filtered and nothing else, and no child left behind when the launcher is killed.
 */
class VectorRelaunchTest {

    @TempDir
    Path dir;

    @Test
    void stderrPassesThroughWithoutTheIncubatorNoticeOnly() {
        assertEquals("round 1\nround 2\n", filtered("WARNING: Using incubator modules: jdk.incubator.vector\nround 1\nround 2\n"));
        assertEquals("error: bad file\n", filtered("error: bad file\n"));
        assertEquals("no newline", filtered("no newline"));
        assertEquals("", filtered(""));
        assertEquals("WARNING: something else\nx\n", filtered("WARNING: something else\nx\n"));
    }

    private static String filtered(String in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorRelaunch.passStderr(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunWithoutTheVectorKernelsWritesTheSameBytes() throws Exception {
        // digits / softmax: the model the vector kernels serve. In process (this JVM has the module) and in a
        // launcher told to stay scalar.
        Path exp = Path.of("..", "sample-topologies", "dsgd-topk-ring.json").toAbsolutePath().normalize();
        Path scalar = dir.resolve("scalar");
        CommandLineClassLoadingTest.Result r = CommandLineClassLoadingTest.runLauncherWith(
                List.of("-Dedgeai.simd=false", "-Djava.awt.headless=true"),
                "run", exp.toString(), "--out", scalar.toString(), "--rounds", "4", "--quiet");
        assertEquals(0, r.exit(), r.err());
        Path vector = dir.resolve("vector");
        StringWriter err = new StringWriter();
        int code = WorkbenchCli.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("run", exp.toString(), "--out", vector.toString(), "--rounds", "4", "--quiet");
        assertEquals(0, code, err.toString());
        assertTrue(org.edgeai.model.learning.models.Simd.enabled(), "this JVM should use the vector kernels");
        for (String f : List.of("metrics.csv", "messages.csv")) {
            assertArrayEquals(Files.readAllBytes(vector.resolve(f)), Files.readAllBytes(scalar.resolve(f)), f);
        }
    }

    @Test
    void killingTheLauncherHardStopsItsChild() throws Exception {
        Path exp = dir.resolve("long.json");
        Files.writeString(exp, """
                { "schemaVersion": 1, "name": "long", "seed": 1,
                  "topology": { "generator": { "type": "ring", "nodes": 8 } },
                  "workload": { "dataset": { "type": "blobs", "samples": 200 } },
                  "algorithm": { "type": "dsgd" },
                  "run": { "rounds": 100000000 } }
                """, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of("run", exp.toString(), "--out", dir.resolve("out").toString(), "--trace", "none"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process launcher = pb.start();
        List<ProcessHandle> children;
        try (BufferedReader errs = new BufferedReader(new InputStreamReader(launcher.getErrorStream(), StandardCharsets.UTF_8))) {
            String first = errs.readLine(); // the child's first progress line: it is running
            assertTrue(first != null && first.startsWith("round "), "expected progress, got " + first);
            children = launcher.toHandle().children().toList();
            assertEquals(1, children.size(), "one child JVM");
            launcher.destroyForcibly(); // SIGKILL: the launcher cannot forward anything
            assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
        }
        ProcessHandle child = children.get(0);
        boolean ended;
        try {
            child.onExit().get(20, TimeUnit.SECONDS);
            ended = true;
        } catch (java.util.concurrent.TimeoutException e) {
            ended = false;
            child.destroyForcibly();
        }
        assertTrue(ended, "the child JVM outlived its launcher");
    }
}
