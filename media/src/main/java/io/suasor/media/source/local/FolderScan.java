package io.suasor.media.source.local;

import io.suasor.media.MediaException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files under one library folder with their size and modification time, taken in one walk so
 * that listing a library costs no file reads. Hidden files and folders are left out.
 */
final class FolderScan {
  /** A file of the library: its path relative to the root (with '/'), size and modification. */
  record FileInfo(Path path, String relative, long size, long modifiedMillis) {
    String fingerprint() {
      return size + ":" + modifiedMillis;
    }

    String name() {
      return path.getFileName().toString();
    }

    /** The relative path's folders: "Artist/Album/01.flac" → [Artist, Album]. */
    List<String> folders() {
      String[] parts = relative.split("/");
      return List.of(parts).subList(0, parts.length - 1);
    }
  }

  private final Path root;
  private final List<FileInfo> files = new ArrayList<>();
  private final Map<Path, FileInfo> byPath = new HashMap<>();

  private FolderScan(Path root) {
    this.root = root;
  }

  /**
   * Walks {@code root}; throws when the folder is missing, so a sync never takes an unmounted drive
   * for an emptied library.
   */
  static FolderScan of(Path root) {
    if (!Files.isDirectory(root)) {
      throw new MediaException("library folder " + root + " is missing or not a folder");
    }
    FolderScan scan = new FolderScan(root);
    try {
      Files.walkFileTree(root, scan.new Visitor());
    } catch (IOException e) {
      throw new MediaException("cannot list library folder " + root, e);
    }
    scan.files.sort(java.util.Comparator.comparing(FileInfo::relative));
    return scan;
  }

  List<FileInfo> files() {
    return files;
  }

  Optional<FileInfo> get(Path path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** The fingerprint of an optional sidecar file, "-" when absent. */
  String sidecarFingerprint(Path path) {
    return get(path).map(FileInfo::fingerprint).orElse("-");
  }

  private final class Visitor extends SimpleFileVisitor<Path> {
    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        FileInfo info =
            new FileInfo(file, relative, attrs.size(), attrs.lastModifiedTime().toMillis());
        files.add(info);
        byPath.put(file, info);
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      // An unreadable corner of the library does not stop the rest of it from being listed.
      return FileVisitResult.CONTINUE;
    }
  }
}
