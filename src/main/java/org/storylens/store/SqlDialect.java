package org.storylens.store;

/**
 * What the store's SQL says differently on each database it runs on: the column that keeps the order rows were
 * inserted in, case-insensitive text, the binary column type. Everything else is SQL both databases read alike.
 * Implementations are immutable.
 */
interface SqlDialect {

    /** The expression that orders a table's rows as they were inserted, on the table aliased {@code alias}. */
    String insertOrder(String alias);

    /**
     * The column definition (with its trailing comma) that keeps the insertion order in a new table, or an empty
     * text when the database keeps one itself.
     */
    String insertOrderColumn();

    /** The expression that compares and groups {@code expression} case aside (ASCII letters at least). */
    String caseless(String expression);

    /** The condition that the text {@code haystack} holds the text {@code needle}. */
    String contains(String haystack, String needle);

    /** The type of a column of bytes. */
    String bytes();

    /**
     * The type of a text column that is never null and compares case aside (ASCII letters at least) where the database
     * can say so.
     */
    String caselessText();

    /** What an index on a column of {@link #caselessText()} indexes so that {@link #caseless} comparisons use it. */
    String caselessIndexed(String column);

    /** SQLite: the order is the rowid, case aside is {@code COLLATE NOCASE}, bytes a {@code BLOB}. */
    final class Sqlite implements SqlDialect {

        @Override
        public String insertOrder(String alias) {
            return alias + ".rowid";
        }

        @Override
        public String insertOrderColumn() {
            return "";
        }

        @Override
        public String caseless(String expression) {
            return expression + " COLLATE NOCASE";
        }

        @Override
        public String contains(String haystack, String needle) {
            return "instr(" + haystack + ", " + needle + ") > 0";
        }

        @Override
        public String bytes() {
            return "BLOB";
        }

        @Override
        public String caselessText() {
            return "TEXT NOT NULL COLLATE NOCASE";
        }

        @Override
        public String caselessIndexed(String column) {
            return column; // the column's collation is NOCASE
        }
    }

    /** PostgreSQL: the order is an identity column {@code seq}, case aside is {@code lower()}, bytes a {@code BYTEA}. */
    final class Postgres implements SqlDialect {

        @Override
        public String insertOrder(String alias) {
            return alias + ".seq";
        }

        @Override
        public String insertOrderColumn() {
            return "seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,\n";
        }

        @Override
        public String caseless(String expression) {
            return "lower(" + expression + ")";
        }

        @Override
        public String contains(String haystack, String needle) {
            return "strpos(" + haystack + ", " + needle + ") > 0";
        }

        @Override
        public String bytes() {
            return "BYTEA";
        }

        @Override
        public String caselessText() {
            return "TEXT NOT NULL"; // compared through lower(), which an index on lower(column) serves
        }

        @Override
        public String caselessIndexed(String column) {
            return caseless(column);
        }
    }
}
