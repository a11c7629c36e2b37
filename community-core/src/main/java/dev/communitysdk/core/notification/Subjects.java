package dev.communitysdk.core.notification;

import java.util.Locale;

import dev.communitysdk.core.member.AuthorRef;

/**
 * The plain-text subjects of notifications. An author appears as readers see them, so anonymous content says
 * "Anonymous" and never the member's name.
 */
final class Subjects {
  private Subjects() {}

  static String reply(AuthorRef author, String title) {
    return author.displayName() + " replied in \"" + title + "\"";
  }

  static String mention(AuthorRef author, String title) {
    return author.displayName() + " mentioned you in \"" + title + "\"";
  }

  static String answerAccepted(String title) {
    return "Your answer in \"" + title + "\" was accepted";
  }

  static String ideaStatus(String title, String status) {
    return "\"" + title + "\" is now " + status.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static String badge(String badge, String tier) {
    return "You earned the " + badge + " badge (" + tier.toLowerCase(Locale.ROOT) + ")";
  }
}
