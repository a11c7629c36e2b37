package dev.communitysdk.core.question;

import static java.util.Objects.requireNonNull;

import dev.communitysdk.core.member.AuthorRef;

/**
 * A member suggested to answer a question, with the evidence: their accepted answers and up votes in its tags.
 *
 * @param member the member
 * @param acceptedAnswers their accepted answers in the question's tags
 * @param upvotes the up votes their posts received in the question's tags
 */
public record ExpertSuggestion(AuthorRef member, long acceptedAnswers, long upvotes) {
  /** Checks the fields. */
  public ExpertSuggestion {
    requireNonNull(member, "member");
  }
}
