package org.storylens.eval;

import org.junit.jupiter.api.Test;
import org.storylens.analyse.Annotators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The gold-set figure for CoreNLP's NER as storylens configures it by default. */
class NerEvaluationTest {

    static final Path CONLL = Path.of(System.getProperty("storylens.shared", "../shared"),
            "eval", "ner", "conll2003-testb-first-half.txt");

    @Test
    void defaultAnnotatorReachesItsF1OnTheSharedConllHalf() throws IOException {
        assumeTrue(Files.isRegularFile(CONLL), "the shared CoNLL file is not beside the project: " + CONLL);

        NerEvaluation.Report report = new NerEvaluation(Annotators.shared()).evaluate(CONLL);

        System.out.println("NER default: " + report.describe());
        assertThat(report.documents()).isEqualTo(115);
        assertThat(report.overall().f1()).isGreaterThan(0.80);
    }
}
