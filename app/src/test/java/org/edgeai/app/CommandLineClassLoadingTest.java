package org.edgeai.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Runs the command line in a separate JVM with {@code -verbose:class} and no display, and checks that no
 * JavaFX class is ever loaded: the ArchUnit rule sees static dependencies, this sees what really happens.
 */
class CommandLineClassLoadingTest {

    static Result runLauncher(String... args) throws IOException, InterruptedException {
        return runLauncherWith(List.of("-verbose:class"), args);
    }

    /** The launcher in a JVM started as {@code java -jar} would be (no vector module), with these JVM options. */
    static Result runLauncherWith(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        pb.redirectErrorStream(false);
        File out = File.createTempFile("cli-out", ".txt");
        File err = File.createTempFile("cli-err", ".txt");
        out.deleteOnExit();
        err.deleteOnExit();
        pb.redirectOutput(out);
        pb.redirectError(err);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher did not finish");
        return new Result(p.exitValue(),
                java.nio.file.Files.readString(out.toPath(), StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    record Result(int exit, String out, String err) {
    }

    @Test
    void versionLoadsNoJavaFx() throws Exception {
        Result r = runLauncher("--version");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Edge AI Workbench"), r.out());
        assertTrue(r.out().contains("org.edgeai.app.cli.WorkbenchCli"), "class-loading log missing: -verbose:class not honoured?");
        assertFalse(r.out().contains("javafx."), "a JavaFX class was loaded by the command line");
        // Started without the vector module, the launcher ran the command in a JVM that has it, and kept the JVM's
        // notice about incubator modules off the user's screen.
        assertTrue(r.out().contains("Model kernels: vector API"), r.out().lines().filter(l -> l.startsWith("Model")).toList()
                + "\n" + r.err());
        assertFalse(r.err().contains("incubator"), r.err());
    }
}
