package org.storylens.cli;

import org.storylens.clean.Article;

import java.io.PrintWriter;
import java.util.List;

/** Prints articles as a fixed-width table for a terminal. */
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
            out.printf(format, cut(a.id(), 24), date, cut(or(a.outlet()), 18), cut(or(a.wire()), 10),
                    or(a.language()), a.removed().size(), cut(title.replace('\n', ' '), 70));
        }
        if (articles.stream().anyMatch(a -> a.published() != null && a.published().yearInferred())) {
            out.println("* year inferred from the other articles read with it");
        }
        out.println(articles.size() + " articles");
    }

    private static String or(String s) {
        return s == null ? "-" : s;
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
