package org.storylens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.serve.ServerOptions;
import org.storylens.store.TestPostgres;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storylens.cli.ArticleLines.line;

/** {@code serve --db postgresql://...}: the server answers from the stories an ingest stored in PostgreSQL. */
class ServeOnPostgresqlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void servesTheStoriesAnIngestStoredInPostgresqlAndSearchesTheirTexts() throws Exception {
        Path input = dir.resolve("in.jsonl");
        Files.write(input, List.of(
                line("ferry-1", "Ferry crews walk out over pay in Port Aldery",
                        "Ferry crews in Port Aldery went on strike on Tuesday, stranding hundreds of passengers on "
                                + "the island routes. The seafarers' union wants a 7 percent pay rise, its leader "
                                + "Tomas Kell told reporters at the terminal.",
                        "2025-03-11", "Aldery Gazette"),
                line("ferry-2", "Port Aldery ferry strike enters second day",
                        "The ferry strike in Port Aldery entered its second day on Wednesday as talks between the "
                                + "seafarers' union and the ferry operator broke down. Union leader Tomas Kell said "
                                + "crews would not sail until the 7 percent pay rise was agreed.",
                        "2025-03-12", "Aldery Gazette"),
                line("reader-1", "Quillon unveils foldable e-reader",
                        "Quillon launched the Fold S, a foldable e-reader with a colour screen, at an event in "
                                + "Castrell on Wednesday. The device costs 349 euros and ships in April, chief "
                                + "executive Lena Sorn said.",
                        "2025-03-12", "Gadget Ledger")));
        String db = TestPostgres.newDatabase();
        CliRun ingest = CliRun.of("ingest", input.toString(), "--db", db);
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();

        StringWriter err = new StringWriter();
        try (ServerRun run = ServerRun.start(db, dir.resolve("pg"), ServerOptions.onPort(0), 2,
                new PrintWriter(err, true))) {
            HttpClient http = HttpClient.newHttpClient();
            URI base = run.server().url();
            JsonNode all = JSON.readTree(get(http, base.resolve("/api/stories")));
            assertThat(all.toString()).contains("Port Aldery ferry strike enters second day") // its latest headline
                    .contains("Quillon unveils foldable e-reader");
            // full-text search through the tsvector index, the last word as a prefix
            String found = get(http, base.resolve("/api/stories?q=seafarers%20unio"));
            assertThat(found).contains("Port Aldery ferry strike").doesNotContain("Quillon");
            assertThat(get(http, base.resolve("/api/stories?q=e-reader%20colour"))).contains("Quillon")
                    .doesNotContain("Ferry crews");
        }
    }

    private static String get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
