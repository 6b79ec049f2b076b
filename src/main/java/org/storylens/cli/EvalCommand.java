package org.storylens.cli;

import org.storylens.analyse.CoreNlpAnnotator;
import org.storylens.analyse.TimeResolver;
import org.storylens.analyse.QuoteFinder;
import org.storylens.eval.NerEvaluation;
import org.storylens.eval.QuoteEvaluation;
import org.storylens.eval.TimeEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code storylens eval ner|time|quotes PATH}: scores against public gold data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Scores storylens against labelled public data (see ../shared/eval/README.md).",
        subcommands = {EvalCommand.Ner.class, EvalCommand.Time.class, EvalCommand.Quotes.class})
final class EvalCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "ner", mixinStandardHelpOptions = true,
            description = "Named entities on CoNLL-2003 (token + IOB1 tag per line): conlleval exact-span micro "
                    + "precision, recall and F1, per type, and speed.")
    static final class Ner implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "e.g. ../shared/eval/ner/conll2003-testb-first-half.txt")
        Path file;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                spec.commandLine().getErr().println("error: " + file + ": no such file");
                return StorylensCli.SOME_INPUTS_FAILED;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("ner " + file + ": " + new NerEvaluation(new CoreNlpAnnotator()).evaluate(file).describe());
            out.flush();
            return 0;
        }
    }

    @Command(name = "time", mixinStandardHelpOptions = true,
            description = "Time expressions on TempEval-3 TimeML (.tml, DCT as publication date): strict and relaxed "
                    + "span precision/recall/F1 and value accuracy, for SUTime alone and with storylens's resolver.")
    static final class Time implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "e.g. ../shared/eval/time/aquaint-tbaq-cleaned")
        Path directory;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.isDirectory(directory)) {
                spec.commandLine().getErr().println("error: " + directory + ": no such folder");
                return StorylensCli.SOME_INPUTS_FAILED;
            }
            TimeEvaluation.Report report = new TimeEvaluation(new CoreNlpAnnotator(), new TimeResolver())
                    .evaluate(directory);
            PrintWriter out = spec.commandLine().getOut();
            out.println("time " + directory + " (" + report.documents() + " documents)");
            out.println("  SUTime alone:  " + report.sutime());
            out.println("  with resolver: " + report.resolved());
            out.flush();
            return 0;
        }
    }

    @Command(name = "quotes", mixinStandardHelpOptions = true,
            description = "Quotes and attributions on PolNeAR (text/*.txt with attributions/*.ann): source and content "
                    + "span overlap precision/recall/F1 and speaker accuracy.")
    static final class Quotes implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "e.g. ../shared/eval/quotes/polnear-dev")
        Path directory;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.isDirectory(directory)) {
                spec.commandLine().getErr().println("error: " + directory + ": no such folder");
                return StorylensCli.SOME_INPUTS_FAILED;
            }
            QuoteEvaluation.Report report = new QuoteEvaluation(new CoreNlpAnnotator(), new QuoteFinder())
                    .evaluate(directory);
            PrintWriter out = spec.commandLine().getOut();
            out.println("quotes " + directory);
            out.println(report.summary());
            out.flush();
            return 0;
        }
    }
}
