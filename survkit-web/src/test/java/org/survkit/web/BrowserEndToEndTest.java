package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.survkit.stats.logrank.Weighting;

/**
 * The page in headless Chromium (Debian chromium + chromium-driver): upload lung.csv, map the columns, see the
 * figure and the log-rank P equal to the CLI's, download the report. Screenshots go to
 * target/web-screenshots. Skipped when Chromium or chromedriver is not installed (.ci/run installs both).
 */
class BrowserEndToEndTest {
    static final Path SHOTS = Path.of("target", "web-screenshots");
    static final String[] ARGS = {"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--window-size=1440,1100"};

    @TempDir
    static Path dir;
    @TempDir
    static Path downloads;
    static TestServer s;
    static WebDriver driver;

    static String binary(String... candidates) {
        for (String c : candidates) {
            if (new File(c).canExecute()) {
                return c;
            }
        }
        return null;
    }

    @BeforeAll
    static void start() throws IOException {
        String chromium = binary("/usr/bin/chromium", "/usr/bin/chromium-browser");
        String chromedriver = binary("/usr/bin/chromedriver");
        assumeTrue(chromium != null && chromedriver != null,
                "Chromium or chromedriver not installed (apt-get install chromium chromium-driver): browser test skipped");
        Files.createDirectories(SHOTS);
        s = new TestServer(dir);
        ChromeOptions options = new ChromeOptions().setBinary(chromium).addArguments(ARGS);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (s != null) {
            s.close();
        }
    }

    static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void uploadMapSeeFigureAndPEqualToTheCliThenDownloadTheReport() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(s.base() + "/?token=" + TestServer.TOKEN);
        wait.until(d -> d.findElement(By.id("dropzone")).isDisplayed());
        shot("1-start");
        assertThat(driver.getCurrentUrl()).doesNotContain("token");

        driver.findElement(By.id("file-input")).sendKeys(TestServer.LUNG.toString());
        wait.until(d -> d.findElement(By.id("step-columns")).isDisplayed());
        // columns guessed from the names: time and status; lung's status is 1/2, so 2 is proposed as the event
        assertThat(new Select(driver.findElement(By.id("map-time"))).getFirstSelectedOption().getText()).isEqualTo("time");
        assertThat(new Select(driver.findElement(By.id("map-event"))).getFirstSelectedOption().getText()).isEqualTo("status");
        assertThat(eventValues()).containsExactly("2");
        new Select(driver.findElement(By.id("map-unit"))).selectByValue("days");
        new Select(driver.findElement(By.id("map-group"))).selectByVisibleText("sex");
        WebElement at = driver.findElement(By.id("opt-at"));
        at.sendKeys("180, 365");
        driver.findElement(By.id("opt-horizon")).click(); // change event of the times field

        wait.until(d -> d.findElements(By.cssSelector("#summary th")).size() == 7
                && !d.findElements(By.id("overall-p")).isEmpty());
        wait.until(d -> !d.findElements(By.id("km-figure")).isEmpty()
                && (Boolean) ((JavascriptExecutor) d).executeScript(
                        "const i = document.getElementById('km-figure'); return i.complete && i.naturalWidth > 0;"));
        Thread.sleep(500); // let a last re-render (if any) settle
        String cli = TestServer.cli("compare", TestServer.LUNG.toString(), "--time", "time", "--event", "status",
                "--event-value", "2", "--group", "sex", "--pairwise", "--format", "json");
        JsonNode expected = TestServer.JSON.readTree(cli);
        WebElement p = driver.findElement(By.id("overall-p")); // found after the (slow) command line, not before
        double shownP = Double.parseDouble(p.getAttribute("data-p-value"));
        assertThat(shownP).isEqualTo(expected.get("p_value").asDouble());
        // R 4.2.2 survdiff(Surv(time, status) ~ sex, lung): p = 0.00131, printed as the figure prints it (the
        // digits style of survkit-stats PValueFormat, its rules from /api/config)
        assertThat(p.getText()).isEqualTo("p = 0.00131");
        // the test's name as the figure and the report print it, from the server (Weighting's display name)
        assertThat(driver.findElement(By.id("test-name")).getText()).isEqualTo(Weighting.LOGRANK.displayName());
        assertThat(driver.findElement(By.id("summary")).getText()).contains("138").contains("90");
        // the check of lung.csv before the analyses: clean, its tables folded away
        wait.until(d -> d.findElement(By.id("check-verdict")).getText().equals("No problems found."));
        assertThat(driver.findElement(By.id("check-details")).getAttribute("open")).isNull();
        assertThat(driver.findElement(By.id("check-problems-box")).isDisplayed()).isFalse();
        shot("2-results");
        // the report's own tables (issue 11, item 5): the survival table under its report title
        wait.until(d -> !d.findElements(By.cssSelector("#report-table-survival tbody tr")).isEmpty()
                && !d.findElements(By.cssSelector("#report-table-pairwise tbody tr")).isEmpty());
        String tablesBody = (String) ((JavascriptExecutor) driver).executeScript("return JSON.stringify({dataset:"
                + " state.dataset.id, settings: settings()});");
        TestServer.Reply tables = s.postJson("/api/tables", tablesBody);
        assertThat(tables.status()).as(tables.body()).isEqualTo(200);
        String survivalTitle = tables.json().get("tables").get(0).get("title").asText();
        assertThat(survivalTitle).isNotBlank();
        assertThat(driver.findElement(By.id("report-tables")).getText()).contains(survivalTitle).contains("138");

        driver.findElement(By.cssSelector("input[data-list='cox'][value='age']")).findElement(By.xpath("..")).click();
        driver.findElement(By.cssSelector("input[data-list='cox'][value='sex']")).findElement(By.xpath("..")).click();
        driver.findElement(By.id("run-cox")).click();
        wait.until(d -> d.findElements(By.cssSelector("#cox tbody tr")).size() == 2);

        driver.findElement(By.cssSelector("input[data-list='table1'][value='age']")).findElement(By.xpath("..")).click();
        driver.findElement(By.cssSelector("input[data-list='table1'][value='ph.ecog']")).findElement(By.xpath("..")).click();
        driver.findElement(By.id("run-table1")).click();
        wait.until(d -> d.findElements(By.cssSelector("#table1 tbody tr")).size() >= 2);
        assertThat(driver.findElement(By.id("table1")).getText()).contains("age").contains("ph.ecog")
                .contains("Percentages are of the patients with a known value"); // the report's footnotes

        driver.findElement(By.id("dl-report")).click();
        Path report = wait.withTimeout(Duration.ofSeconds(120)).until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(".html")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        String html = Files.readString(report);
        assertThat(html).contains("<svg").contains("Kaplan").contains("lung.csv");
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, document.body.scrollHeight)");
        shot("3-cox-and-downloads");
        int lung = 0;
        for (JsonNode study : s.get("/api/studies").json()) {
            lung += study.get("name").asText().equals("lung") ? 1 : 0;
        }
        assertThat(lung).as("the report saves the study once").isEqualTo(1);
    }

    /** Opens the page, uploads a file and waits for the columns step; {@return the wait of a minute it used} */
    static WebDriverWait open(Path data) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(s.base() + "/?token=" + TestServer.TOKEN);
        wait.until(d -> d.findElement(By.id("dropzone")).isDisplayed());
        driver.findElement(By.id("file-input")).sendKeys(data.toString());
        wait.until(d -> d.findElement(By.id("step-columns")).isDisplayed());
        return wait;
    }

    /** {@return the values ticked in a list of chips ('event-value', 'censor-value', 'table1', 'cox')} */
    static List<String> ticked(String list) {
        return driver.findElements(By.cssSelector("input[data-list='" + list + "']")).stream()
                .filter(WebElement::isSelected).map(e -> e.getAttribute("value")).toList();
    }

    static List<String> eventValues() {
        return ticked("event-value");
    }

    /** Clicks the chip of a value (its label: the box itself is hidden, as on the page). */
    static void chip(String list, String value) {
        driver.findElement(By.cssSelector("input[data-list='" + list + "'][value='" + value + "']"))
                .findElement(By.xpath("..")).click();
    }

    /** The figure the page asks for (the page's own request, sent again: the page's blob URL is not readable here). */
    static String figureSvg() {
        String body = (String) ((JavascriptExecutor) driver).executeScript("return JSON.stringify({dataset:"
                + " state.dataset.id, options: cliOptions(), groups: groupSettings(), figure: figureSettings()});");
        TestServer.Reply svg = s.postJson("/api/figures", body);
        assertThat(svg.status()).as(svg.body()).isEqualTo(200);
        return svg.body();
    }

    static Path download(WebDriverWait wait, String name) {
        return wait.withTimeout(Duration.ofSeconds(120)).until(d -> {
            Path p = downloads.resolve(name);
            try {
                return Files.isRegularFile(p) && Files.size(p) > 0 ? p : null;
            } catch (IOException e) {
                return null;
            }
        });
    }

    /**
     * The P-digits field (study key {@code p_digits}) sets the digits of the page's P values as the report prints
     * them, and the figure downloads in every format the report writes its figures as (survkit-plot FigureExport).
     */
    /**
     * A file uploaded and nothing else chosen (group "none"): one curve and no error. Until session 6 the page sent
     * km its default test without a group, and the command line's "--test compares groups" refusal showed instead
     * of the curve.
     */
    @Test
    void aFileWithoutAGroupShowsOneCurveAndNoError() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(s.base() + "/?token=" + TestServer.TOKEN);
        wait.until(d -> d.findElement(By.id("dropzone")).isDisplayed());
        driver.findElement(By.id("file-input")).sendKeys(TestServer.LUNG.toString());
        wait.until(d -> d.findElement(By.id("step-columns")).isDisplayed());
        assertThat(new Select(driver.findElement(By.id("map-group"))).getFirstSelectedOption().getAttribute("value"))
                .isEmpty();
        wait.until(d -> !d.findElements(By.id("km-figure")).isEmpty()
                && (Boolean) ((JavascriptExecutor) d).executeScript(
                        "const i = document.getElementById('km-figure'); return i.complete && i.naturalWidth > 0;"));
        assertThat(driver.findElement(By.id("analysis-error")).isDisplayed()).isFalse();
        // lung: 228 patients, 165 deaths (R: survfit(Surv(time, status) ~ 1, lung))
        assertThat(driver.findElement(By.id("summary")).getText()).contains("228").contains("165");
    }

    @Test
    void pDigitsFieldAndFigureDownloadsInEveryFormat() throws Exception {
        WebDriverWait wait = open(TestServer.LUNG);
        new Select(driver.findElement(By.id("map-unit"))).selectByValue("days");
        new Select(driver.findElement(By.id("map-group"))).selectByVisibleText("sex");
        // R 4.2.2 survdiff(Surv(time, status) ~ sex, lung): p = 0.00131; with 2 significant digits 0.0013
        wait.until(d -> d.findElements(By.id("overall-p")).stream().anyMatch(p -> p.getText().equals("p = 0.00131")));
        driver.findElement(By.id("opt-p-digits")).sendKeys("2", Keys.TAB);
        wait.until(d -> d.findElements(By.id("overall-p")).stream().anyMatch(p -> p.getText().equals("p = 0.0013")));
        wait.until(d -> !d.findElements(By.id("km-figure")).isEmpty());
        // each file as the format begins (TIFF: either byte order)
        Map<String, String> start = Map.of("svg", "(?s).*<svg.*", "png", "(?s)\u0089PNG.*", "pdf", "(?s)%PDF-.*",
                "eps", "(?s)%!PS.*", "tiff", "(?s)(II\\*\u0000|MM\u0000\\*).*");
        for (String format : List.of("svg", "png", "pdf", "eps", "tiff")) {
            driver.findElement(By.id("dl-" + format)).click();
            Path file = download(wait, "lung-km." + format);
            assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)).as(format)
                    .matches(start.get(format));
        }
    }

    @Test
    void missingCodesLandmarkGroupOrderAndReferenceLevelAreSavedInTheStudyFile() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Path data = PageStudyOptionsTest.codedLung(dir);
        driver.get(s.base() + "/?token=" + TestServer.TOKEN);
        wait.until(d -> d.findElement(By.id("dropzone")).isDisplayed());
        driver.findElement(By.id("file-input")).sendKeys(data.toString());
        wait.until(d -> d.findElement(By.id("step-columns")).isDisplayed());
        new Select(driver.findElement(By.id("map-unit"))).selectByValue("days");
        new Select(driver.findElement(By.id("map-group"))).selectByVisibleText("sex");
        new Select(driver.findElement(By.id("map-strata"))).selectByVisibleText("ph.ecog");
        driver.findElement(By.id("map-na")).sendKeys("unknown, -99", Keys.TAB);
        driver.findElement(By.id("opt-landmark")).sendKeys("90", Keys.TAB);
        // the preview shows the codes as missing values (wt.loss of the first row is -99)
        wait.until(d -> !d.findElements(By.cssSelector("#preview td.na")).isEmpty());
        assertThat(driver.findElement(By.id("preview-note")).getText()).contains("missing-value code");
        // ph.ecog, text because of "unknown", is a column of numbers once "unknown" is a missing value
        assertThat(driver.findElement(By.xpath("//table[@id='preview']//th[text()='ph.ecog']/span")).getText())
                .isEqualToIgnoringCase("number");

        // the tests: the command line's with the same codes, landmark and strata
        JsonNode expected = TestServer.JSON.readTree(TestServer.cliIn(data, "compare", "--time", "time", "--event",
                "status", "--event-value", "2", "--group", "sex", "--strata", "ph.ecog", "--na", "unknown,-99",
                "--landmark", "90", "--pairwise", "--format", "json"));
        wait.until(d -> {
            List<WebElement> p = d.findElements(By.id("overall-p"));
            return !p.isEmpty() && Double.parseDouble(p.get(0).getAttribute("data-p-value"))
                    == expected.get("p_value").asDouble();
        });
        shot("5-codes-and-landmark");
        // the analyses' warnings speak the command line's language; the page words them with its labels
        assertThat(js.executeScript("return pageWords('Check --event-value V, or cox --start.');"))
                .isEqualTo("Check 'Event values', or cox 'Entry time'.");
        assertThat(driver.findElement(By.id("guardrails")).getText()).doesNotContain("--");

        // group order: 2 first, so 2 is the reference of the hazard ratio and leads the legend
        driver.findElement(By.cssSelector("#group-picker button[aria-label='move 2 up']")).click();
        wait.until(d -> d.findElements(By.cssSelector("#group-picker li")).get(0).getAttribute("data-group")
                .equals("2"));
        WebElement hr = wait.until(d -> {
            List<WebElement> h = d.findElements(By.id("hazard-ratio"));
            return h.isEmpty() || !h.get(0).findElement(By.xpath("following-sibling::dd")).getText().startsWith("1 vs 2")
                    ? null : h.get(0);
        });
        double pageHr = Double.parseDouble(hr.getAttribute("data-hr"));
        assertThat(pageHr).isCloseTo(1 / expected.get("hazard_ratio").get("mantel_haenszel").get("hr").asDouble(),
                within(1e-12));
        wait.until(d -> {
            String svg = figureSvg().replaceAll("<[^>]+>", " ");
            int two = svg.indexOf("2 (n = ");
            return two >= 0 && two < svg.indexOf("1 (n = ");
        });

        // the Cox model: ph.ecog as a factor with reference level 1, and age
        driver.findElement(By.cssSelector("input[data-list='cox'][value='ph.ecog']")).findElement(By.xpath(".."))
                .click();
        driver.findElement(By.cssSelector("input[data-list='cox'][value='age']")).findElement(By.xpath("..")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#cox-factors [data-categorical='ph.ecog']")).isEmpty());
        driver.findElement(By.cssSelector("#cox-factors [data-categorical='ph.ecog']")).click();
        WebElement reference = wait.until(d -> {
            WebElement e = d.findElement(By.cssSelector("#cox-factors select[data-reference='ph.ecog']"));
            return e.isEnabled() ? e : null;
        });
        new Select(reference).selectByValue("1");
        driver.findElement(By.id("run-cox")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#cox tbody tr")).isEmpty());
        List<String> terms = driver.findElements(By.cssSelector("#cox tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList();
        assertThat(terms).contains("age", "ph.ecog=0", "ph.ecog=2").doesNotContain("ph.ecog=1");
        JsonNode pageCox = TestServer.JSON.readTree((String) js.executeScript("return JSON.stringify(state.cox);"));
        js.executeScript("document.querySelector('.sidebar').scrollTop = 10000;");
        shot("6-group-order-and-reference-level");

        // save under a name, download the study file: every choice is in it
        WebElement name = driver.findElement(By.id("study-name"));
        name.clear();
        name.sendKeys("Study options");
        driver.findElement(By.id("dl-yaml")).click();
        String yaml = Files.readString(download(wait, "study.yaml"));
        assertThat(yaml).contains("na: [\"unknown\", \"-99\"]").contains("landmark: 90")
                .contains("strata: \"ph.ecog\"").contains("order: [\"2\", \"1\"]")
                .contains("categorical: [\"ph.ecog\"]").contains("\"ph.ecog\": \"1\"");

        // the study reopens with every choice in place
        driver.navigate().refresh();
        wait.until(d -> d.findElement(By.id("dropzone")).isDisplayed());
        driver.findElement(By.id("open-studies")).click();
        wait.until(d -> d.findElement(By.xpath("//table[@id='studies']//tr[td[text()='Study options']]//button[text()"
                + "='Open']"))).click();
        wait.until(d -> {
            List<WebElement> p = d.findElements(By.id("overall-p"));
            return !p.isEmpty() && Double.parseDouble(p.get(0).getAttribute("data-p-value"))
                    == expected.get("p_value").asDouble();
        });
        assertThat(driver.findElement(By.id("map-na")).getAttribute("value")).isEqualTo("unknown, -99");
        assertThat(driver.findElement(By.id("opt-landmark")).getAttribute("value")).isEqualTo("90");
        wait.until(d -> !d.findElements(By.cssSelector("#group-picker li")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#group-picker li")).get(0).getAttribute("data-group"))
                .isEqualTo("2");
        assertThat(driver.findElement(By.cssSelector("#cox-factors [data-categorical='ph.ecog']")).isSelected()).isTrue();
        assertThat(new Select(driver.findElement(By.cssSelector("#cox-factors select[data-reference='ph.ecog']")))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo("1");
        js.executeScript("document.getElementById('summary').scrollIntoView({block: 'center'});");
        shot("7-reopened-study");

        // ... and reproduces the page: the report run on it next to the data gives the page's P, HR and Cox model
        Path folder = Files.createDirectories(dir.resolve("user"));
        Files.writeString(folder.resolve("study.yaml"), yaml);
        Files.copy(data, folder.resolve(data.getFileName()));
        TestServer.cli("report", folder.resolve("study.yaml").toString(), "--no-png");
        Path tables = folder.resolve("report").resolve("tables");
        JsonNode comparisons = TestServer.JSON.readTree(tables.resolve("comparisons.json").toFile());
        assertThat(comparisons.get("p_value").asDouble()).isCloseTo(expected.get("p_value").asDouble(), within(1e-9));
        JsonNode pair = TestServer.JSON.readTree(tables.resolve("pairwise.json").toFile()).get("pairs").get(0);
        assertThat(pair.get("hr_mantel_haenszel").get("hr").asDouble()).isCloseTo(pageHr, within(1e-9));
        JsonNode reportCox = TestServer.JSON.readTree(tables.resolve("cox_1.json").toFile());
        assertThat(reportCox.get("coefficients").size()).isEqualTo(pageCox.get("coefficients").size());
        for (int i = 0; i < pageCox.get("coefficients").size(); i++) {
            JsonNode a = pageCox.get("coefficients").get(i);
            JsonNode b = reportCox.get("coefficients").get(i);
            assertThat(b.get("term").asText()).isEqualTo(a.get("term").asText());
            assertThat(b.get("coef").asDouble()).as(a.get("term").asText()).isCloseTo(a.get("coef").asDouble(),
                    within(1e-9));
        }
    }

    @Test
    void aThousandGroupsShowAClearMessageAndThePageKeepsWorking() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        StringBuilder sb = new StringBuilder("id,time,status,patient,arm\n");
        java.util.Random r = new java.util.Random(1000);
        for (int i = 0; i < 1000; i++) {
            sb.append(i).append(',').append(1 + r.nextInt(100)).append(',').append(r.nextInt(2)).append(",P").append(i)
                    .append(',').append(i % 2 == 0 ? "A" : "B").append('\n');
        }
        Path csv = dir.resolve("ids.csv");
        Files.writeString(csv, sb.toString());
        driver.get(s.base() + "/?token=" + TestServer.TOKEN);
        wait.until(d -> d.findElement(By.id("dropzone")).isDisplayed());
        // this time the file is dropped on the drop zone (a drag-and-drop DataTransfer, as a file manager sends it)
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const dt = new DataTransfer();"
                + "dt.items.add(new File([arguments[0]], 'ids.csv', {type: 'text/csv'}));"
                + "const z = document.getElementById('dropzone');"
                + "z.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));"
                + "z.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
                Files.readString(csv));
        wait.until(d -> d.findElement(By.id("step-columns")).isDisplayed());
        assertThat(driver.findElement(By.id("dropzone")).getAttribute("class")).doesNotContain("over");
        new Select(driver.findElement(By.id("map-group"))).selectByVisibleText("patient");
        WebElement compare = wait.until(d -> {
            List<WebElement> e = d.findElements(By.id("compare-error"));
            return e.isEmpty() ? null : e.get(0);
        });
        assertThat(compare.getText()).contains("1000 distinct values").contains("identifier");
        WebElement figure = wait.until(d -> {
            WebElement e = d.findElement(By.id("figure-error"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(figure.getText()).contains("at most 24 groups");
        shot("4-thousand-groups");
        new Select(driver.findElement(By.id("map-group"))).selectByVisibleText("arm");
        wait.until(d -> !d.findElements(By.id("overall-p")).isEmpty()
                && !d.findElements(By.id("km-figure")).isEmpty() && !d.findElement(By.id("figure-error")).isDisplayed());
        // the uploaded data can be removed from this computer: the page starts over and the API forgets it
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        String id = (String) js.executeScript("window.beforeRemoval = true; return state.dataset.id;");
        driver.findElement(By.id("remove-data")).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
        // the page reloads once the server has deleted the data: wait for the new document, then look at it
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.JavascriptException.class)
                .until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return window.beforeRemoval === undefined && document.readyState === 'complete';")));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElement(
                By.id("dropzone")).isDisplayed() && !d.findElement(By.id("step-columns")).isDisplayed());
        assertThat(s.get("/api/datasets/" + id).status()).isEqualTo(404);
    }

    /** Groups from rules typed into the page give the P of the report's derivation (as GroupRulesTest checks). */
    @Test
    void groupsFromRulesTypedIntoThePage() throws Exception {
        WebDriverWait wait = open(GroupRulesTest.COHORT);
        driver.findElement(By.cssSelector("input[name='time-mode'][value='dates']")).click();
        new Select(driver.findElement(By.id("map-start"))).selectByVisibleText("rapamycin_start");
        new Select(driver.findElement(By.id("map-end"))).selectByVisibleText("last_contact");
        new Select(driver.findElement(By.id("map-unit"))).selectByValue("months");
        new Select(driver.findElement(By.id("map-event"))).selectByVisibleText("vital_status");
        chip("event-value", "dead");
        driver.findElement(By.id("opt-horizon")).sendKeys("60");
        new Select(driver.findElement(By.id("map-group"))).selectByVisibleText("Groups from rules…");
        wait.until(d -> d.findElement(By.id("rules-editor")).isDisplayed());
        driver.findElement(By.id("rules-add")).click();
        driver.findElement(By.id("rules-add")).click();
        WebElement name = driver.findElement(By.id("rules-name"));
        name.clear();
        name.sendKeys("subgroup");
        String[][] rules = {
            {"ER/PR+ HER2−", "(er == \"positive\" or pr == \"positive\") and her2 == \"negative\""},
            {"Triple positive", "er == \"positive\" and pr == \"positive\" and her2 == \"positive\""},
            {"Triple negative", "er == \"negative\" and pr == \"negative\" and her2 == \"negative\""}};
        for (int i = 0; i < rules.length; i++) {
            driver.findElement(By.cssSelector("input[data-rule-label='" + i + "']")).sendKeys(rules[i][0]);
            driver.findElement(By.cssSelector("input[data-rule-when='" + i + "']")).sendKeys(rules[i][1]);
        }
        driver.findElement(By.id("rules-otherwise")).sendKeys("Other/unknown");
        driver.findElement(By.id("rules-check")).click();
        wait.until(d -> d.findElement(By.id("rules-status")).getText().contains("Triple negative: 11"));
        wait.until(d -> !d.findElements(By.id("overall-p")).isEmpty()
                && d.findElement(By.id("summary")).getText().contains("Triple positive"));
        Thread.sleep(500);
        String id = s.upload(GroupRulesTest.COHORT).json().get("id").asText();
        TestServer.Reply api = s.postJson("/api/analyses", "{\"dataset\":\"" + id + "\",\"analysis\":\"compare\","
                + "\"options\":" + GroupRulesTest.OPTIONS + ",\"groups\":" + GroupRulesTest.GROUPS + "}");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        double expected = api.json().get("p_value").asDouble();
        assertThat(Double.parseDouble(driver.findElement(By.id("overall-p")).getAttribute("data-p-value")))
                .isEqualTo(expected);
        shot("rules");

        // a mistake in a condition: the rule and the position, from the server
        WebElement when = driver.findElement(By.cssSelector("input[data-rule-when='1']"));
        when.clear();
        when.sendKeys("er == and");
        driver.findElement(By.id("rules-check")).click();
        wait.until(d -> d.findElement(By.id("rules-status")).getText().contains("group rule 2"));
        assertThat(driver.findElement(By.id("rules-status")).getText()).contains("Triple positive").contains("position");
    }

    /** Eligibility criteria typed into the page: its P is the report derivation's on the eligible rows. */
    @Test
    void eligibilityCriteriaTypedIntoThePage() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // the P re-rendered while read
        driver.get(s.base() + "/?token=" + TestServer.TOKEN);
        wait.until(d -> d.findElement(By.id("dropzone")).isDisplayed());
        driver.findElement(By.id("file-input")).sendKeys(GroupRulesTest.COHORT.toString());
        wait.until(d -> d.findElement(By.id("step-columns")).isDisplayed());
        driver.findElement(By.cssSelector("input[name='time-mode'][value='dates']")).click();
        new Select(driver.findElement(By.id("map-start"))).selectByVisibleText("rapamycin_start");
        new Select(driver.findElement(By.id("map-end"))).selectByVisibleText("last_contact");
        new Select(driver.findElement(By.id("map-unit"))).selectByValue("months");
        new Select(driver.findElement(By.id("map-event"))).selectByVisibleText("vital_status");
        chip("event-value", "dead");
        driver.findElement(By.id("opt-horizon")).sendKeys("60");
        new Select(driver.findElement(By.id("map-group"))).selectByVisibleText("er");
        wait.until(d -> !d.findElements(By.id("overall-p")).isEmpty());
        driver.findElement(By.cssSelector("#eligibility-editor summary")).click();
        driver.findElement(By.id("include-add")).click();
        driver.findElement(By.id("exclude-add")).click();
        driver.findElement(By.cssSelector("input[data-criterion-when='include0']")).sendKeys("age >= 40");
        driver.findElement(By.cssSelector("input[data-criterion-reason='include0']")).sendKeys(
                EligibilityWebTest.YOUNG, Keys.TAB);
        driver.findElement(By.cssSelector("input[data-criterion-when='exclude0']")).sendKeys(
                "metastasis_site == \"brain\"", Keys.TAB);
        driver.findElement(By.cssSelector("input[data-criterion-reason='exclude0']")).sendKeys("brain metastases",
                Keys.TAB);
        String id = s.upload(GroupRulesTest.COHORT).json().get("id").asText();
        TestServer.Reply api = s.postJson("/api/analyses", "{\"dataset\":\"" + id + "\",\"analysis\":\"compare\","
                + "\"options\":" + EligibilityWebTest.OPTIONS + "," + EligibilityWebTest.CRITERIA + "}");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        double expected = api.json().get("p_value").asDouble();
        // the figure and the P are re-rendered as each analysis answers: an element found may be replaced meanwhile
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            List<WebElement> p = d.findElements(By.id("overall-p"));
            return !p.isEmpty() && Double.parseDouble(p.get(0).getAttribute("data-p-value")) == expected;
        });
        assertThat(driver.findElement(By.id("eligibility-count")).getText()).isEqualTo("(2)");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        JsonNode settings = TestServer.JSON.readTree((String) js.executeScript("return JSON.stringify(settings());"));
        assertThat(settings.get("include").get(0).get("reason").asText()).isEqualTo(EligibilityWebTest.YOUNG);
        assertThat(settings.get("exclude").get(0).get("when").asText()).isEqualTo("metastasis_site == \"brain\"");
        js.executeScript("document.getElementById('eligibility-editor').scrollIntoView({block: 'center'});");
        shot("eligibility");
    }

    /**
     * Issue 12: a hospital export uploaded into the page: the Check data panel lists its planted problems with their
     * lines before any analysis; the analyses stop on them until 'Invalid values' is set to exclude, then the curve
     * and the test equal the command line's; the study file keeps the decimal mark, the invalid values choice and
     * the event and censored values, and the study reopens with them.
     */
    @Test
    void aHospitalExportIsCheckedThenAnalysedWithItsRowsExcluded() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Path data = HospitalExports.lungExport(Files.createDirectories(dir.resolve("export")));
        driver.get(s.base() + "/?token=" + TestServer.TOKEN);
        wait.until(d -> d.findElement(By.id("dropzone")).isDisplayed());
        driver.findElement(By.id("file-input")).sendKeys(data.toString());
        wait.until(d -> d.findElement(By.id("check-card")).isDisplayed());
        // the fields of issue 12, labelled by their study keys
        assertThat(driver.findElement(By.id("step-columns")).getText()).contains("Decimal mark").contains(
                "Invalid values").contains("Event values").contains("Censored values");
        new Select(driver.findElement(By.id("map-time"))).selectByVisibleText("time_months");
        new Select(driver.findElement(By.id("map-unit"))).selectByValue("months");
        new Select(driver.findElement(By.id("map-event"))).selectByVisibleText("status");
        new Select(driver.findElement(By.id("map-group"))).selectByVisibleText("sex");
        new Select(driver.findElement(By.id("map-decimal"))).selectByValue(",");
        chip("event-value", "Deceased");
        chip("event-value", "DOD");
        chip("censor-value", "Alive");
        chip("censor-value", "Lost");
        // in the order of the column's values
        assertThat(eventValues()).containsExactly("DOD", "Deceased");
        assertThat(ticked("censor-value")).containsExactly("Alive", "Lost");

        // the check: both planted problems with their lines, the verdict, the coding table
        // (once the check has run with the event values and the decimal mark chosen)
        wait.until(d -> d.findElement(By.id("check-problems")).getText().contains("the event value \"Deceased\"")
                && d.findElement(By.id("check-problems")).getText().contains("'Decimal mark'"));
        List<String> lines = driver.findElements(By.cssSelector("#check-problems tbody tr[data-line]")).stream()
                .map(e -> e.getAttribute("data-line")).toList();
        assertThat(lines).containsExactlyInAnyOrder(Integer.toString(HospitalExports.MISSPELT_LINE),
                Integer.toString(HospitalExports.DOT_LINE));
        String problems = driver.findElement(By.id("check-problems")).getText();
        assertThat(problems).contains("Decesed").contains("looks like a misspelling of the event value \"Deceased\"")
                .contains("'Event values'").doesNotContain("--");
        WebElement verdict = driver.findElement(By.id("check-verdict"));
        assertThat(verdict.getText()).startsWith("2 problems").contains("stop").contains("'Invalid values'");
        assertThat(verdict.getAttribute("class")).contains("stop");
        assertThat(driver.findElement(By.cssSelector("#check-coding tr[data-value='Decesed']")).getAttribute(
                "data-meaning")).isEqualTo("invalid");
        assertThat(driver.findElement(By.cssSelector("#check-columns tr[data-column='time_months']")).getText())
                .contains("number").contains("comma");
        // ... and the analyses stop, saying why in the page's words
        WebElement stopped = wait.until(d -> {
            WebElement e = d.findElement(By.id("analysis-error"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(stopped.getText()).contains("Decesed").contains("'Invalid values'").doesNotContain("--");
        js.executeScript("window.scrollTo(0, document.getElementById('check-card').getBoundingClientRect().top"
                + " + window.scrollY - 64);"); // below the sticky top bar
        shot("8-check-panel");
        Files.write(SHOTS.resolve("8-check-panel-only.png"), driver.findElement(By.id("check-card"))
                .getScreenshotAs(OutputType.BYTES));

        // exclude: a curve and the command line's P, the rows counted
        new Select(driver.findElement(By.id("map-invalid"))).selectByValue("exclude");
        wait.until(d -> d.findElement(By.id("check-verdict")).getAttribute("class").contains("warn"));
        assertThat(driver.findElement(By.id("check-verdict")).getText()).contains("excluded");
        JsonNode expected = TestServer.JSON.readTree(TestServer.cliIn(data, "compare", "--time", "time_months",
                "--time-unit", "months", "--event", "status", "--event-value", "Deceased,DOD", "--censor-value",
                "Alive,Lost", "--decimal", ",", "--invalid", "exclude", "--group", "sex", "--pairwise", "--format",
                "json"));
        wait.until(d -> {
            List<WebElement> p = d.findElements(By.id("overall-p"));
            return !p.isEmpty() && Double.parseDouble(p.get(0).getAttribute("data-p-value"))
                    == expected.get("p_value").asDouble();
        });
        wait.until(d -> !d.findElements(By.id("km-figure")).isEmpty()
                && (Boolean) js.executeScript(
                        "const i = document.getElementById('km-figure'); return i.complete && i.naturalWidth > 0;"));
        assertThat(driver.findElement(By.id("guardrails")).getText()).contains("2 excluded");
        assertThat(driver.findElement(By.cssSelector("#km-coding tr[data-value='DOD']")).getAttribute("data-meaning"))
                .isEqualTo("event");
        assertThat(figureSvg().replaceAll("<[^>]+>", " ")).contains("Female (n = 90, 53 events)");
        js.executeScript("document.getElementById('guardrails').scrollIntoView({block: 'center'});");
        shot("9-excluded-and-analysed");

        // the study file keeps the reading options
        WebElement name = driver.findElement(By.id("study-name"));
        name.clear();
        name.sendKeys("Hospital export");
        driver.findElement(By.id("dl-yaml")).click();
        Path yamlFile = wait.withTimeout(Duration.ofSeconds(120)).until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().startsWith("study")
                        && f.toString().endsWith(".yaml")).filter(f -> {
                            try {
                                return Files.readString(f).contains("hospital-export.csv");
                            } catch (IOException e) {
                                return false;
                            }
                        }).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        String yaml = Files.readString(yamlFile);
        Files.delete(yamlFile); // the downloads folder is shared: another test downloads its own study.yaml
        assertThat(yaml).contains("decimal: \",\"").contains("invalid: exclude")
                .contains("value: [\"DOD\", \"Deceased\"]").contains("censor_value: [\"Alive\", \"Lost\"]");

        // the study reopens with them
        driver.navigate().refresh();
        wait.until(d -> d.findElement(By.id("dropzone")).isDisplayed());
        driver.findElement(By.id("open-studies")).click();
        wait.until(d -> d.findElement(By.xpath("//table[@id='studies']//tr[td[text()='Hospital export']]//button[text()"
                + "='Open']"))).click();
        wait.until(d -> {
            List<WebElement> p = d.findElements(By.id("overall-p"));
            return !p.isEmpty() && Double.parseDouble(p.get(0).getAttribute("data-p-value"))
                    == expected.get("p_value").asDouble();
        });
        assertThat(eventValues()).containsExactly("DOD", "Deceased");
        assertThat(ticked("censor-value")).containsExactly("Alive", "Lost");
        assertThat(new Select(driver.findElement(By.id("map-decimal"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(",");
        assertThat(new Select(driver.findElement(By.id("map-invalid"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("exclude");
        wait.until(d -> d.findElement(By.id("check-verdict")).getText().contains("excluded"));
    }
}
