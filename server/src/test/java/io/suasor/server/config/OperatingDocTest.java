package io.suasor.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/OPERATING.md lists every setting with its variable, option and default, and its Install
 * section links the packaging guide.
 */
class OperatingDocTest {
  @Test
  void theSettingsTableHasARowForEverySetting() throws IOException {
    Path doc = Path.of("..", "docs", "OPERATING.md");
    List<String> rows = Files.readAllLines(doc).stream().filter(l -> l.startsWith("| `")).toList();
    for (Setting setting : Setting.values()) {
      assertThat(rows)
          .as("the row of %s in %s", setting.key(), doc)
          .anySatisfy(
              row ->
                  assertThat(row)
                      .startsWith("| `" + setting.key() + "` | `" + setting.env() + "` | `")
                      .contains(setting.option(), " | " + setting.defaultText() + " | "));
    }
    assertThat(Files.readString(doc))
        .as("the Install section links the packaging guide")
        .contains("## Install\n\nThree ways; [packaging/README.md](../packaging/README.md)");
  }
}
