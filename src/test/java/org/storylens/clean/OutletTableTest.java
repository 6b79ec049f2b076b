package org.storylens.clean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutletTableTest {

    private static OutletTable table;

    @BeforeAll
    static void loadTheShippedTable() {
        table = OutletTable.load();
    }

    @Test
    void findsAnOutletByNameOrAliasIgnoringCaseAccentsPunctuationAndTheArticle() {
        assertThat(table.byName("Agence France-Presse")).map(Outlet::name).contains("AFP");
        assertThat(table.byName("agence france presse")).map(Outlet::name).contains("AFP");
        assertThat(table.byName("The Associated Press")).map(Outlet::name).contains("Associated Press");
        assertThat(table.byName("the guardian")).map(Outlet::name).contains("The Guardian");
        assertThat(table.byName("  RTE ")).map(Outlet::name).contains("RTÉ");
        assertThat(table.byName("ТАСС")).map(Outlet::name).contains("TASS");
    }

    @Test
    void findsNothingForAnUnknownOrMissingName() {
        assertThat(table.byName("Riverside Gazette")).isEmpty();
        assertThat(table.byName(null)).isEmpty();
    }

    @Test
    void knowsAgenciesFromPublishers() {
        assertThat(table.byName("Reuters")).hasValueSatisfying(o -> assertThat(o.agency()).isTrue());
        assertThat(table.byName("CNN")).hasValueSatisfying(o -> assertThat(o.agency()).isFalse());
    }

    @Test
    void findsAnOutletByHostIncludingSubDomains() {
        assertThat(table.byHost("edition.cnn.com")).map(Outlet::name).contains("CNN");
        assertThat(table.byHost("WWW.Reuters.com")).map(Outlet::name).contains("Reuters");
        assertThat(table.byHost("www.bbc.co.uk")).map(Outlet::name).contains("BBC");
        assertThat(table.byHost("timesofindia.indiatimes.com")).map(Outlet::name).contains("The Times of India");
    }

    @Test
    void doesNotMatchAHostThatOnlyContainsADomain() {
        assertThat(table.byHost("notcnn.com")).isEmpty();
        assertThat(table.byHost("cnn.com.example.net")).isEmpty();
        assertThat(table.byHost("localhost")).isEmpty();
        assertThat(table.byHost(null)).isEmpty();
    }

    @Test
    void findsOutletsNamedInTextInOrderOfAppearance() {
        List<Outlet> named = table.namedIn("Sources told Agence France-Presse, and later CNN and AFP, that ...");

        assertThat(named).extracting(Outlet::name).containsExactly("AFP", "CNN");
    }

    @Test
    void prefersTheLongestNameAtAPosition() {
        assertThat(table.namedIn("Reporting by Associated Press of Pakistan staff"))
                .extracting(Outlet::name).containsExactly("Associated Press of Pakistan");
    }

    @Test
    void findsShortAliasesOnlyAsWholeWordsInTheirOwnCase() {
        assertThat(table.namedIn("(AP) — the MAP shows AP's reach")).extracting(Outlet::name)
                .containsExactly("Associated Press");
        assertThat(table.namedIn("a cheap snap of the ap team, APPLE and TAPAS")).isEmpty();
        assertThat(table.namedIn("CAPTION APPROVED")).isEmpty();
    }

    @Test
    void findsNamesWrittenInCapitals() {
        assertThat(table.namedIn("Photo: JOHN SMITH/REUTERS")).extracting(Outlet::name).containsExactly("Reuters");
        assertThat(table.namedIn("Source: XINHUA NEWS AGENCY")).extracting(Outlet::name).containsExactly("Xinhua");
    }

    @Test
    void shipsNoNameOrDomainTwice() {
        Map<String, String> owners = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Outlet o : table.all()) {
            List<String> keys = new ArrayList<>();
            keys.add(OutletTable.key(o.name()));
            o.aliases().forEach(a -> keys.add(OutletTable.key(a)));
            o.domains().forEach(d -> keys.add("domain " + d));
            for (String k : keys.stream().distinct().toList()) {
                String before = owners.putIfAbsent(k, o.name());
                if (before != null) {
                    clashes.add(k + ": " + before + " / " + o.name());
                }
            }
        }
        assertThat(clashes).isEmpty();
        assertThat(table.all()).hasSizeGreaterThan(300);
    }

    @Test
    void parsesRowsWithAliasesAndDomains() throws IOException {
        List<Outlet> rows = OutletTable.parse(stream("""
                name\tkind\tcountry\tstateAffiliated\taliases\tdomains
                # agencies
                Example Wire\tagency\tXX\tyes\tEW|Example Wire Service\texamplewire.test

                Daily Example\toutlet\tXX\tno\t\t
                """));

        assertThat(rows).containsExactly(
                new Outlet("Example Wire", true, "XX", true, List.of("EW", "Example Wire Service"),
                        List.of("examplewire.test")),
                new Outlet("Daily Example", false, "XX", false, List.of(), List.of()));
    }

    @Test
    void rejectsATableWithAWrongHeader() {
        assertThatThrownBy(() -> OutletTable.parse(stream("outlet\tkind\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("header");
    }

    @Test
    void rejectsAShortRowNamingItsLine() {
        assertThatThrownBy(() -> OutletTable.parse(stream(
                "name\tkind\tcountry\tstateAffiliated\taliases\tdomains\nDaily Example\toutlet\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("line 2");
    }

    private static ByteArrayInputStream stream(String tsv) {
        return new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8));
    }
}
