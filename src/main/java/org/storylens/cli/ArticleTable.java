package org.storylens.cli;

import org.storylens.clean.Article;

import java.io.PrintWriter;
import java.util.List;

/** Prints articles as a fixed-width table for a terminal; article text is {@link TerminalText escaped}. */
final class ArticleTable {

    void print(List<Article> articles, PrintWriter out) {
        String format = "%-24s %-11s %-18s %-10s %-4s %4s  %s%n";
        out.printf(format, "ID", "PUBLISHED", "OUTLET", "WIRE", "LANG", "RMVD", "TITLE");
        for (Article a : articles) {
            String date = a.publishedAt() == null ? "-" : a.publishedAt() + (a.published().yearInferred() ? "*" : "");
            if (a.publishedAt() == null && a.published() != null) {
                date = String.format("--%02d-%02d", a.published().month(), a.published().day());
            }
            String title = a.title() != null ? a.title() : "(no title) " + a.text();
            out.printf(format, TerminalText.cell(a.id(), 24), date, TerminalText.cell(or(a.outlet()), 18),
                    TerminalText.cell(or(a.wire()), 10), TerminalText.cell(or(a.language()), 4), a.removed().size(),
                    TerminalText.cell(title, 70));
        }
        if (articles.stream().anyMatch(a -> a.published() != null && a.published().yearInferred())) {
            out.println("* year inferred from the other articles read with it");
        }
        out.println(articles.size() + " articles");
    }

    private static String or(String s) {
        return s == null ? "-" : s;
    }
}
