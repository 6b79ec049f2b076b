package org.storylens.ingest;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A web site on the loopback interface for fetcher tests: answers each path by its route (404 for any other path),
 * keeps every request it was sent, and can stall a path until it is closed.
 */
public final class LoopbackSite implements AutoCloseable {

    /** A request as received: its path with the query, and its headers. */
    public record Request(String path, Headers headers) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** What a route answers. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {

        public static Reply of(int status) {
            return new Reply(status, Map.of(), new byte[0]);
        }

        public static Reply ok(String contentType, String body) {
            return new Reply(200, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
        }

        public Reply with(String header, String value) {
            Map<String, String> all = new java.util.LinkedHashMap<>(headers);
            all.put(header, value);
            return new Reply(status, all, body);
        }
    }

    @FunctionalInterface
    public interface Route {
        Reply answer(Request request);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    public LoopbackSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public LoopbackSite route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    public LoopbackSite page(String path, String contentType, String body) {
        return route(path, request -> Reply.ok(contentType, body));
    }

    /** A path whose answer never comes before the site is closed. */
    public LoopbackSite stall(String path) {
        return route(path, request -> {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.ok("text/plain", "too late");
        });
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests for a path (the query ignored). */
    public synchronized List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().replaceFirst("\\?.*", "").equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Request request = new Request(query == null ? path : path + "?" + query, exchange.getRequestHeaders());
        synchronized (this) {
            requests.add(request);
        }
        Route route = routes.get(path);
        Reply reply = route == null ? Reply.of(404) : route.answer(request);
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean noBody = reply.body().length == 0;
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
