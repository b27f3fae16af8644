package dev.forgeline.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import dev.forgeline.testkit.ProjectRoot;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, deploy/prepare-browser.sh) driven by Selenium,
 * with the driver path set so that Selenium Manager never downloads anything. Without them a test is skipped, or
 * fails when {@code FORGELINE_REQUIRE_DOCKER=1} (CI, where deploy/prepare-browser.sh has installed them).
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int WIDTH = 1360;

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    private Browser(ChromeDriver driver, Path downloads, Path profile) {
        this.driver = driver;
        this.downloads = downloads;
        this.profile = profile;
    }

    /** Skips the calling test (or fails it in CI) when chromium or chromedriver is missing. */
    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String why = CHROMIUM + " or " + CHROMEDRIVER + " is missing (run deploy/prepare-browser.sh)";
        if ("1".equals(System.getenv(ComposeStackIT.REQUIRE_ENV))) {
            throw new AssertionError(why + "; " + ComposeStackIT.REQUIRE_ENV + "=1 requires the browser test");
        }
        Assumptions.abort("browser test skipped: " + why);
    }

    static Browser start() {
        requireChromium();
        try {
            Path target = ProjectRoot.find().resolve("e2e/target");
            Files.createDirectories(target);
            Path profile = Files.createTempDirectory(target, "chromium-profile-");
            Path downloads = Files.createTempDirectory(target, "downloads-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--window-size=" + WIDTH + ",1000",
                    "--lang=en-GB");
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "safebrowsing.enabled", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort()
                    .withLogFile(target.resolve("chromedriver.log").toFile()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, downloads, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the whole page (beyond the window's height) as e2e/target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", WIDTH, "height", Math.min(6000, height), "scale", 1)));
            Path dir = ProjectRoot.find().resolve("e2e/target/screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        deleteQuietly(profile);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover profile under target/ is harmless; mvn clean removes it.
        }
    }
}
