package io.suasor.media.collections;

/**
 * A smart collection's whole definition: which items ({@code rules}), in which order, how many.
 * Stored in the collection's {@code rules} column as the JSON {@link RuleWriter} writes.
 */
public record SmartRules(Rule rules, Sort sort, int limit) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1_000;
}
