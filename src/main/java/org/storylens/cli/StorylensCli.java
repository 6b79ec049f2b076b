package org.storylens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code storylens} command and its subcommands. */
@Command(name = "storylens", mixinStandardHelpOptions = true, version = "storylens " + org.storylens.serve.StorylensServer.VERSION,
        description = "Multi-source news story engine: ingests articles, cleans them, stores them and groups them into stories.",
        subcommands = {IngestCommand.class, ArticlesCommand.class, StoriesCommand.class, ClusterCommand.class, BriefCommand.class, EvalCommand.class,
                DemoCommand.class, ServeCommand.class, WatchCommand.class, PublishCommand.class, StreamCommand.class,
                CommandLine.HelpCommand.class})
public final class StorylensCli implements Runnable {

    /** Exit code when some inputs could not be read (the others were processed). */
    public static final int SOME_INPUTS_FAILED = 1;
    /** Exit code for a command line that cannot be run as given (picocli's own usage errors use it too). */
    public static final int USAGE = 2;
    /** Exit code when the database could not be opened or written. */
    public static final int STORE_FAILED = 3;

    /** Says that the database a read-only command was given does not exist; returns {@link #STORE_FAILED}. */
    static int noDatabase(java.io.PrintWriter err, String db) {
        err.println("error: " + db + ": no such database; run 'storylens ingest PATH...' first");
        err.flush();
        return STORE_FAILED;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, for tests and embedding. */
    public static CommandLine commandLine() {
        return new CommandLine(new StorylensCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
