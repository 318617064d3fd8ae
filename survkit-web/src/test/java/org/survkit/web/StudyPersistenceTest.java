package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved studies through the API, on one database: save, list, reopen, rename, duplicate, delete; and what
 * survives a restart (studies, and datasets restored from the database when the data folder lost them).
 * Subclasses choose H2 (the default) or PostgreSQL.
 */
abstract class StudyPersistenceTest {
    @TempDir
    Path dir;

    /** {@return the JDBC URL, or null for the default H2 file database} */
    abstract String jdbcUrl();

    ServerSettings settings(Path dataDir) {
        return ServerSettings.loopback(dataDir, TestServer.TOKEN).withDatabase(jdbcUrl());
    }

    static final String SETTINGS = "{\"options\":{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\","
            + "\"group\":\"sex\",\"at\":[180,365]},\"figure\":{\"risk_table\":true},\"table1\":[\"age\",\"ph.ecog\"],"
            + "\"cox\":{\"covariates\":[\"sex\",\"age\"]}}";

    @Test
    void studiesAreSavedReopenedRenamedDuplicatedAndDeleted() {
        String id;
        String dataset;
        String copy;
        try (TestServer s = new TestServer(settings(dir))) {
            dataset = s.upload(TestServer.LUNG).json().get("id").asText();
            TestServer.Reply created = s.postJson("/api/studies", "{\"name\":\"Lung <b>by sex</b>\",\"dataset\":\""
                    + dataset + "\",\"settings\":" + SETTINGS + ",\"results\":{\"p\":0.00131}}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.json().get("id").asText();
            assertThat(created.json().get("survkit_version").asText()).isNotBlank();

            JsonNode list = s.get("/api/studies").json();
            assertThat(list.size()).isEqualTo(1);
            assertThat(list.get(0).get("name").asText()).isEqualTo("Lung <b>by sex</b>");
            assertThat(list.get(0).get("file_name").asText()).isEqualTo("lung.csv");
            assertThat(list.get(0).get("rows").asInt()).isEqualTo(228);

            JsonNode one = s.get("/api/studies/" + id).json();
            assertThat(one.get("settings")).isEqualTo(TestServer.JSON.readTree(SETTINGS));
            assertThat(one.get("results").get("p").asDouble()).isEqualTo(0.00131);

            assertThat(s.putJson("/api/studies/" + id, "{\"name\":\"Lung, by sex\"}").status()).isEqualTo(200);
            assertThat(s.get("/api/studies/" + id).json().get("name").asText()).isEqualTo("Lung, by sex");
            assertThat(s.get("/api/studies/" + id).json().get("settings")).isEqualTo(TestServer.JSON.readTree(SETTINGS));

            TestServer.Reply dup = s.postJson("/api/studies/" + id + "/duplicate", "{}");
            assertThat(dup.status()).isEqualTo(201);
            copy = dup.json().get("id").asText();
            assertThat(copy).isNotEqualTo(id);
            assertThat(dup.json().get("name").asText()).isEqualTo("Lung, by sex (copy)");
            assertThat(dup.json().get("settings")).isEqualTo(one.get("settings"));
            assertThat(s.get("/api/studies").json().size()).isEqualTo(2);

            assertThat(s.delete("/api/studies/" + copy).status()).isEqualTo(204);
            assertThat(s.get("/api/studies/" + copy).status()).isEqualTo(404);
            assertThat(s.delete("/api/studies/" + copy).status()).isEqualTo(404);
            assertThat(s.putJson("/api/studies/" + id, "{\"name\":\"  \"}").status()).isEqualTo(400);
            assertThat(s.postJson("/api/studies", "{\"name\":\"x\",\"dataset\":\"" + "0".repeat(32)
                    + "\",\"settings\":{}}").status()).isEqualTo(404);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // a restart finds the study; a dataset missing from the data folder comes back from the database
        PrivateFiles.delete(dir.resolve("datasets"));
        try (TestServer s = new TestServer(settings(dir))) {
            JsonNode list = s.get("/api/studies").json();
            assertThat(list.size()).isEqualTo(1);
            assertThat(list.get(0).get("id").asText()).isEqualTo(id);
            TestServer.Reply d = s.get("/api/datasets/" + dataset);
            assertThat(d.status()).as(d.body()).isEqualTo(200);
            assertThat(d.json().get("rows").asInt()).isEqualTo(228);
            TestServer.Reply km = s.postJson("/api/analyses", "{\"dataset\":\"" + dataset + "\",\"analysis\":\"km\","
                    + "\"options\":{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\"}}");
            assertThat(km.status()).isEqualTo(200);
            assertThat(km.body()).isEqualTo(TestServer.cli("km", TestServer.LUNG.toString(), "--time", "time",
                    "--event", "status", "--event-value", "2", "--format", "json"));
            TestServer.Reply report = s.get("/api/studies/" + id + "/report");
            assertThat(report.status()).as(report.body()).isEqualTo(200);
            assertThat(report.body()).contains("<svg").contains("Table 1");
            assertThat(report.header("Content-Security-Policy")).contains("sandbox");

            // the data can be removed, but not while a saved study uses it
            TestServer.Reply used = s.delete("/api/datasets/" + dataset);
            assertThat(used.status()).isEqualTo(409);
            assertThat(used.json().get("error").asText()).contains("used by 1 saved study");
            assertThat(s.delete("/api/studies/" + id).status()).isEqualTo(204);
            assertThat(s.delete("/api/datasets/" + dataset).status()).isEqualTo(204);
            assertThat(s.get("/api/datasets/" + dataset).status()).isEqualTo(404);
            assertThat(s.delete("/api/datasets/" + dataset).status()).isEqualTo(404);
            assertThat(java.nio.file.Files.exists(dir.resolve("datasets").resolve(dataset))).isFalse();
        }
    }
}
