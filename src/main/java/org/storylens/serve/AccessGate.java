package org.storylens.serve;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The one access check of every request: writes need the bearer token; reads need it too when the server was started
 * with {@link ServerOptions#readsNeedToken()}. A read carries it in {@code Authorization: Bearer TOKEN}, or — for a
 * browser — in the {@code storylens_token} cookie, which a request with {@code ?token=TOKEN} sets (HttpOnly,
 * SameSite=Strict) with a redirect to the same address without the token. Style sheets and scripts under
 * {@code /assets/} stay open. Writes accept the header only: a cookie could be sent by another site's form.
 * Immutable; thread-safe.
 */
final class AccessGate {

    static final String COOKIE = "storylens_token";
    static final String QUERY_PARAMETER = "token";

    private final AccessToken token;
    private final boolean readsNeedToken;

    AccessGate(AccessToken token, boolean readsNeedToken) {
        this.token = token;
        this.readsNeedToken = readsNeedToken;
    }

    /** The before-handler: lets the request through, or answers it (401, or the redirect that sets the cookie). */
    void check(Context ctx) {
        if (ctx.path().startsWith("/assets/")) {
            return;
        }
        String method = ctx.method().name();
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (!read) {
            if (!token.isCarriedBy(ctx.header("Authorization"))) {
                refuse(ctx, "writes need the access token: send 'Authorization: Bearer TOKEN' (the token is in "
                        + token.file().getFileName() + " beside the database)");
            }
            return;
        }
        if (!readsNeedToken || token.isCarriedBy(ctx.header("Authorization")) || token.matches(ctx.cookie(COOKIE))) {
            return;
        }
        String offered = ctx.queryParam(QUERY_PARAMETER);
        if (offered != null && token.matches(offered.strip())) {
            ctx.header("Set-Cookie", COOKIE + "=" + token.value() + "; Path=/; HttpOnly; SameSite=Strict"
                    + (ctx.scheme().equals("https") ? "; Secure" : ""));
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(withoutToken(ctx), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        refuse(ctx, "reads need the access token on this server: send 'Authorization: Bearer TOKEN', or open "
                + "the address once with ?token=TOKEN in a browser (the token is in " + token.file().getFileName()
                + " beside the database)");
    }

    private static void refuse(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer");
        ctx.skipRemainingHandlers();
        StorylensServer.failure(ctx, 401, message);
    }

    /** The request's path and query without the token parameter. */
    private static String withoutToken(Context ctx) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().equals(QUERY_PARAMETER)) {
                continue;
            }
            for (String value : e.getValue()) {
                query.append(query.length() == 0 ? '?' : '&').append(encode(e.getKey())).append('=')
                        .append(encode(value));
            }
        }
        // one leading slash: "//host/x" would send the browser to another site
        return "/" + ctx.path().replaceFirst("^/+", "") + query;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
