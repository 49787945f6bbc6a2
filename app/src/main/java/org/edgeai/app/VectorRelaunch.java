package org.edgeai.app;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the workbench in a second JVM that has the JDK's vector module, when this one was started without it
 * (decision 0012). The models' hot loops use {@code jdk.incubator.vector}, which a JVM resolves only when told
 * {@code --add-modules jdk.incubator.vector}; {@code java -jar} cannot take that option from the jar's manifest.
 * So the launcher starts {@code java --add-modules jdk.incubator.vector} with this JVM's options, class path and
 * arguments, and waits for it. The results are the same either way (the vector kernels give the same bits); only the
 * speed differs.
 *
 * <p>The child inherits the terminal (standard input and output; its standard error is passed through minus the
 * JVM's one-line "Using incubator modules" notice). Its exit status is the launcher's. Ctrl-C reaches both
 * processes from a terminal; the launcher then waits for the child to finish its files. A stop request sent to the
 * launcher alone (SIGTERM, e.g. from a test or a batch system) is forwarded to the child, and a child whose
 * launcher dies without a chance to forward anything (SIGKILL) stops at once itself, as if killed too.
 *
 * <p>Not relaunched: a JVM that already has the module, a child (never twice), a JVM without the module,
 * {@code -Dedgeai.simd=false} (no use), {@code -Dedgeai.relaunch=false} or the environment variable
 * {@code EDGEAI_NO_RELAUNCH} (to stay in one process), and a JVM with a debugger agent (the child would need the
 * port).
 */
final class VectorRelaunch {

    static final String MODULE = "jdk.incubator.vector";
    /** Set on the child's command line: the child never relaunches and stops when its launcher dies. */
    static final String CHILD = "edgeai.relaunched";
    private static final String NOTICE = "WARNING: Using incubator modules: " + MODULE;

    private VectorRelaunch() {
    }

    /** Whether {@link #run} should be used for this JVM. */
    static boolean wanted() {
        if (ModuleLayer.boot().findModule(MODULE).isPresent()
                || System.getProperty(CHILD) != null
                || "false".equals(System.getProperty("edgeai.relaunch"))
                || "false".equals(System.getProperty("edgeai.simd"))
                || System.getenv("EDGEAI_NO_RELAUNCH") != null
                || ModuleFinder.ofSystem().find(MODULE).isEmpty()
                || !Files.isExecutable(javaExecutable())) {
            return false;
        }
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-agentlib:jdwp") || option.startsWith("-Xrunjdwp")) {
                return false;
            }
        }
        return true;
    }

    /** In the child: stop at once (as a hard kill would) when the launcher is gone. */
    static void watchLauncher() {
        if (System.getProperty(CHILD) == null) {
            return;
        }
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(137)));
    }

    /**
     * Starts the child with {@code args}, passes its output through, waits for it and returns its exit status; a
     * child that cannot be started is reported and the status is 1.
     */
    static int run(String[] args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.add("--add-modules=" + MODULE);
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-D" + CHILD + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            System.err.println("error: cannot start " + command.get(0) + " with the vector module: " + e.getMessage());
            System.err.println("(run with -Dedgeai.relaunch=false to stay in this JVM, without the vector kernels)");
            return 1;
        }
        Thread pump = new Thread(() -> passStderr(child.getErrorStream(), System.err), "relaunch: stderr");
        pump.setDaemon(true);
        pump.start();
        Thread forward = new Thread(() -> {
            if (child.isAlive()) { // this JVM is being stopped while the child runs: stop it too, and wait for it
                child.destroy();
                int status = waitFor(child);
                joinQuietly(pump);
                Runtime.getRuntime().halt(status);
            }
        }, "relaunch: forward stop");
        Runtime.getRuntime().addShutdownHook(forward);
        int status = waitFor(child);
        joinQuietly(pump);
        return status;
    }

    /** Copies {@code in} to {@code out} as it comes, without the JVM's notice about incubator modules. */
    static void passStderr(InputStream in, PrintStream out) {
        try (in) {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                first.write(b);
            }
            String line = first.toString(StandardCharsets.UTF_8);
            if (!line.strip().equals(NOTICE)) {
                out.write(first.toByteArray());
                if (b == '\n') {
                    out.write('\n');
                }
                out.flush();
            }
            if (b >= 0) {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the child's stream closed under us: nothing more to pass on
        }
    }

    private static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java");
    }

    private static int waitFor(Process p) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return p.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
