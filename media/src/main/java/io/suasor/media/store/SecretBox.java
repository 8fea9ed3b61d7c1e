package io.suasor.media.store;

import io.suasor.media.MediaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts source secrets at rest with AES-256-GCM, so that a copy of the database without the key
 * reveals none. Each sealed text is bound to the row it belongs to (its associated data), so a
 * sealed secret copied onto another source does not open there.
 *
 * <p>The key is 32 bytes, given as Base64 in configuration (every node of a cluster needs the same)
 * or generated once into a file only its owner can read.
 */
public final class SecretBox {
  static final String PREFIX = "sealed:v1:";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private SecretBox(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new MediaException(
          "a secret key must be "
              + KEY_BYTES
              + " bytes (44 characters of Base64, e.g. from `openssl rand -base64 32`), was "
              + key.length
              + " bytes");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** A box over a key given as Base64 (configuration). */
  public static SecretBox fromBase64(String key) {
    try {
      return new SecretBox(Base64.getDecoder().decode(key.strip()));
    } catch (IllegalArgumentException e) {
      throw new MediaException(
          "the secret key is not Base64: give 32 random bytes in Base64, e.g. from `openssl rand"
              + " -base64 32`");
    }
  }

  /** A box over a fresh random key, kept only in memory (tests, throw-away databases). */
  public static SecretBox random() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return new SecretBox(key);
  }

  /**
   * The key in {@code file}, made there first (readable by its owner only) when it does not exist.
   */
  public static SecretBox loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
          if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(
                file,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          } else {
            Files.createFile(file);
          }
          Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
        } catch (FileAlreadyExistsException raced) {
          // Another process made it between the check and the create: use theirs.
        }
      }
      return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new MediaException("cannot read or create the secret key file " + file, e);
    }
  }

  /** Whether {@code stored} is sealed by a box (of any key), rather than plain text. */
  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** Seals {@code plain} for the row {@code owner} names (e.g. "media_sources:4"). */
  public String seal(String plain, String owner) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new MediaException("cannot encrypt a secret", e);
    }
  }

  /** Opens what {@link #seal} made for the same owner. */
  public String open(String sealed, String owner) {
    if (!isSealed(sealed)) {
      throw new MediaException("the secrets of " + owner + " are not encrypted");
    }
    try {
      byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new MediaException(
          "cannot decrypt the secrets of "
              + owner
              + ": they were encrypted with another secret key; configure that key (every node"
              + " needs the same one), or enter the source's secrets again");
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new MediaException("cannot decrypt the secrets of " + owner, e);
    }
  }
}
