package org.storylens.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.storylens.analyse.CoreNlpAnnotator;
import org.storylens.analyse.EntityFinder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * F1 and speed of each NER configuration on the shared CoNLL half; slow (a pipeline per configuration), so it runs
 * only when asked: {@code mvn -q -B -o test -Dtest=NerConfigurationComparison -Dstorylens.ner.compare=true}.
 */
@EnabledIfSystemProperty(named = "storylens.ner.compare", matches = "true")
class NerConfigurationComparison {

    @Test
    void printsF1AndSpeedPerConfiguration() throws IOException {
        assumeTrue(Files.isRegularFile(NerEvaluationTest.CONLL));
        List<ConllDocument> documents = ConllReader.read(NerEvaluationTest.CONLL);
        Map<String, CoreNlpAnnotator.Options> configurations = new LinkedHashMap<>();
        configurations.put("3 models + SUTime everywhere (BRIEF)", CoreNlpAnnotator.Options.BRIEF);
        configurations.put("3 models, no SUTime", new CoreNlpAnnotator.Options(List.of(), CoreNlpAnnotator.Times.NONE));
        configurations.put("conll 4-class + SUTime in cued windows (INGEST)", CoreNlpAnnotator.Options.INGEST);
        configurations.put("conll 4-class, no SUTime (FAST_ENTITIES)", CoreNlpAnnotator.Options.FAST_ENTITIES);
        configurations.put("all 3-class, no SUTime", new CoreNlpAnnotator.Options(
                List.of(CoreNlpAnnotator.Options.ALL_3CLASS), CoreNlpAnnotator.Times.NONE));
        configurations.forEach((name, options) -> {
            CoreNlpAnnotator annotator = new CoreNlpAnnotator(options);
            NerEvaluation evaluation = new NerEvaluation(annotator);
            evaluation.evaluate(documents.subList(0, 30)); // JIT warm-up, not timed
            System.out.println(name + ": " + evaluation.evaluate(documents).describe());
            System.out.println(name + " + EntityFinder: "
                    + new NerEvaluation(annotator, new EntityFinder()).evaluate(documents).describe());
        });
    }
}
