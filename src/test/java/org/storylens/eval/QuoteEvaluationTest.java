package org.storylens.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.analyse.Annotators;
import org.storylens.analyse.QuoteFinder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class QuoteEvaluationTest {

    private final QuoteEvaluation evaluation = new QuoteEvaluation(Annotators.shared(), new QuoteFinder());

    @Test
    void scoresAQuoteAgainstDiscontinuousGoldSpans(@TempDir Path dir) throws IOException {
        String text = "“The bridge will open in June,” Mayor Ana Lopes said. Nobody else spoke.";
        Files.createDirectories(dir.resolve("text"));
        Files.createDirectories(dir.resolve("attributions"));
        Files.writeString(dir.resolve("text/a.txt"), text);
        Files.writeString(dir.resolve("attributions/a.ann"), """
                T1\tSource 32 47\tMayor Ana Lopes
                T2\tCue 48 52\tsaid
                T3\tContent 0 10;11 31\t“The bridge will open in June,”
                T4\tAttribution 48 52\tsaid
                E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
                """);

        QuoteEvaluation.Report report = evaluation.evaluate(dir);

        assertThat(report.documents()).isEqualTo(1);
        assertThat(report.content().f1()).isEqualTo(1.0);
        assertThat(report.source().f1()).isEqualTo(1.0);
        assertThat(report.speakerAccuracy()).isEqualTo(1.0);
    }

    @Test
    void computesTheFiguresOnPolnearDev() {
        Path folder = Path.of(System.getProperty("storylens.shared", "../shared"), "eval", "quotes", "polnear-dev");
        assumeTrue(Files.isDirectory(folder), "PolNeAR dev is not beside the project: " + folder);

        QuoteEvaluation.Report report = evaluation.evaluate(folder);
        System.out.print("PolNeAR dev quotes\n" + report.summary());

        assertThat(report.texts()).isEqualTo(84);
        assertThat(report.documents()).isGreaterThanOrEqualTo(84);
        assertThat(report.content().gold()).isGreaterThan(2000);
        assertThat(report.content().f1()).isGreaterThan(0.3);
        assertThat(report.source().f1()).isGreaterThan(0.2);
        assertThat(report.speakerAccuracy()).isGreaterThan(0.3);
    }
}
