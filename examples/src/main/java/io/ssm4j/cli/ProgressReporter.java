package io.ssm4j.cli;

import io.ssm4j.inference.fit.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error that follows a fit's iterations and shows the objective, drawn only when the
 * command runs in a terminal: redirected to a file (a batch job, a script), its redraws would fill the log with
 * frames and take a thread away from the fit.
 */
final class ProgressReporter implements ProgressListener, AutoCloseable {
    private final ProgressBar bar;

    private ProgressReporter(ProgressBar bar) {
        this.bar = bar;
    }

    static ProgressReporter start(String task, long totalIterations) {
        if (System.console() == null) return new ProgressReporter(null);
        return new ProgressReporter(new ProgressBarBuilder().setTaskName(task).setInitialMax(totalIterations)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build());
    }

    @Override
    public void iterationDone(int iteration, int maxIterations, double objective) {
        if (bar == null) return;
        bar.step();
        bar.setExtraMessage(String.format(" objective %.4f", objective));
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
