package io.suasor.media.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Numbers the distinct values of one feature (genres; people with their role) so that items carry
 * small int arrays instead of strings. Names compare without regard to case and outer spaces; a
 * kind (a person's role) keeps the same name in two roles apart.
 */
final class Dictionary {
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final List<String> kinds = new ArrayList<>();

  /** The id of {@code name} as {@code kind}, numbered now when new; its first spelling is kept. */
  int intern(String kind, String name) {
    String key = key(kind, name);
    Integer known = ids.get(key);
    if (known != null) {
      return known;
    }
    int id = names.size();
    ids.put(key, id);
    names.add(name.strip());
    kinds.add(kind);
    return id;
  }

  /** The id of {@code name} as {@code kind}, or -1 when no item has it. */
  int find(String kind, String name) {
    return name == null ? -1 : ids.getOrDefault(key(kind, name), -1);
  }

  String name(int id) {
    return names.get(id);
  }

  String kind(int id) {
    return kinds.get(id);
  }

  int size() {
    return names.size();
  }

  private static String key(String kind, String name) {
    return kind + '\u0000' + name.strip().toLowerCase(Locale.ROOT);
  }
}
