package io.ssm4j.cli;

import io.ssm4j.inference.messages.HmmInference;
import picocli.CommandLine;

import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * The {@code ssm4j} command line: {@code fit}, {@code infer}, {@code sample} and {@code demo}. Any error
 * ends the process with a non-zero status and one line on standard error naming what was wrong.
 */
@Command(name = "ssm4j", mixinStandardHelpOptions = true, version = "ssm4j 0.1.0",
        description = "State-space models of neural and behavioural time series.",
        subcommands = {FitCommand.class, InferCommand.class, SampleCommand.class, CrossValidateCommand.class, DatasetsCommand.class, DemoCommand.class})
public final class Ssm4j {
    private Ssm4j() {}

    public static void main(String[] args) {
        warmUpKernelsInBackground();
        System.exit(run(args));
    }

    /**
     * Chooses (and JIT-primes) the numerical kernels (math and message passing) on a background thread while the command line is parsed and
     * the data are read, instead of inside the first fit or inference: the Vector API's start-up costs a few
     * tenths of a second. A caller that needs the kernels earlier simply waits for the class initialisation.
     * Then loads the JSON writer, which a fit's first checkpoint would otherwise load in the middle of the fit.
     */
    private static void warmUpKernelsInBackground() {
        Thread t = new Thread(() -> {
            HmmInference.warmUp();
            ModelFile.warmUp();
        }, "ssm4j-kernel-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Runs the command line and returns its exit status (no System.exit, for tests). */
    public static int run(String... args) {
        return run(new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with errors written to err; returns the exit status. */
    public static int run(PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Ssm4j());
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (Boolean.getBoolean("ssm4j.debug")) ex.printStackTrace();
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            commandLine.getErr().println("ssm4j " + commandLine.getCommandName() + ": error: " + msg.replace('\n', ' '));
            return 2;
        });
        return cli.execute(args);
    }
}
