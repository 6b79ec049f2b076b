package org.storylens.pipeline;

import org.storylens.ingest.Input;
import org.storylens.ingest.RawArticle;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The bundled demo sample's files, read and not cleaned, as a feed round or a POST hands them over. */
final class DemoSample {

    private static final PipelineFactory FACTORY = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);

    private DemoSample() {
    }

    static List<RawArticle> read(String... names) throws Exception {
        List<RawArticle> raw = new ArrayList<>();
        for (String name : names) {
            try (InputStream in = DemoSample.class.getResourceAsStream("/org/storylens/demo/" + name)) {
                raw.addAll(FACTORY.reader().read(Input.ofBytes(name, in.readAllBytes())).articles());
            }
        }
        return raw;
    }
}
