package dev.communitysdk.core.question;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.topic.TopicSummary;

/**
 * One page of a question as its reader sees it: the question, then its answers, the accepted one first and the rest
 * best first by the Wilson lower bound of their votes.
 *
 * @param question the question's topic
 * @param questionPost the question's opening post, on the first page when visible to the reader
 * @param answers the page's answers
 * @param next the cursor of the next page, absent on the last page
 */
public record QuestionPage(
    TopicSummary question, Optional<PostView> questionPost, List<PostView> answers, Optional<String> next) {
  /** Checks the fields. */
  public QuestionPage {
    requireNonNull(question, "question");
    requireNonNull(questionPost, "questionPost");
    answers = List.copyOf(requireNonNull(answers, "answers"));
    requireNonNull(next, "next");
  }
}
