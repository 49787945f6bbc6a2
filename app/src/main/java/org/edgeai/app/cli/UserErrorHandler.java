package org.edgeai.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

import org.edgeai.model.experiment.ExperimentFileException;
import org.edgeai.model.topology.generate.GenerationException;
import picocli.CommandLine;

/**
 * Turns the exceptions a user can cause (bad values, bad files, missing files) into one line on stderr and
 * exit status 2; anything else is a bug and keeps its stack trace (status 1).
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        if (isUserError(ex)) {
            cl.getErr().println("error: " + message(ex));
            cl.getErr().flush();
            return WorkbenchCli.USER_ERROR;
        }
        ex.printStackTrace(cl.getErr());
        cl.getErr().flush();
        return 1;
    }

    static boolean isUserError(Throwable ex) {
        return ex instanceof IllegalArgumentException
                || ex instanceof IOException
                || ex instanceof UncheckedIOException
                || ex instanceof UserException
                || ex instanceof ExperimentFileException
                || ex instanceof GenerationException;
    }

    static String message(Throwable ex) {
        if (ex instanceof NoSuchFileException nf) {
            return "no such file: " + nf.getFile();
        }
        if (ex instanceof UncheckedIOException u && u.getCause() != null) {
            return message(u.getCause());
        }
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }
}
