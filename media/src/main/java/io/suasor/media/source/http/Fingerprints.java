package io.suasor.media.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short digest of what a server said of an item (its metadata and its owner's data), stored with
 * the item's reference: an item whose digest is unchanged is not written again.
 */
public final class Fingerprints {
  private Fingerprints() {}

  /** The digest of some JSON nodes' text, 16 hex digits; null nodes count as absent. */
  public static String of(JsonNode... nodes) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (JsonNode node : nodes) {
        digest.update((node == null ? "-" : node.toString()).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
