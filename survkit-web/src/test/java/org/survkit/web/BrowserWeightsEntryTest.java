package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page's entry-time and case-weight fields in a browser: chosen in the page, they give the weighted,
 * delayed-entry curves, the note that the log-rank test does not apply, and the report's own tables with the Cox
 * score test (the numbers are checked against R in ReportWeightsEntryTest and PageWeightsEntryTest).
 */
class BrowserWeightsEntryTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static WebDriver driver;

    @BeforeAll
    static void start() throws IOException {
        String chromium = BrowserEndToEndTest.binary("/usr/bin/chromium", "/usr/bin/chromium-browser");
        String chromedriver = BrowserEndToEndTest.binary("/usr/bin/chromedriver");
        assumeTrue(chromium != null && chromedriver != null,
                "Chromium or chromedriver not installed (apt-get install chromium chromium-driver): browser test skipped");
        Files.createDirectories(BrowserEndToEndTest.SHOTS);
        s = new TestServer(dir);
        ChromeOptions options = new ChromeOptions().setBinary(chromium).addArguments(BrowserEndToEndTest.ARGS);
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

    @Test
    void entryAndWeightsFromThePage() throws Exception {
        Path cohort = dir.resolve("cohort.csv");
        try (InputStream in = getClass().getResourceAsStream("/reference/report-weights/cohort.csv")) {
            Files.copy(in, cohort);
        }
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        driver.get(s.base() + "/?token=" + TestServer.TOKEN);
        wait.until(d -> d.findElement(By.id("dropzone")).isDisplayed());
        driver.findElement(By.id("file-input")).sendKeys(cohort.toString());
        wait.until(d -> d.findElement(By.id("step-columns")).isDisplayed());
        new Select(driver.findElement(By.id("map-time"))).selectByVisibleText("time");
        new Select(driver.findElement(By.id("map-unit"))).selectByValue("days");
        // sex, not ecog: the data check takes "ECOG 0" for a misspelling of "ECOG 1" and the page waits for a fix
        new Select(driver.findElement(By.id("map-group"))).selectByVisibleText("sex");
        new Select(driver.findElement(By.id("map-entry"))).selectByVisibleText("entry");
        new Select(driver.findElement(By.id("map-weights"))).selectByVisibleText("wf");
        // the label is the study key's (time.entry: "Entry time")
        assertThat(driver.findElement(By.cssSelector("label:has(#map-entry)")).getText()).startsWith("Entry time");
        shot("weights-entry-chosen");
        try {
            wait.until(d -> !d.findElements(By.id("compare-note")).isEmpty()
                    && !d.findElements(By.id("km-figure")).isEmpty()
                    && (Boolean) ((JavascriptExecutor) d).executeScript(
                            "const i = document.getElementById('km-figure'); return i.complete && i.naturalWidth > 0;"));
        } finally {
            ((JavascriptExecutor) driver).executeScript("document.getElementById('results').scrollIntoView();");
            shot("weights-entry-results");
        }
        assertThat(driver.findElement(By.id("compare-note")).getText()).contains("score test of a Cox model");
        wait.until(d -> !d.findElements(By.cssSelector("#report-table-comparisons tbody tr")).isEmpty());
        Thread.sleep(500);
        String comparisons = driver.findElement(By.id("report-table-comparisons")).getText();
        // the report's test of the page's settings: R summary(coxph(Surv(entry, time, status) ~ sex, weights = wf))
        // $robscore (ReportWeightsEntryTest checks the numbers against R)
        assertThat(comparisons).contains("Robust score test of a Cox model with the group alone");
        shot("weights-entry");
    }

    private static void shot(String name) throws IOException {
        Files.write(BrowserEndToEndTest.SHOTS.resolve(name + ".png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
