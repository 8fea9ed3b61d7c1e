package io.suasor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.store.Jdbc;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard's first screens in a real headless Chromium (the Debian chromium and chromedriver
 * the server's browser tests drive), signed in as an admin, on the server {@link ApiLatency}
 * started. A load runs from navigation start to the moment the screen's rows are in the page and a
 * frame has been drawn with them: a {@code MutationObserver} set before the page's own scripts
 * marks it with {@code performance.mark}, so it shares the Navigation Timing API's origin.
 *
 * <p>Each round starts a new browser: the first load of each screen, after the HTTP cache is
 * cleared, is the cold one; {@code loads} more of each are the warm ones (cache and compiled
 * scripts kept, the tab left for {@code about:blank} between loads so each is a whole page load).
 */
final class DashboardLoad {
  record Load(
      String screen, boolean cold, double contentMs, double domReadyMs, double apiMs, String api) {}

  /** Each screen's address and what in it says its data is shown. */
  static final Map<String, String> SCREENS = new LinkedHashMap<>();

  static {
    SCREENS.put("#/jobs", "#jobs tbody tr");
    SCREENS.put("#/history", "#history tbody tr");
    SCREENS.put("#/active", "#active-runs li");
  }

  /** Pending runs due tomorrow, so the active runs screen has rows to show. */
  private static final int ACTIVE_RUNS = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Before every document's own scripts: the session the sign-in form keeps (its token under the
   * same sessionStorage key, as in a tab that signed in), and the observer that marks the content.
   */
  private static final String BEFORE_PAGE =
      """
      (() => {
        if (location.origin !== %s) return;
        sessionStorage.setItem('suasor.token', %s);
        const wanted = %s[location.hash];
        if (!wanted) return;
        const observer = new MutationObserver(() => {
          if (document.querySelector(wanted)) {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => performance.mark('suasor-content'), 0));
          }
        });
        observer.observe(document, {childList: true, subtree: true});
      })();
      """;

  /** Waits for the mark; answers it with the navigation's timings and the slowest API request. */
  private static final String AWAIT_CONTENT =
      """
      const done = arguments[arguments.length - 1];
      const check = () => {
        const mark = performance.getEntriesByName('suasor-content')[0];
        if (!mark) { setTimeout(check, 10); return; }
        const nav = performance.getEntriesByType('navigation')[0];
        let api = {name: '', duration: 0};
        for (const r of performance.getEntriesByType('resource')) {
          if (r.name.includes('/api/') && r.responseEnd <= mark.startTime
              && r.duration > api.duration) api = r;
        }
        done([mark.startTime, nav.domContentLoadedEventEnd, api.duration,
              api.name.replace(location.origin, '')]);
      };
      check();
      """;

  private final ApiLatency api;

  DashboardLoad(ApiLatency api) {
    this.api = api;
  }

  /** {@code rounds} browsers, each loading every screen once cold and {@code loads} times warm. */
  List<Load> measure(int rounds, int loads) throws Exception {
    List<Long> seeded = seedActiveRuns();
    List<Load> all = new ArrayList<>();
    try {
      for (int round = 1; round <= rounds; round++) {
        ChromeDriver browser = startBrowser();
        try {
          for (String screen : SCREENS.keySet()) {
            browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
            all.add(load(browser, screen, true));
            for (int i = 0; i < loads; i++) {
              all.add(load(browser, screen, false));
            }
          }
        } finally {
          browser.quit();
        }
        System.err.printf(
            "  round %d of %d loaded (load %s)%n",
            round, rounds, ClusterBenchSupport.loadAverage());
      }
    } finally {
      forget(seeded);
    }
    return all;
  }

  private Load load(ChromeDriver browser, String screen, boolean cold) throws Exception {
    browser.get("about:blank");
    browser.get(api.base() + "/" + screen);
    List<?> found = (List<?>) browser.executeAsyncScript(AWAIT_CONTENT);
    System.err.printf(
        "    %s%s: %.0f ms (DOMContentLoaded %.0f, slowest API request %.0f ms: %s)%n",
        screen,
        cold ? " (cold)" : "",
        ((Number) found.get(0)).doubleValue(),
        ((Number) found.get(1)).doubleValue(),
        ((Number) found.get(2)).doubleValue(),
        found.get(3));
    return new Load(
        screen,
        cold,
        ((Number) found.get(0)).doubleValue(),
        ((Number) found.get(1)).doubleValue(),
        ((Number) found.get(2)).doubleValue(),
        (String) found.get(3));
  }

  private ChromeDriver startBrowser() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    String origin = JSON.writeValueAsString(api.base());
    String script =
        BEFORE_PAGE.formatted(
            origin, JSON.writeValueAsString(api.token()), JSON.writeValueAsString(SCREENS));
    browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    return browser;
  }

  private List<Long> seedActiveRuns() {
    Instant now = Instant.now();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < ACTIVE_RUNS; i++) {
      JobRun run =
          api.app()
              .engine()
              .repository()
              .createJobRun(
                  NewRun.of(
                      "system.media.sync",
                      JobType.SYSTEM,
                      Trigger.MANUAL,
                      now.plus(Duration.ofDays(1))),
                  now);
      ids.add(run.id());
    }
    return ids;
  }

  private void forget(List<Long> runs) {
    api.app()
        .database()
        .write(
            "forget the dashboard bench's runs",
            c -> {
              for (long id : runs) {
                Jdbc.update(c, "DELETE FROM job_runs WHERE id = ?", id);
              }
              return null;
            });
  }

  /** The loads of each screen and kind, in the order measured. */
  static Map<String, List<Load>> byScreen(List<Load> all) {
    Map<String, List<Load>> grouped = new LinkedHashMap<>();
    for (Load one : all) {
      grouped
          .computeIfAbsent(
              one.screen() + (one.cold() ? ", cold" : ", warm"), k -> new ArrayList<>())
          .add(one);
    }
    return grouped;
  }
}
