package io.suasor.media.source.plex;

import io.suasor.media.model.MediaType;
import io.suasor.media.source.PagedCatalog;
import io.suasor.media.source.SourceItem;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a listing hands over: the announced counts and the pages, in order. */
final class RecordingPages implements PagedCatalog.Pages {
  final List<Long> expected = new ArrayList<>();
  final List<List<SourceItem>> pages = new ArrayList<>();

  @Override
  public void expect(long items) {
    expected.add(items);
  }

  @Override
  public void page(List<SourceItem> items) {
    pages.add(List.copyOf(items));
  }

  List<SourceItem> items() {
    return pages.stream().flatMap(List::stream).toList();
  }

  List<String> ids() {
    return items().stream().map(SourceItem::id).toList();
  }

  List<MediaType> types() {
    return items().stream().map(SourceItem::type).toList();
  }

  SourceItem item(String id) {
    return items().stream()
        .filter(i -> i.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no item " + id + " among " + ids()));
  }

  long announced() {
    return expected.stream().mapToLong(Long::longValue).sum();
  }
}
