package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.stats.PValueFormat;
import org.survkit.plot.Palette;
import org.survkit.stats.logrank.Weighting;

/** The JSON API against the command line: same options, same bytes; and who may call it. */
class ApiTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static String lung;

    @BeforeAll
    static void start() {
        s = new TestServer(dir);
        TestServer.Reply r = s.upload(TestServer.LUNG);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        lung = r.json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void uploadDescribesTheFile() {
        TestServer.Reply r = s.get("/api/datasets/" + lung);
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("id").asText()).isEqualTo(lung).matches("[0-9a-f]{32}");
        assertThat(j.get("file_name").asText()).isEqualTo("lung.csv");
        assertThat(j.get("rows").asInt()).isEqualTo(228);
        assertThat(j.get("columns").toString()).startsWith("[\"inst\",\"time\",\"status\",\"age\",\"sex\"");
        assertThat(j.get("types").get("time").asText()).isEqualTo("number");
        assertThat(j.get("preview").size()).isEqualTo(Datasets.PREVIEW_ROWS);
        assertThat(j.get("preview").get(0).get(1).asText()).isEqualTo("306"); // lung.csv line 2: time 306
        // coded columns list their values over the whole file (ph.ecog 3 first appears after the preview rows);
        // continuous ones (time, age) are left out
        JsonNode levels = j.get("levels");
        assertThat(levels.get("status").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(levels.get("sex").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(levels.get("ph.ecog").toString()).isEqualTo("[\"0\",\"1\",\"2\",\"3\"]");
        assertThat(levels.has("time")).isFalse();
        assertThat(levels.has("age")).isFalse();
    }

    /** The page's palette, test names and P-value rule come from their Java homes through /api/config (issue 11). */
    @Test
    void configCarriesThePagesDisplayFactsFromTheirHomes() {
        TestServer.Reply r = s.get("/api/config");
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        java.util.List<String> palette = new java.util.ArrayList<>();
        j.get("palette").forEach(c -> palette.add(c.asText()));
        assertThat(palette).isEqualTo(Palette.okabeIto().colors()).startsWith("#0072B2", "#D55E00");
        JsonNode names = j.get("test_names");
        assertThat(names.size()).isEqualTo(Weighting.values().length);
        for (Weighting w : Weighting.values()) {
            assertThat(names.get(w.id()).asText()).as(w.id()).isEqualTo(w.displayName());
        }
        assertThat(names.get("gehan").asText()).isEqualTo("Gehan\u2013Breslow\u2013Wilcoxon");
        // every P style's rules, from PValueFormat (issue 14 item 5): the page interprets them, it holds none
        JsonNode styles = j.get("p_styles");
        assertThat(styles.size()).isEqualTo(PValueFormat.Style.CHOICES.size()).isEqualTo(4);
        assertThat(styles.get("digits").get("significant").asInt()).isEqualTo(PValueFormat.DEFAULT.digits())
                .isEqualTo(3);
        assertThat(styles.get("digits").get("floor").asDouble()).isEqualTo(PValueFormat.FLOOR).isEqualTo(0.001);
        assertThat(styles.get("ama").get("leading_zero").asBoolean()).isFalse();
        assertThat(styles.get("lancet").get("mark").asText()).isEqualTo("\u00B7");
        assertThat(styles.get("nejm").get("floor_text").asText()).isEqualTo("<0.001");
        // the report's number style (issue 14 item 6: "NR" and the interval dash as in the report, not "NA (NA to NA)")
        JsonNode n = j.get("numbers");
        assertThat(n.get("not_reached").asText()).isEqualTo("NR");
        assertThat(n.get("dash").asText()).isEqualTo("\u2013");
        assertThat(n.get("ratio_digits").asInt()).isEqualTo(2);
        assertThat(n.get("ratio_max_digits").asInt()).isEqualTo(4);
        assertThat(n.get("days_digits").asInt()).isZero();
        assertThat(n.get("time_digits").asInt()).isEqualTo(1);
    }

    @Test
    void kmEqualsTheCliByteForByte() {
        String cli = TestServer.cli("km", TestServer.LUNG.toString(), "--time", "time", "--event", "status",
                "--event-value", "2", "--group", "sex", "--at", "180,365", "--tau", "730", "--conf-type", "log",
                "--format", "json");
        TestServer.Reply api = s.postJson("/api/analyses", "{\"dataset\":\"" + lung + "\",\"analysis\":\"km\","
                + "\"options\":{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\",\"group\":\"sex\","
                + "\"at\":[180,365],\"tau\":730,\"conf_type\":\"log\"}}");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(api.header("Content-Type")).startsWith("application/json");
        assertThat(api.body()).isEqualTo(cli);
    }

    @Test
    void compareEqualsTheCliByteForByte() {
        String cli = TestServer.cli("compare", TestServer.LUNG.toString(), "--time", "time", "--event", "status",
                "--event-value", "2", "--group", "ph.ecog", "--test", "gehan", "--pairwise", "--adjust", "bh",
                "--trend", "--format", "json");
        TestServer.Reply api = s.postJson("/api/analyses", "{\"dataset\":\"" + lung + "\",\"analysis\":\"compare\","
                + "\"options\":{\"time\":\"time\",\"event\":\"status\",\"event_value\":2,\"group\":\"ph.ecog\","
                + "\"test\":\"gehan\",\"pairwise\":true,\"adjust\":\"bh\",\"trend\":true,\"conservative\":false}}");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(api.body()).isEqualTo(cli);
        assertThat(api.json().get("pairwise").size()).isEqualTo(6);
    }

    @Test
    void coxEqualsTheCliByteForByte() {
        String cli = TestServer.cli("cox", TestServer.LUNG.toString(), "--time", "time", "--event", "status",
                "--event-value", "2", "--covariates", "age,sex,ph.ecog", "--categorical", "ph.ecog",
                "--ties", "breslow", "--format", "json");
        TestServer.Reply api = s.postJson("/api/analyses", "{\"dataset\":\"" + lung + "\",\"analysis\":\"cox\","
                + "\"options\":{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\","
                + "\"covariates\":[\"age\",\"sex\",\"ph.ecog\"],\"categorical\":\"ph.ecog\",\"ties\":\"breslow\"}}");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(api.body()).isEqualTo(cli);
    }

    @Test
    void csvFormatIsTheCliCsv() {
        String cli = TestServer.cli("compare", TestServer.LUNG.toString(), "--time", "time", "--event", "status",
                "--event-value", "2", "--group", "sex", "--format", "csv");
        TestServer.Reply api = s.postJson("/api/analyses", "{\"dataset\":\"" + lung + "\",\"analysis\":\"compare\","
                + "\"format\":\"csv\",\"options\":{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\","
                + "\"group\":\"sex\"}}");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.header("Content-Type")).startsWith("text/csv");
        assertThat(api.body()).isEqualTo(cli);
    }

    @Test
    void unknownAndServerChosenOptionsAreRefused() {
        TestServer.Reply r = s.postJson("/api/analyses", "{\"dataset\":\"" + lung + "\",\"analysis\":\"km\","
                + "\"options\":{\"time\":\"time\",\"event\":\"status\",\"colour\":\"red\"}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("unknown option 'colour' for km").contains("event_value");
        r = s.postJson("/api/analyses", "{\"dataset\":\"" + lung + "\",\"analysis\":\"km\","
                + "\"options\":{\"time\":\"time\",\"event\":\"status\",\"output\":\"/tmp/x.json\"}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("chosen by the server");
        r = s.postJson("/api/analyses", "{\"dataset\":\"" + lung + "\",\"analysis\":\"report\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("km, compare or cox");
        r = s.postJson("/api/analyses", "{\"dataset\":\"../../etc/passwd\",\"analysis\":\"km\"}");
        assertThat(r.status()).isEqualTo(404);
        r = s.postJson("/api/analyses", "not json");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("not valid JSON");
    }

    @Test
    void cliUsageErrorsBecome400WithTheCliMessage() {
        TestServer.Reply r = s.postJson("/api/analyses", "{\"dataset\":\"" + lung + "\",\"analysis\":\"km\","
                + "\"options\":{\"time\":\"tim\",\"event\":\"status\",\"event_value\":\"2\"}}");
        assertThat(r.status()).isEqualTo(400);
        String m = r.json().get("error").asText();
        assertThat(m).contains("tim").contains("time").doesNotContain("survkit: ").doesNotContain(dir.toString())
                .doesNotContain("Exception");
        // an option value that looks like an option stays a value
        r = s.postJson("/api/analyses", "{\"dataset\":\"" + lung + "\",\"analysis\":\"km\","
                + "\"options\":{\"time\":\"--format\",\"event\":\"status\"}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("--format");
    }

    @Test
    void tokenIsRequired() {
        TestServer.Reply r = s.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.base() + "/api/studies")));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).contains("token");
        r = s.send(HttpRequest.newBuilder(java.net.URI.create(s.base() + "/api/studies"))
                .header("Authorization", "Bearer wrong-token-0123456789"));
        assertThat(r.status()).isEqualTo(401);
        r = s.send(HttpRequest.newBuilder(java.net.URI.create(s.base() + "/")));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("survkit-csrf");
        r = s.send(HttpRequest.newBuilder(java.net.URI.create(s.base() + "/?token=nope")));
        assertThat(r.status()).isEqualTo(401);
    }

    /** Opens the page with the token, as the printed URL does; {@return the session cookie "name=value"} */
    static String session(TestServer s) {
        String cookie = s.send(HttpRequest.newBuilder(java.net.URI.create(s.base() + "/?token=" + TestServer.TOKEN)))
                .header("Set-Cookie");
        return cookie.substring(0, cookie.indexOf(';'));
    }

    @Test
    void tokenInTheUrlSetsAnHttpOnlyStrictSessionCookieThatIsNotTheToken() {
        TestServer.Reply r = s.send(HttpRequest.newBuilder(java.net.URI.create(s.base() + "/?token=" + TestServer.TOKEN)));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("/");
        String cookie = r.header("Set-Cookie");
        assertThat(cookie).startsWith("survkit_session_" + s.server.port() + "=").doesNotContain(TestServer.TOKEN)
                .contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'))).matches("[0-9a-f]{48}");
        TestServer.Reply page = s.send(HttpRequest.newBuilder(java.net.URI.create(s.base() + "/"))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<meta name=\"survkit-csrf\" content=\"");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("script-src 'self'");
        // the token itself, or a made-up session, in the cookie opens nothing
        for (String value : new String[] {TestServer.TOKEN, "ab".repeat(24)}) {
            TestServer.Reply refused = s.send(HttpRequest.newBuilder(java.net.URI.create(s.base() + "/api/studies"))
                    .header("Cookie", "survkit_session_" + s.server.port() + "=" + value));
            assertThat(refused.status()).isEqualTo(401);
        }
        // two openings are two sessions
        assertThat(session(s)).isNotEqualTo(session(s));
    }

    @Test
    void csrfHeaderIsRequiredForCookieAuthenticatedChanges() {
        String cookie = session(s);
        String page = s.send(HttpRequest.newBuilder(java.net.URI.create(s.base() + "/")).header("Cookie", cookie)).body();
        String csrf = page.replaceAll("(?s).*name=\"survkit-csrf\" content=\"([0-9a-f]+)\".*", "$1");
        assertThat(csrf).matches("[0-9a-f]{48}");
        String body = "{\"dataset\":\"" + lung + "\",\"analysis\":\"km\",\"options\":{\"time\":\"time\","
                + "\"event\":\"status\",\"event_value\":\"2\"}}";
        HttpRequest.Builder noHeader = HttpRequest.newBuilder(java.net.URI.create(s.base() + "/api/analyses"))
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        TestServer.Reply r = s.send(noHeader);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asText()).contains("X-Survkit-CSRF");
        r = s.send(HttpRequest.newBuilder(java.net.URI.create(s.base() + "/api/analyses")).header("Cookie", cookie)
                .header("X-Survkit-CSRF", "0".repeat(48)).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.status()).isEqualTo(403);
        r = s.send(HttpRequest.newBuilder(java.net.URI.create(s.base() + "/api/analyses")).header("Cookie", cookie)
                .header("X-Survkit-CSRF", csrf).header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.status()).isEqualTo(403);
        r = s.send(HttpRequest.newBuilder(java.net.URI.create(s.base() + "/api/analyses")).header("Cookie", cookie)
                .header("X-Survkit-CSRF", csrf).header("Origin", s.base())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        // a GET with the cookie needs no CSRF header
        r = s.send(HttpRequest.newBuilder(java.net.URI.create(s.base() + "/api/studies")).header("Cookie", cookie));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void foreignHostHeadersAreRefused() {
        String auth = "Authorization: Bearer " + TestServer.TOKEN + "\r\nConnection: close\r\n\r\n";
        String evil = s.raw("GET /api/studies HTTP/1.1\r\nHost: evil.example:" + s.server.port() + "\r\n" + auth);
        assertThat(evil).startsWith("HTTP/1.1 403").contains("DNS rebinding");
        String otherPort = s.raw("GET /api/studies HTTP/1.1\r\nHost: 127.0.0.1:1\r\n" + auth);
        assertThat(otherPort).startsWith("HTTP/1.1 403");
        String ok = s.raw("GET /api/studies HTTP/1.1\r\nHost: localhost:" + s.server.port() + "\r\n" + auth);
        assertThat(ok).startsWith("HTTP/1.1 200");
        String v6 = s.raw("GET /api/studies HTTP/1.1\r\nHost: [::1]:" + s.server.port() + "\r\n" + auth);
        assertThat(v6).startsWith("HTTP/1.1 200");
    }

    @Test
    void unknownPathsAnswerJsonWithoutDetails() {
        TestServer.Reply r = s.get("/api/nothing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).contains("no such");
        r = s.get("/assets/../../pom.xml");
        assertThat(r.status()).isIn(400, 404);
        assertThat(r.body()).doesNotContain("<project");
    }

    @Test
    void table1AsTheReportShowsItWithItsFootnotes() {
        TestServer.Reply r = s.postJson("/api/table1", "{\"dataset\":\"" + lung + "\",\"settings\":{\"options\":"
                + "{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\",\"group\":\"sex\"},"
                + "\"table1\":[\"age\",\"ph.ecog\"]}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("header").get(0).asText()).isEqualTo("Characteristic");
        assertThat(j.get("rows").size()).isGreaterThanOrEqualTo(6);
        assertThat(j.get("notes").toString()).contains("Percentages are of the patients with a known value")
                .contains("SMD: standardized mean difference");
    }
}
