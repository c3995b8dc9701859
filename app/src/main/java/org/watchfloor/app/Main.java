package org.watchfloor.app;

import org.watchfloor.stage.PrometheusMetrics;
import org.watchfloor.stage.config.SettingsException;
import picocli.CommandLine;

/** Entry point of the {@code watchfloor} command: parses arguments, runs, exits with the command's code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Before any part registers a meter: what is counted before the Prometheus registry joins is not scraped.
        PrometheusMetrics.registry();
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new WatchfloorCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof SettingsException) {
                // A bad setting is a usage error: it names the key and where it was given.
                commandLine.getErr().println("watchfloor " + commandLine.getCommandName() + ": " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            // Expected failures (bad input, unreachable broker) are reported in one line; the cause
            // chain goes to the log at debug level for whoever needs it.
            commandLine.getErr().println("watchfloor " + commandLine.getCommandName() + ": " + describe(e));
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", e);
            return 1;
        });
        return cli;
    }

    private static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
        }
        return message.toString();
    }
}
