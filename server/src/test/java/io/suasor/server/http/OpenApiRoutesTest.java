package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.server.TestJobs;
import io.suasor.server.TestServer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document describes exactly the routes the server registers. */
class OpenApiRoutesTest {
  @Test
  void documentedPathsAndMethodsAreTheRegisteredRoutes(@TempDir Path dataDir) {
    TestServer.Started server =
        TestServer.start(TestServer.sqlite(dataDir), TestJobs.all(new TestJobs.Gated()));
    try {
      Api api = new Api(server.port());
      JsonNode document = api.get("/api/openapi.json", null).json();
      Set<String> documented = new TreeSet<>();
      document
          .get("paths")
          .fields()
          .forEachRemaining(
              path ->
                  path.getValue()
                      .fieldNames()
                      .forEachRemaining(
                          method ->
                              documented.add(
                                  method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
      Set<String> registered = new TreeSet<>();
      server
          .app()
          .http()
          .orElseThrow()
          .routes()
          .forEach(route -> registered.add(route.method() + " " + route.path()));
      assertThat(registered).hasSizeGreaterThan(20);
      assertThat(documented).isEqualTo(registered);
    } finally {
      server.app().close();
    }
  }
}
