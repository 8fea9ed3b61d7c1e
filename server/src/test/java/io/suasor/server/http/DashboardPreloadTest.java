package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's page names every module that main.js imports, directly or through others, as a
 * module preload: the browser then fetches them all at once after the page, instead of one level of
 * imports after another (four round trips deep), which made a freshly started server's first page
 * take over a second (docs/SCALING.md).
 */
class DashboardPreloadTest {
  private static final Pattern IMPORT =
      Pattern.compile("^import .* from '([^']+)';", Pattern.MULTILINE);
  private static final Pattern PRELOAD =
      Pattern.compile("<link rel=\"modulepreload\" href=\"([^\"]+)\">");

  @Test
  void thePagePreloadsExactlyTheModulesThatMainImports() throws IOException {
    Set<String> imported = new TreeSet<>();
    Deque<String> pending = new ArrayDeque<>();
    pending.push("js/main.js");
    while (!pending.isEmpty()) {
      String module = pending.pop();
      if (!imported.add(module)) {
        continue;
      }
      Matcher m = IMPORT.matcher(resource(module));
      while (m.find()) {
        pending.push(URI.create(module).resolve(m.group(1)).toString());
      }
    }
    imported.remove("js/main.js");

    Set<String> preloaded = new TreeSet<>();
    Matcher m = PRELOAD.matcher(resource("index.html"));
    while (m.find()) {
      preloaded.add(m.group(1));
    }

    assertThat(imported).hasSizeGreaterThan(10);
    assertThat(preloaded).isEqualTo(imported);
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = DashboardPreloadTest.class.getResourceAsStream("/dashboard/" + path)) {
      assertThat(in).as("dashboard file " + path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
