package org.survkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A small HTTP client for a survkit server's API (in this JVM or another), authenticated with the test token. */
abstract class ApiClient {
    static final String TOKEN = "test-token-0123456789abcdef";
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** {@return the port the server listens on} */
    abstract int port();

    String base() {
        return "http://127.0.0.1:" + port();
    }

    /** A response. */
    record Reply(int status, String body, byte[] bytes, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + TOKEN);
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    Reply upload(String fileName, byte[] content) {
        return send(uploadRequest(request("/api/datasets"), fileName, content));
    }

    Reply upload(Path file) {
        try {
            return upload(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String BOUNDARY = "----survkitTestBoundary7MA4YWxkTrZu0gW";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    /** {@return a multipart/form-data body with the file in the field 'file'} */
    static byte[] uploadBody(String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body.toByteArray();
    }

    static HttpRequest.Builder uploadRequest(HttpRequest.Builder b, String fileName, byte[] content) {
        return b.header("Content-Type", MULTIPART)
                .POST(HttpRequest.BodyPublishers.ofByteArray(uploadBody(fileName, content)));
    }

    /** Sends a raw HTTP/1.1 request (to choose the Host header freely); {@return status line and the rest} */
    String raw(String requestHead) {
        try (Socket s = new Socket("127.0.0.1", port())) {
            s.setSoTimeout(20000);
            OutputStream out = s.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
