package dev.communitysdk.core.privacy;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The salted hash that stands in for an erased member's host user id: HMAC-SHA256 keyed with the host's privacy salt.
 * Without the salt nobody can tell which user id it came from, nor test a guess. Thread-safe.
 */
public final class Pseudonyms {
  /** The fewest salt bytes accepted. */
  public static final int MIN_SALT_BYTES = 16;
  private static final String ALGORITHM = "HmacSHA256";
  private static final String PREFIX = "erased:";

  private final SecretKeySpec key;

  private Pseudonyms(byte[] salt) {
    this.key = new SecretKeySpec(salt, ALGORITHM);
  }

  /**
   * @param salt the host's secret, at least {@value #MIN_SALT_BYTES} bytes; copied
   * @return pseudonyms keyed with the salt
   * @throws IllegalArgumentException if the salt is too short
   */
  public static Pseudonyms withSalt(byte[] salt) {
    requireNonNull(salt, "salt");
    if (salt.length < MIN_SALT_BYTES) {
      throw new IllegalArgumentException(
          "privacySalt must be at least " + MIN_SALT_BYTES + " bytes, was " + salt.length);
    }
    return new Pseudonyms(salt.clone());
  }

  /**
   * @return pseudonyms keyed with 32 random bytes: hashes cannot be matched across restarts or between host nodes
   */
  public static Pseudonyms withRandomSalt() {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    return new Pseudonyms(salt);
  }

  /**
   * @param userId a host user id
   * @return {@code "erased:"} and the hex HMAC-SHA256 of the id, 71 characters
   */
  public String of(String userId) {
    requireNonNull(userId, "userId");
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      // Every Java runtime ships HmacSHA256, and the key is a plain byte array.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
