package dev.communitysdk.core.moderation;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;

import dev.communitysdk.core.reputation.Level;
import dev.communitysdk.spi.model.FlaggerRecord;

/**
 * How much a flag weighs, and what weight of open flags hides a post. Immutable; set with
 * {@link dev.communitysdk.core.Community.Builder#flagRules}.
 *
 * <p>A flag's weight is fixed when it is made ({@link #weight}):
 * <ul>
 *   <li>a moderator's or admin's flag weighs {@code moderatorWeight};
 *   <li>any other member's flag starts from {@code base = 1 + levelBonus(level)}, the member's {@link Level} being the
 *       one their reputation reaches;
 *   <li>once the member has at least {@code accuracyAfter} decided flags, their accuracy
 *       {@code a = agreed / (agreed + disagreed)} scales it, in the manner of Discourse's flagger accuracy:
 *       {@code weight = round(2 · a · base)}, halves rounded up. A flagger moderators always agreed with counts
 *       double, one right half the time counts the base, one right less than a quarter of the time counts 0;
 *   <li>a member's flag never weighs more than {@code memberWeightCap}, so that no single member hides a post alone
 *       while the cap stays below {@code hideWeight}.
 * </ul>
 *
 * @param moderatorWeight the weight of a moderator's or admin's flag, at least 1
 * @param levelBonus what each level adds to a member's base weight, at least 0; every level present
 * @param memberWeightCap the most a member's flag weighs, at least 1
 * @param hideWeight the open flag weight at which a published post is hidden into the moderation queue, at least 1
 * @param accuracyAfter how many decided flags a member needs before their accuracy scales their weight, at least 1
 */
public record FlagRules(
    int moderatorWeight, Map<Level, Integer> levelBonus, int memberWeightCap, int hideWeight, int accuracyAfter) {
  /** Checks the fields. */
  public FlagRules {
    requireNonNull(levelBonus, "levelBonus");
    atLeast(moderatorWeight, 1, "moderatorWeight");
    atLeast(memberWeightCap, 1, "memberWeightCap");
    atLeast(hideWeight, 1, "hideWeight");
    atLeast(accuracyAfter, 1, "accuracyAfter");
    for (Level level : Level.values()) {
      Integer bonus = levelBonus.get(level);
      if (bonus == null) {
        throw new IllegalArgumentException("levelBonus must give a bonus for " + level);
      }
      atLeast(bonus, 0, "levelBonus of " + level);
    }
    levelBonus = Map.copyOf(new EnumMap<>(levelBonus));
  }

  /**
   * @return the defaults: moderators 5; members 1, plus 1 from {@link Level#REGULAR} and 2 from {@link Level#EXPERT};
   *     accuracy counts after 5 decided flags; a member's flag weighs at most 4; weight 5 hides a post
   */
  public static FlagRules defaults() {
    Map<Level, Integer> bonus = new EnumMap<>(Level.class);
    bonus.put(Level.NEWCOMER, 0);
    bonus.put(Level.CONTRIBUTOR, 0);
    bonus.put(Level.REGULAR, 1);
    bonus.put(Level.TRUSTED, 1);
    bonus.put(Level.EXPERT, 2);
    bonus.put(Level.LEADER, 2);
    return new FlagRules(5, bonus, 4, 5, 5);
  }

  /**
   * @param value the open flag weight that hides a post
   * @return these rules with that weight
   */
  public FlagRules withHideWeight(int value) {
    return new FlagRules(moderatorWeight, levelBonus, memberWeightCap, value, accuracyAfter);
  }

  /**
   * The weight of a new flag, as the class describes.
   *
   * @param moderator whether the flagger is a moderator or an admin
   * @param level the level the flagger's reputation reaches
   * @param record how the flagger's decided flags turned out; ignored for moderators
   * @return the flag's weight, 0 or more
   */
  public int weight(boolean moderator, Level level, FlaggerRecord record) {
    requireNonNull(level, "level");
    requireNonNull(record, "record");
    if (moderator) {
      return moderatorWeight;
    }
    long base = 1L + levelBonus.get(level);
    long decided = record.decided();
    long weight = decided < accuracyAfter
        ? base
        // round(2 · base · agreed / decided), halves up, in whole numbers.
        : (4 * base * record.agreed() + decided) / (2 * decided);
    return (int) Math.min(weight, memberWeightCap);
  }

  private static void atLeast(int value, int minimum, String name) {
    if (value < minimum) {
      throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
    }
  }
}
