package org.storylens.cli;

import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.CoreNlpAnnotator;
import org.storylens.analyse.QuoteFinder;
import org.storylens.analyse.TimeResolver;
import org.storylens.eval.NerEvaluation;
import org.storylens.eval.QuoteEvaluation;
import org.storylens.eval.TimeEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code storylens eval ner|time|quotes|clustering|brief|extraction PATH}: scores against public gold data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Scores storylens against labelled public data (see ../shared/eval/README.md).",
        subcommands = {EvalCommand.Ner.class, EvalCommand.Time.class, EvalCommand.Quotes.class,
                ClusteringEvalCommand.class, BriefEvalCommand.class, ExtractionEvalCommand.class})
final class EvalCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One evaluation: checks its data path, runs, prints the report. */
    abstract static class Evaluation implements Callable<Integer> {

        @Parameters(paramLabel = "PATH", description = "The gold data (a file for ner, a folder for time and quotes).")
        Path path;

        @Option(names = "--tier", defaultValue = "BRIEF", paramLabel = "TIER",
                description = "Which analysis to score: ingest (CoNLL 4-class NER, SUTime on cued windows) or brief "
                        + "(CoreNLP's three NER models, SUTime on every sentence). Default: brief.")
        AnalysisTier tier;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        abstract boolean wantsFolder();

        CoreNlpAnnotator annotator() {
            return new CoreNlpAnnotator(tier.options());
        }

        /** The report, a few lines for a terminal. */
        abstract String evaluate(Path data) throws IOException;

        @Override
        public Integer call() throws IOException {
            boolean ok = wantsFolder() ? Files.isDirectory(path) : Files.isRegularFile(path);
            if (!ok) {
                spec.commandLine().getErr().println("error: " + path + ": no such " + (wantsFolder() ? "folder" : "file"));
                spec.commandLine().getErr().flush();
                return StorylensCli.SOME_INPUTS_FAILED;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(spec.name() + " " + path + " (" + tier.name().toLowerCase(java.util.Locale.ROOT) + " tier)");
            out.println(evaluate(path));
            out.flush();
            return 0;
        }
    }

    @Command(name = "ner", mixinStandardHelpOptions = true,
            description = "Named entities on CoNLL-2003 (token + IOB1 tag per line): conlleval exact-span micro "
                    + "precision, recall and F1, per type, and speed.")
    static final class Ner extends Evaluation {

        @Override
        boolean wantsFolder() {
            return false;
        }

        @Override
        String evaluate(Path data) throws IOException {
            return new NerEvaluation(annotator()).evaluate(data).describe();
        }
    }

    @Command(name = "time", mixinStandardHelpOptions = true,
            description = "Time expressions on TempEval-3 TimeML (.tml, DCT as publication date): strict and relaxed "
                    + "span precision/recall/F1 and value accuracy, for SUTime alone and with storylens's resolver.")
    static final class Time extends Evaluation {

        @Override
        boolean wantsFolder() {
            return true;
        }

        @Override
        String evaluate(Path data) {
            TimeEvaluation.Report report = new TimeEvaluation(annotator(), new TimeResolver())
                    .evaluate(data);
            return report.documents() + " documents\n  SUTime alone:  " + report.sutime()
                    + "\n  with resolver: " + report.resolved();
        }
    }

    @Command(name = "quotes", mixinStandardHelpOptions = true,
            description = "Quotes and attributions on PolNeAR (text/*.txt with attributions/*.ann): source and content "
                    + "span overlap precision/recall/F1 and speaker accuracy.")
    static final class Quotes extends Evaluation {

        @Override
        boolean wantsFolder() {
            return true;
        }

        @Override
        String evaluate(Path data) {
            return new QuoteEvaluation(annotator(), new QuoteFinder()).evaluate(data).summary();
        }
    }
}
