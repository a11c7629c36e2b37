package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

/**
 * What a member follows: a topic, a space or a tag.
 *
 * @param kind what is followed
 * @param key its id as decimal text for a topic or a space, the tag itself for a tag; 1 to 40 characters
 */
public record SubscriptionTarget(Kind kind, String key) {
  /** The most characters of a key. */
  public static final int KEY_MAX = 40;

  /** What a subscription follows. */
  public enum Kind {
    /** One topic. */
    TOPIC,
    /** Every topic of one space. */
    SPACE,
    /** Every topic carrying one tag. */
    TAG
  }

  /** Checks the fields. */
  public SubscriptionTarget {
    requireNonNull(kind, "kind");
    Checks.notBlank(key, "key");
    if (key.length() > KEY_MAX) {
      throw new IllegalArgumentException("key must be at most " + KEY_MAX + " characters, was " + key.length());
    }
  }

  /**
   * @param id a topic
   * @return the topic as a target
   */
  public static SubscriptionTarget topic(TopicId id) {
    return new SubscriptionTarget(Kind.TOPIC, Long.toString(id.value()));
  }

  /**
   * @param id a space
   * @return the space as a target
   */
  public static SubscriptionTarget space(SpaceId id) {
    return new SubscriptionTarget(Kind.SPACE, Long.toString(id.value()));
  }

  /**
   * @param tag a tag; its format is checked where members follow it
   * @return the tag as a target
   */
  public static SubscriptionTarget tag(String tag) {
    return new SubscriptionTarget(Kind.TAG, tag);
  }
}
