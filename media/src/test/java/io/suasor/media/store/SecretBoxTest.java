package io.suasor.media.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.media.MediaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
  @TempDir Path temp;

  @Test
  void sealsAndOpensForTheSameOwnerOnly() {
    SecretBox box = SecretBox.random();
    String sealed = box.seal("{\"apiKey\":\"k-123456\"}", "source 4");

    assertThat(sealed).startsWith("sealed:v1:").doesNotContain("k-123456");
    assertThat(box.seal("{\"apiKey\":\"k-123456\"}", "source 4")).isNotEqualTo(sealed);
    assertThat(box.open(sealed, "source 4")).isEqualTo("{\"apiKey\":\"k-123456\"}");
    assertThatThrownBy(() -> box.open(sealed, "source 5"))
        .isInstanceOf(MediaException.class)
        .hasMessageContaining("another secret key");
  }

  @Test
  void anotherKeyCannotOpenAndSaysWhatToDo() {
    String sealed = SecretBox.random().seal("secret", "source 1");
    assertThatThrownBy(() -> SecretBox.random().open(sealed, "source 1"))
        .hasMessageContaining("configure that key")
        .hasMessageNotContaining("secret\"");
  }

  @Test
  void theGeneratedKeyFileIsReadableByItsOwnerOnlyAndReusedAfterwards() throws Exception {
    Path file = temp.resolve("data/secret.key");
    SecretBox first = SecretBox.loadOrCreate(file);
    String sealed = first.seal("p", "source 1");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(SecretBox.loadOrCreate(file).open(sealed, "source 1")).isEqualTo("p");
  }

  @Test
  void aKeyOfTheWrongLengthOrNotBase64IsRefusedWithAHint() {
    assertThatThrownBy(() -> SecretBox.fromBase64("c2hvcnQ="))
        .hasMessageContaining("32 bytes")
        .hasMessageContaining("openssl rand -base64 32");
    assertThatThrownBy(() -> SecretBox.fromBase64("not base64 !"))
        .hasMessageContaining("not Base64");
  }
}
