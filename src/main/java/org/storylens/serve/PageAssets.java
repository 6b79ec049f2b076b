package org.storylens.serve;

import org.storylens.brief.BriefHtml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The files the pages link: an allow-list of style sheets and scripts read once from the class path, each with its
 * content type and an entity tag. The style sheet is the brief's ({@link BriefHtml#CSS}, the one the standalone brief
 * inlines) followed by the pages' own. Nothing else is served from the class path. Immutable.
 */
final class PageAssets {

    /**
     * One served file.
     *
     * @param bytes       its content
     * @param contentType its media type with charset
     * @param etag        a quoted hash of its content
     */
    record Asset(byte[] bytes, String contentType, String etag) {
    }

    private static final String CSS = "text/css; charset=utf-8";
    private static final String JS = "text/javascript; charset=utf-8";

    private final Map<String, Asset> assets;

    PageAssets() {
        this.assets = Map.of(
                "storylens.css", asset((BriefHtml.CSS + "\n" + new String(resource("assets/storylens.css"),
                        StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8), CSS),
                "storylens.js", asset(resource("assets/storylens.js"), JS),
                "storylens.svg", asset(resource("assets/storylens.svg"), "image/svg+xml"));
    }

    /** The file by this name, or empty when it is not one of the allowed ones. */
    Optional<Asset> get(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    private static byte[] resource(String path) {
        try (InputStream in = PageAssets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource org/storylens/serve/" + path + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource org/storylens/serve/" + path, e);
        }
    }

    private static Asset asset(byte[] bytes, String contentType) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Asset(bytes, contentType, "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
