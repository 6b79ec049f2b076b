package org.storylens.eval;

import org.junit.jupiter.api.Test;
import org.storylens.analyse.Annotators;
import org.storylens.analyse.EntityFinder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The gold-set figure for the entities storylens finds with its default CoreNLP set-up. */
class NerEvaluationTest {

    static final Path CONLL = Path.of(System.getProperty("storylens.shared", "../shared"),
            "eval", "ner", "conll2003-testb-first-half.txt");

    @Test
    void entitiesFoundWithTheDefaultAnnotatorReachTheirF1OnTheSharedConllHalf() throws IOException {
        assumeTrue(Files.isRegularFile(CONLL), "the shared CoNLL file is not beside the project: " + CONLL);

        NerEvaluation.Report report = new NerEvaluation(Annotators.shared(), new EntityFinder()).evaluate(CONLL);

        System.out.println("NER default + EntityFinder: " + report.describe());
        assertThat(report.documents()).isEqualTo(115);
        // CoreNLP's own tags score 88.2 here (NerConfigurationComparison); the finder's mending must not cost F1
        assertThat(report.overall().f1()).isGreaterThan(0.87);
    }
}
