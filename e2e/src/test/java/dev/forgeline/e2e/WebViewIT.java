package dev.forgeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.testkit.ProjectRoot;
import dev.forgeline.testkit.local.ApiClient;
import dev.forgeline.testkit.local.LocalForgeline;

/**
 * The web view in a real headless Chromium against the three services as processes. First the browser signs in with
 * the stack's admin key (after a wrong one is refused). The worker starts with the fence fault on {@code handlers},
 * so the first run fails; the worker is then restarted without it and the replay (and the next run) succeeds; then,
 * restarted with a slow provider, it keeps a run busy to be cancelled; last, signing out returns to the form: hence
 * the fixed order. Screenshots of each page: e2e/target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebViewIT {
    private static final String FENCE = "FORGELINE_WORKER_FAULTS_FENCE_MODULES";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    private static final String OIDC_CLIENT = "forgeline-web";

    private static FakeOidcIssuer issuer;
    private static LocalForgeline stack;
    private static ApiClient api;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void start() {
        Browser.requireChromium();
        issuer = new FakeOidcIssuer(OIDC_CLIENT, Map.of("sub", "alice", "tenant", "team-oidc"));
        stack = LocalForgeline.start(E2eSupport.options("web-view").env(LocalForgeline.WORKER, FENCE, "handlers")
                .env(LocalForgeline.ORCHESTRATOR, "FORGELINE_AUTH_OIDC_ISSUER", issuer.issuer())
                .env(LocalForgeline.ORCHESTRATOR, "FORGELINE_AUTH_OIDC_AUDIENCE", OIDC_CLIENT)
                .env(LocalForgeline.ORCHESTRATOR, "FORGELINE_AUTH_OIDC_JWKS_URL", issuer.jwksUrl())
                .env(LocalForgeline.ORCHESTRATOR, "FORGELINE_AUTH_OIDC_CLIENT_ID", OIDC_CLIENT));
        api = stack.adminApi();
        base = stack.apiBase().toString();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    @Order(0)
    void aWrongKeyIsRefusedAndTheAdminKeySignsInWithACookieNoScriptCanRead() {
        driver().get(base + "/");
        WebElement form = await().atMost(Duration.ofSeconds(20))
                .until(() -> driver().findElements(By.id("signin-form")), l -> !l.isEmpty()).get(0);
        assertThat(driver().findElements(By.cssSelector("#runs"))).as("nothing of the runs page while signed out")
                .isEmpty();
        assertThat(driver().findElement(By.id("signin-key")).getAttribute("type")).isEqualTo("password");
        browser.screenshot("sign-in");

        String wrong = LocalForgeline.newKey();
        driver().findElement(By.id("signin-key")).sendKeys(wrong);
        form.findElement(By.id("signin-submit")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> driver().findElement(By.id("signin-error")).getText(),
                text -> text.contains("That key was not accepted"));
        assertThat(sessionCookie()).as("no cookie for a refused key").isNull();
        browser.screenshot("sign-in-refused");

        driver().findElement(By.id("signin-key")).clear();
        driver().findElement(By.id("signin-key")).sendKeys(stack.adminKey());
        driver().findElement(By.id("signin-submit")).click();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> driver().findElement(By.id("who-name")).getText(), who -> who.contains("admin"));
        assertThat(driver().findElement(By.id("who-name")).getText()).startsWith("admin · admin");
        await().atMost(Duration.ofSeconds(10)).until(() -> driver().findElement(By.id("page-info")).getText(),
                info -> info.startsWith("Page 1 of 1"));

        // The session is an HttpOnly, SameSite=Strict cookie on /api; the key is nowhere a script could read it.
        Map<String, Object> cookie = sessionCookie();
        assertThat(cookie).as("the session cookie").isNotNull();
        assertThat(cookie).containsEntry("httpOnly", true).containsEntry("sameSite", "Strict")
                .containsEntry("path", "/api");
        assertThat(pageStorage()).doesNotContain(stack.adminKey());
        assertThat(driver().getCurrentUrl()).doesNotContain(stack.adminKey());
        driver().get(base + "/api/whoami");
        assertThat(driver().findElement(By.tagName("body")).getText()).contains("\"tenant\":\"admin\"");
        assertThat((String) driver().executeScript("return document.cookie")).as("document.cookie on /api")
                .doesNotContain(stack.adminKey()).doesNotContain("forgeline_session");

        // A POST authenticated by the cookie alone, without the web view's header (as a cross-site form would).
        driver().get(base + "/");
        Object status = driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/runs', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}'})"
                + ".then(r => done(r.status), e => done(String(e)));");
        assertThat(status).as("POST without X-Forgeline-Csrf").isEqualTo(403L);
    }

    @Test
    @Order(1)
    void rejectedSpecShowsEachViolationByPath() {
        String spec = "{\"name\": \"Bad Name!\", \"stack\": \"express-js\", \"entities\": [{\"name\": \"x\", \"fields\": []}]}";
        ApiClient.Reply direct = api.submit(spec.getBytes(StandardCharsets.UTF_8), null);
        assertThat(direct.status()).as(direct.body()).isEqualTo(400);
        Set<String> paths = new HashSet<>();
        direct.json().path("violations").forEach(v -> paths.add(v.path("path").asText()));
        assertThat(paths).isNotEmpty();

        driver().get(base + "/submit.html");
        assertThat(driver().findElement(By.cssSelector("nav[aria-label='Main'] a[aria-current='page']")).getText())
                .isEqualTo("Submit a spec");
        new Actions(driver()).sendKeys(Keys.TAB).perform();
        assertThat(driver().switchTo().activeElement().getText()).as("first Tab stop").isEqualTo("Skip to content");
        driver().findElement(By.id("spec")).sendKeys(spec);
        driver().findElement(By.id("submit")).click();

        WebElement problem = await().atMost(Duration.ofSeconds(20))
                .until(() -> driver().findElements(By.cssSelector("#problem")), l -> !l.isEmpty()).get(0);
        assertThat(problem.getAttribute("role")).isEqualTo("alert");
        assertThat(problem.getText()).contains("The spec was rejected");
        Set<String> shown = new HashSet<>();
        for (WebElement li : problem.findElements(By.cssSelector(".violations li"))) {
            shown.add(li.getAttribute("data-path"));
            assertThat(li.getText()).contains(li.getAttribute("data-path"));
        }
        assertThat(shown).isEqualTo(paths);
        assertThat(driver().getCurrentUrl()).endsWith("/submit.html");
        browser.screenshot("submit-rejected");
    }

    @Test
    @Order(2)
    void failedModuleShowsItsIssueAndReplayFromThePageTurnsTheRunSucceeded() {
        driver().get(base + "/submit.html");
        Path spec = ProjectRoot.find().resolve("examples/todo-api.json");
        driver().findElement(By.id("spec-file")).sendKeys(spec.toString());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> driver().findElement(By.id("spec")).getDomProperty("value").contains("todo-api"));
        String runId = submitAndOpenRun();

        awaitRunStatus("FAILED");
        assertThat(nodeStatus("handlers")).isEqualTo("FAILED");
        assertThat(nodeStatus("routes")).isEqualTo("SKIPPED");
        assertThat(nodeStatus("services")).isEqualTo("VALIDATED");

        JsonNode handlers = E2eSupport.module(api.get("/api/runs/" + runId).json(), "handlers");
        JsonNode issue = handlers.path("issues").get(0);
        assertThat(issue).as("handlers' issues: %s", handlers).isNotNull();
        WebElement details = driver().findElement(By.id("module-handlers"));
        assertThat(details.getDomProperty("open")).as("a failed module's details start open").isEqualTo("true");
        String where = issue.path("path").asText() + (issue.hasNonNull("line") ? ":" + issue.path("line").asInt() : "");
        assertThat(details.findElement(By.cssSelector(".issues")).getText())
                .contains(where, issue.path("rule").asText(), issue.path("message").asText());
        assertThat(details.getText()).contains("attempt 3 of 3");

        // Keyboard: the DAG's nodes are links; Enter on one moves focus to that module's details.
        driver().findElement(By.cssSelector("svg.dag a[data-module='services']")).sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> "true".equals(
                driver().findElement(By.id("module-services")).getDomProperty("open")));
        assertThat(driver().switchTo().activeElement().getText()).contains("services");
        browser.screenshot("run-failed");

        stack.restart(LocalForgeline.WORKER, Map.of(FENCE, ""));
        driver().findElement(By.id("replay-failed")).click();

        awaitRunStatus("SUCCEEDED");
        assertThat(allNodeStatuses()).containsOnly("VALIDATED");
        assertThat(driver().executeScript("return window.sameDocument === true")).as("no reload").isEqualTo(true);
        assertThat(api.get("/api/runs/" + runId).json().path("status").asText()).isEqualTo("SUCCEEDED");
        browser.screenshot("run-replayed");
    }

    @Test
    @Order(3)
    void specPastedIntoTheFormIsFollowedLiveToSucceededAndItsArchiveDownloads() throws IOException {
        driver().get(base + "/submit.html");
        driver().findElement(By.id("spec")).sendKeys(new String(E2eSupport.example("todo-api.json"),
                StandardCharsets.UTF_8));
        String runId = submitAndOpenRun();

        awaitRunStatus("SUCCEEDED");
        assertThat(allNodeStatuses()).hasSize(api.get("/api/runs/" + runId).json().path("modules").size())
                .containsOnly("VALIDATED");
        assertThat(driver().executeScript("return window.sameDocument === true")).as("no reload").isEqualTo(true);
        assertThat(driver().findElement(By.id("activity")).getText()).as("events from the SSE stream")
                .contains("SUCCEEDED");
        assertThat(driver().findElement(By.id("live-text")).getText()).contains("stream closed");

        int fileCount = api.get("/api/runs/" + runId + "/files").json().size();
        assertThat(fileCount).isPositive();
        assertThat(driver().findElements(By.cssSelector("#files li a"))).hasSize(fileCount);
        browser.screenshot("run-succeeded");

        driver().findElement(By.id("archive")).click();
        Path zip = browser.downloads.resolve("todo-api.zip");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(zip)
                && !Files.exists(browser.downloads.resolve("todo-api.zip.crdownload")));
        assertThat(zipEntries(zip)).hasSize(fileCount).allMatch(name -> name.startsWith("todo-api/"));

        driver().get(base + "/");
        await().atMost(Duration.ofSeconds(10)).until(() -> driver().findElements(By.cssSelector("#runs tbody tr[data-run]")).size() == 2);
        assertThat(driver().findElement(By.id("page-info")).getText()).isEqualTo("Page 1 of 1 · 2 runs");
        browser.screenshot("runs");

        driver().get(base + "/?size=1");
        await().atMost(Duration.ofSeconds(10)).until(() -> "Page 1 of 2 · 2 runs".equals(
                driver().findElement(By.id("page-info")).getText()));
        String newest = runRows().get(0);
        assertThat(newest).isEqualTo(runId);
        driver().findElement(By.id("next")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> driver().getCurrentUrl().contains("page=1")
                && "Page 2 of 2 · 2 runs".equals(driver().findElement(By.id("page-info")).getText()));
        assertThat(runRows()).hasSize(1).doesNotContain(runId);
        assertThat(driver().findElement(By.id("next")).isEnabled()).isFalse();
        assertThat(driver().findElement(By.id("prev")).isEnabled()).isTrue();

        driver().get(base + "/");

        new Select(driver().findElement(By.id("status"))).selectByValue("FAILED");
        await().atMost(Duration.ofSeconds(10)).until(() -> driver().getCurrentUrl().endsWith("?status=FAILED")
                && driver().findElement(By.cssSelector("#runs tbody")).getText().contains("No FAILED runs."));
        driver().navigate().back();
        await().atMost(Duration.ofSeconds(10)).until(() -> driver().findElements(By.cssSelector("#runs tbody tr[data-run]")).size() == 2);
    }

    @Test
    @Order(4)
    void cancelFromThePageCancelsARunThatIsStillGenerating() {
        // A slow provider keeps the run's modules in generation long enough to cancel it.
        stack.restart(LocalForgeline.WORKER, Map.of("FORGELINE_WORKER_FAULTS_DELAY", "60s"));
        driver().get(base + "/submit.html");
        driver().findElement(By.id("spec")).sendKeys(new String(E2eSupport.example("todo-api.json"),
                StandardCharsets.UTF_8));
        String runId = submitAndOpenRun();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> allNodeStatuses().contains("DISPATCHED") && driver().findElement(By.id("cancel")).isEnabled());

        driver().findElement(By.id("cancel")).click();
        driver().switchTo().alert().accept();

        awaitRunStatus("CANCELLED");
        assertThat(allNodeStatuses()).contains("CANCELLED").doesNotContain("DISPATCHED", "PENDING");
        assertThat(driver().findElement(By.id("cancel")).isEnabled()).isFalse();
        assertThat(driver().executeScript("return window.sameDocument === true")).as("no reload").isEqualTo(true);
        assertThat(api.get("/api/runs/" + runId).json().path("status").asText()).isEqualTo("CANCELLED");
        browser.screenshot("run-cancelled");
    }

    @Test
    @Order(5)
    void signingOutReturnsToTheFormAndEndsTheSession() {
        driver().get(base + "/");
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> driver().findElement(By.id("sign-out")).isDisplayed());
        driver().findElement(By.id("sign-out")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> !driver().findElements(By.id("signin-form")).isEmpty());
        assertThat(driver().findElement(By.id("who")).isDisplayed()).isFalse();
        assertThat(sessionCookie()).as("the session cookie after signing out").isNull();
        Object status = driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/whoami').then(r => done(r.status), e => done(String(e)));");
        assertThat(status).isEqualTo(401L);
        driver().get(base + "/run.html?id=" + java.util.UUID.randomUUID());
        await().atMost(Duration.ofSeconds(20)).until(() -> !driver().findElements(By.id("signin-form")).isEmpty());
        browser.screenshot("signed-out");
    }

    @Test
    @Order(6)
    void signingInThroughTheOidcIssuerUsesPkceAndShowsOnlyTheTenantOfItsToken() {
        driver().get(base + "/");
        WebElement button = await().atMost(Duration.ofSeconds(20))
                .until(() -> driver().findElements(By.id("signin-oidc")), l -> !l.isEmpty()).get(0);
        assertThat(button.getText()).isEqualTo("Sign in with " + issuer.issuer().replace("http://", ""));
        button.click();

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> driver().findElement(By.id("who-name")).getText(), who -> who.contains("alice"));
        assertThat(driver().findElement(By.id("who-name")).getText()).isEqualTo("team-oidc · alice");
        assertThat(issuer.log).containsExactly("authorize S256", "token ok");
        assertThat(driver().getCurrentUrl()).as("code and state are gone from the address").isEqualTo(base + "/");
        assertThat(driver().executeScript("return sessionStorage.length")).as("the PKCE verifier is gone")
                .isEqualTo(0L);
        // The admin's runs of the earlier tests belong to tenant admin: team-oidc sees none of them.
        await().atMost(Duration.ofSeconds(10)).until(() -> driver().findElement(By.cssSelector("#runs tbody"))
                .getText().contains("No runs yet"));
        assertThat(driver().findElement(By.id("page-info")).getText()).isEqualTo("Page 1 of 1 · 0 runs");
        browser.screenshot("signed-in-oidc");
    }

    /** The gateway's session cookie as Chromium holds it (CDP: scripts cannot see an HttpOnly cookie), or null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sessionCookie() {
        Map<String, Object> result = driver().executeCdpCommand("Network.getCookies",
                Map.of("urls", List.of(base + "/api/whoami")));
        return ((List<Map<String, Object>>) result.get("cookies")).stream()
                .filter(c -> "forgeline_session".equals(c.get("name"))).findFirst().orElse(null);
    }

    /** Everything the page's scripts could store: cookies they can see, localStorage and sessionStorage. */
    private static String pageStorage() {
        return (String) driver().executeScript("return document.cookie + JSON.stringify(localStorage) "
                + "+ JSON.stringify(sessionStorage)");
    }

    private static List<String> runRows() {
        List<String> ids = new ArrayList<>();
        driver().findElements(By.cssSelector("#runs tbody tr[data-run]")).forEach(r -> ids.add(r.getAttribute("data-run")));
        return ids;
    }

    private static ChromeDriver driver() {
        return browser.driver;
    }

    /** Submits the form; waits for the run page, marks the document to prove later that it was never reloaded. */
    private static String submitAndOpenRun() {
        driver().findElement(By.id("submit")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> driver().getCurrentUrl().contains("/run.html?id="));
        driver().executeScript("window.sameDocument = true");
        return driver().getCurrentUrl().replaceAll(".*[?&]id=", "");
    }

    private static void awaitRunStatus(String status) {
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> driver().findElement(By.cssSelector("#run-status [data-status]")).getAttribute("data-status"),
                        status::equals);
    }

    private static String nodeStatus(String module) {
        return driver().findElement(By.cssSelector("svg.dag a[data-module='" + module + "'] g.node"))
                .getAttribute("data-status");
    }

    private static List<String> allNodeStatuses() {
        List<String> statuses = new ArrayList<>();
        driver().findElements(By.cssSelector("svg.dag g.node")).forEach(n -> statuses.add(n.getAttribute("data-status")));
        return statuses;
    }

    private static List<String> zipEntries(Path zip) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
