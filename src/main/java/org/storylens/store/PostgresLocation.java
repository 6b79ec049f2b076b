package org.storylens.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a PostgreSQL database is, as the store connects to it: read from {@code postgresql://[USER[:PASSWORD]@]HOST
 * [:PORT]/DB[?PARAMS]} (also {@code postgres://}) or {@code jdbc:postgresql://...}; the user and password from the
 * URL (its user info, or its {@code user} and {@code password} parameters), else from the variables
 * {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE}. Immutable.
 *
 * @param jdbcUrl  the URL the driver connects to, without user or password
 * @param user     the user, or null for the driver's default
 * @param password the password, or null for none
 * @param shown    the URL as messages name it: user, host, port and database, never the password
 */
record PostgresLocation(String jdbcUrl, String user, String password, String shown) {

    static final String USER_VARIABLE = "STORYLENS_DB_USER";
    static final String PASSWORD_VARIABLE = "STORYLENS_DB_PASSWORD";

    private static final String JDBC_PREFIX = "jdbc:postgresql:";
    private static final List<String> PREFIXES = List.of("postgresql://", "postgres://", JDBC_PREFIX);

    @Override
    public String toString() {
        return shown;
    }

    /** Whether the text names a PostgreSQL database (any other text is a SQLite file). */
    static boolean isPostgres(String db) {
        String lower = db.strip().toLowerCase(Locale.ROOT);
        return PREFIXES.stream().anyMatch(lower::startsWith);
    }

    /**
     * Reads the URL; one that cannot be read fails naming it (without its password).
     *
     * @param env the environment the user and password variables are read from
     */
    static PostgresLocation parse(String db, Map<String, String> env) {
        String text = db.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        String rest = lower.startsWith(JDBC_PREFIX) ? text.substring(JDBC_PREFIX.length())
                : text.substring(text.indexOf(':') + 1);
        if (!rest.startsWith("//")) {
            throw bad(db, "give it as postgresql://HOST[:PORT]/DATABASE");
        }
        URI uri;
        try {
            uri = new URI("postgresql:" + rest);
        } catch (URISyntaxException e) {
            throw bad(db, e.getReason());
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw bad(db, "no host (give it as postgresql://HOST[:PORT]/DATABASE)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty() || database.contains("/")) {
            throw bad(db, "no database name (give it as postgresql://HOST[:PORT]/DATABASE)");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                if (parameter.isEmpty()) {
                    continue;
                }
                int equals = parameter.indexOf('=');
                String name = decode(equals < 0 ? parameter : parameter.substring(0, equals));
                String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
                if (name.equals("user")) {
                    user = value;
                } else if (name.equals("password")) {
                    password = value;
                } else {
                    kept.add(parameter);
                }
            }
        }
        if (user == null || user.isEmpty()) {
            user = blankToNull(env.get(USER_VARIABLE));
        }
        if (password == null || password.isEmpty()) {
            password = blankToNull(env.get(PASSWORD_VARIABLE));
        }
        String address = host + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + "/" + database
                + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        String shown = "postgresql://" + (user == null ? "" : URLEncoder.encode(user, StandardCharsets.UTF_8) + "@")
                + address;
        return new PostgresLocation("jdbc:postgresql://" + address, user, password, shown);
    }

    /** The text with what looks like a password masked, for a message about a URL that could not be read. */
    static String withoutPassword(String db) {
        return db.replaceAll("(//[^/@:]*:)[^@/]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static IllegalArgumentException bad(String db, String why) {
        return new IllegalArgumentException("not a PostgreSQL URL: " + withoutPassword(db.strip()) + ": " + why);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
