package io.suasor.media.model;

import java.util.Locale;

/** Which recommender a user chose: the built-in one, or an AI chat API. */
public enum Recommender {
  /** Content-based, offline, needs nothing configured. */
  BUILTIN,
  /** Any OpenAI-compatible chat completions API (OpenAI, Ollama, LM Studio, …). */
  OPENAI,
  /** Anthropic's Messages API. */
  ANTHROPIC;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Recommender of(String value) {
    for (Recommender recommender : values()) {
      if (recommender.value().equalsIgnoreCase(value.trim())) {
        return recommender;
      }
    }
    throw new IllegalArgumentException(
        "unknown recommender '" + value + "': use builtin, openai or anthropic");
  }
}
