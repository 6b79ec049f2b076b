package org.storylens.cli;

import org.storylens.pipeline.PipelineFactory;
import picocli.CommandLine.Option;

/** Options for commands that read inputs. */
final class ReadOptions {

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + PipelineFactory.DEFAULT_MAX_BYTES,
            description = "Largest text or HTML document to read, in bytes. Default: ${DEFAULT-VALUE}")
    long maxBytes;
}
