package dev.communitysdk.core.question;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.access.AccessPolicy;
import dev.communitysdk.core.event.TopicEvent;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.Cursors;
import dev.communitysdk.core.internal.ReputationKeeper;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.core.topic.Topics;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.ExpertiseRow;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.QuestionState;
import dev.communitysdk.spi.model.ReputationEntry;
import dev.communitysdk.spi.model.ReputationReason;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicQuery;
import dev.communitysdk.spi.model.TopicStatus;

/**
 * Questions and answers in QUESTIONS spaces: ask, accept one answer (the asker, a moderator or an admin), un-accept
 * or replace it with reversing reputation entries, read answers ranked, and route questions to experts. Thread-safe.
 */
public final class Questions {
  /** The most experts one suggestion returns. */
  public static final int MAX_EXPERTS = 20;
  private static final String ANSWERS = "ANSWERS";
  private static final int EXPERTISE_TAGS = 5;
  private static final int EXPERTISE_ENTRIES = 1000;

  private final CommunityContext context;
  private final Topics topics;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   * @param topics the topics service that starts questions
   */
  public Questions(CommunityContext context, Topics topics) {
    this.context = requireNonNull(context, "context");
    this.topics = requireNonNull(topics, "topics");
  }

  /**
   * Asks a question: starts a topic in a QUESTIONS space.
   *
   * @param actor the asker
   * @param spaceId a QUESTIONS space
   * @param draft title, body and tags
   * @return the new question
   * @throws ConflictException if the space does not hold questions (rule {@code space.kind})
   */
  public ThreadView ask(Actor actor, SpaceId spaceId, TopicDraft draft) {
    return context.commands().run("question.ask", () -> {
      context.space(context.acting(actor, "question.ask"), spaceId, SpaceKind.QUESTIONS);
      return topics.start(actor, spaceId, draft);
    });
  }

  /**
   * Accepts an answer, replacing any accepted before. The answerer gains reputation (never for answering their own
   * question), the asker a little for accepting; a replaced answer's gains are reversed.
   *
   * @param actor the asker, a moderator or an admin
   * @param questionId the question
   * @param answerId a published reply in it
   * @return the question, now solved
   * @throws ConflictException if the topic is not a question (rule {@code topic.kind}), is locked, or the answer is
   *     already accepted (rule {@code answer.accepted})
   * @throws ValidationException if the post is not a reply in this question (field {@code answerId})
   * @throws PermissionDeniedException if the actor is not the asker, a moderator or an admin
   */
  public TopicSummary accept(Actor actor, TopicId questionId, PostId answerId) {
    requireNonNull(answerId, "answerId");
    return context.commands().run("answer.accept", () -> {
      Member member = context.acting(actor, "answer.accept");
      Topic question = decidableQuestion(member, questionId, "answer.accept");
      Post answer = context.store().posts().find(answerId)
          .orElseThrow(() -> new NotFoundException("post", answerId));
      if (!answer.topicId().equals(questionId) || answer.opening()) {
        throw new ValidationException("answerId", "must be a reply in question " + questionId, answerId);
      }
      if (answer.status() != PostStatus.PUBLISHED) {
        throw new NotFoundException("post", answerId);
      }
      Optional<PostId> previous = question.acceptedAnswerId();
      if (previous.filter(answerId::equals).isPresent()) {
        throw new ConflictException("answer.accepted", "answer " + answerId + " is already accepted");
      }
      Instant now = context.commands().now();
      CommunityEvent event = context.events().append(new TopicEvent.AnswerAccepted(questionId.value(),
          answerId.value(), previous.map(PostId::value).orElse(null),
          CommunityContext.visibleActor(member, question.authorId(), question.anonymous())), now);
      if (previous.isPresent()) {
        withdraw(question, context.post(previous.get()), event, now);
      }
      context.store().topics().updateAcceptedAnswer(questionId, Optional.of(answerId));
      grant(question, answer, member, event, now);
      return context.summary(context.topic(questionId));
    });
  }

  /**
   * Un-accepts the accepted answer: the question is unsolved again and the acceptance's reputation is reversed.
   *
   * @param actor the asker, a moderator or an admin
   * @param questionId the question
   * @return the question
   * @throws ConflictException if no answer is accepted (rule {@code answer.accepted})
   */
  public TopicSummary unaccept(Actor actor, TopicId questionId) {
    return context.commands().run("answer.unaccept", () -> {
      Member member = context.acting(actor, "answer.unaccept");
      Topic question = decidableQuestion(member, questionId, "answer.unaccept");
      PostId accepted = question.acceptedAnswerId().orElseThrow(() -> new ConflictException("answer.accepted",
          "question " + questionId + " has no accepted answer"));
      Instant now = context.commands().now();
      CommunityEvent event = context.events().append(
          new TopicEvent.AnswerUnaccepted(questionId.value(), accepted.value(),
              CommunityContext.visibleActor(member, question.authorId(), question.anonymous())), now);
      withdraw(question, context.post(accepted), event, now);
      context.store().topics().updateAcceptedAnswer(questionId, Optional.empty());
      return context.summary(context.topic(questionId));
    });
  }

  /**
   * One page of a question: the question post first, then the accepted answer, then the other answers best first
   * by the Wilson lower bound of their votes.
   *
   * @param actor the reader
   * @param questionId the question
   * @param cursor the previous page's {@link QuestionPage#next()}, or empty for the first page
   * @param limit ranked answers per page, 1 to 100; the accepted answer is pinned on top of the first page besides
   * @return the page
   */
  public QuestionPage answers(Actor actor, TopicId questionId, Optional<String> cursor, int limit) {
    requireNonNull(cursor, "cursor");
    int checkedLimit = InputRules.pageSize("limit", limit, Topics.MAX_THREAD_PAGE);
    Optional<ListingCursor> after = cursor.map(token -> Cursors.decodeListing(ANSWERS, token));
    return context.commands().run("question.answers", () -> {
      Member reader = context.reader(actor);
      Topic question = context.visibleQuestion(reader, questionId);
      Set<PostStatus> statuses = context.policy().isModerator(reader)
          ? EnumSet.of(PostStatus.PUBLISHED, PostStatus.PENDING, PostStatus.HIDDEN)
          : EnumSet.of(PostStatus.PUBLISHED);
      List<Post> page = new ArrayList<>();
      Optional<Post> questionPost = Optional.empty();
      if (after.isEmpty()) {
        questionPost = context.store().posts().listByTopic(questionId, statuses, Optional.empty(), 1).stream()
            .filter(Post::opening).findFirst();
        question.acceptedAnswerId().flatMap(id -> context.store().posts().find(id))
            .filter(post -> statuses.contains(post.status())).ifPresent(page::add);
      }
      int wanted = checkedLimit;
      List<Post> ranked = context.store().posts().listRepliesByRank(questionId, statuses, after, wanted + 2).stream()
          .filter(post -> question.acceptedAnswerId().filter(post.id()::equals).isEmpty())
          .toList();
      List<Post> rest = ranked.subList(0, Math.min(wanted, ranked.size()));
      page.addAll(rest);
      Optional<String> next = ranked.size() > wanted && !rest.isEmpty()
          ? Optional.of(Cursors.encode(ANSWERS, new ListingCursor(last(rest).wilson(), last(rest).id().value())))
          : Optional.empty();
      List<MemberId> authorIds = new ArrayList<>(page.stream().map(Post::authorId).toList());
      authorIds.add(question.authorId());
      Map<MemberId, Member> authors = context.members(authorIds);
      Map<PostId, dev.communitysdk.spi.model.VoteDirection> mine = new HashMap<>();
      List<PostId> voted = new ArrayList<>(page.stream().map(Post::id).toList());
      questionPost.ifPresent(post -> voted.add(post.id()));
      context.store().votes().findByVoter(reader.id(), voted).forEach(vote -> mine.put(vote.postId(), vote.direction()));
      return new QuestionPage(
          TopicSummary.of(question, CommunityContext.author(authors, question.authorId(), question.anonymous())),
          questionPost.map(post -> view(post, authors, mine)),
          page.stream().map(post -> view(post, authors, mine)).toList(), next);
    });
  }

  /**
   * Suggests members to answer a question: those with the most accepted answers, then up votes, in its tags. The
   * asker and members who cannot read the question are left out.
   *
   * @param actor the reader
   * @param questionId the question
   * @param limit at most this many suggestions, 1 to 20
   * @return the suggestions, best first; empty when the question has no tags
   */
  public List<ExpertSuggestion> suggestExperts(Actor actor, TopicId questionId, int limit) {
    int checkedLimit = InputRules.pageSize("limit", limit, MAX_EXPERTS);
    return context.commands().run("question.experts", () -> {
      Member reader = context.reader(actor);
      Topic question = context.visibleQuestion(reader, questionId);
      if (question.tags().isEmpty()) {
        return List.of();
      }
      Space space = context.space(question.spaceId());
      List<ExpertiseRow> rows = context.store().reputation().experts(question.tags(), checkedLimit + 1 + 20);
      Map<MemberId, Member> members = context.members(rows.stream().map(ExpertiseRow::memberId).toList());
      Set<MemberId> readers = context.policy().readersAmong(space, List.copyOf(members.values())).stream()
          .map(Member::id).collect(Collectors.toSet());
      return rows.stream()
          .filter(row -> !row.memberId().equals(question.authorId()))
          .filter(row -> readers.contains(row.memberId()))
          .limit(checkedLimit)
          .map(row -> new ExpertSuggestion(CommunityContext.author(members, row.memberId(), false),
              row.acceptedAnswers(), row.upvotes()))
          .toList();
    });
  }

  /**
   * Unanswered, open questions an expert could take: those in the tags where the expert's answers were accepted or
   * voted up most, in spaces the expert can read, newest first. The expert's own questions are left out.
   *
   * @param actor the expert
   * @param limit at most this many questions, 1 to 100
   * @return the questions; empty for a member with no expertise yet
   */
  public List<TopicSummary> forExpert(Actor actor, int limit) {
    int checkedLimit = InputRules.pageSize("limit", limit, Topics.MAX_THREAD_PAGE);
    return context.commands().run("question.for-expert", () -> {
      Member expert = context.reader(actor);
      List<String> tags = expertiseTags(expert.id());
      AccessPolicy.ReadableSpaces readable = context.policy().readable(expert);
      Map<TopicId, Topic> found = new LinkedHashMap<>();
      for (Space space : context.store().spaces().list()) {
        if (space.kind() != SpaceKind.QUESTIONS || !readable.canRead(space)) {
          continue;
        }
        for (String tag : tags) {
          context.store().topics().list(new TopicQuery(space.id(), ListingOrder.LATEST, Set.of(TopicStatus.OPEN),
              Optional.of(tag), Optional.empty(), checkedLimit, QuestionState.UNANSWERED)).stream()
              .filter(topic -> !topic.authorId().equals(expert.id()))
              .forEach(topic -> found.putIfAbsent(topic.id(), topic));
        }
      }
      return found.values().stream()
          .sorted(Comparator.comparing(Topic::createdAt).reversed().thenComparing(t -> -t.id().value()))
          .limit(checkedLimit)
          .map(context::summary)
          .toList();
    });
  }

  private List<String> expertiseTags(MemberId expert) {
    Map<String, Integer> counts = new HashMap<>();
    Optional<Long> after = Optional.empty();
    int read = 0;
    while (read < EXPERTISE_ENTRIES) {
      List<ReputationEntry> entries = context.store().reputation().list(expert, after, 500);
      if (entries.isEmpty()) {
        break;
      }
      for (ReputationEntry entry : entries) {
        boolean expertise = entry.reason() == ReputationReason.ANSWER_ACCEPTED
            || entry.reason() == ReputationReason.POST_UPVOTED;
        if (expertise) {
          entry.tags().forEach(tag -> counts.merge(tag, entry.reversal() ? -1 : 1, Integer::sum));
        }
      }
      read += entries.size();
      after = Optional.of(entries.get(entries.size() - 1).id());
    }
    return counts.entrySet().stream()
        .filter(entry -> entry.getValue() > 0)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(EXPERTISE_TAGS)
        .map(Map.Entry::getKey)
        .toList();
  }

  private Topic decidableQuestion(Member member, TopicId questionId, String action) {
    Topic question = context.visibleQuestion(member, questionId);
    if (question.status() == TopicStatus.LOCKED || question.status() == TopicStatus.PENDING) {
      throw new ConflictException("topic.status",
          "question " + questionId + " is " + question.status() + "; cannot change its accepted answer");
    }
    if (!member.id().equals(question.authorId()) && !context.policy().isModerator(member)) {
      throw new PermissionDeniedException(action, "only the asker, moderators and admins may accept an answer");
    }
    return question;
  }

  /** The answerer earns the acceptance unless they asked the question or answered anonymously. */
  private static boolean answererEarns(Topic question, Post answer) {
    return !answer.anonymous() && !answer.authorId().equals(question.authorId());
  }

  private void grant(Topic question, Post answer, Member acceptor, CommunityEvent event, Instant at) {
    ReputationKeeper.Cause cause = cause(question, answer);
    long eventId = event.id().value();
    if (answererEarns(question, answer)) {
      context.reputation().apply(answer.authorId(), ReputationReason.ANSWER_ACCEPTED, cause,
          ReputationKeeper.sourceKey(eventId, ReputationReason.ANSWER_ACCEPTED, false), at);
      context.badges().accepted(answer.authorId(), question.tags(), at);
    }
    boolean askerAccepted = acceptor.id().equals(question.authorId());
    if (askerAccepted && !question.anonymous() && !answer.authorId().equals(question.authorId())) {
      context.reputation().apply(question.authorId(), ReputationReason.ACCEPTED_AN_ANSWER, cause,
          ReputationKeeper.sourceKey(eventId, ReputationReason.ACCEPTED_AN_ANSWER, false), at);
    }
  }

  private void withdraw(Topic question, Post answer, CommunityEvent event, Instant at) {
    ReputationKeeper.Cause cause = cause(question, answer);
    long eventId = event.id().value();
    if (answererEarns(question, answer)) {
      context.reputation().reverse(answer.authorId(), ReputationReason.ANSWER_ACCEPTED, cause,
          ReputationKeeper.sourceKey(eventId, ReputationReason.ANSWER_ACCEPTED, true), at);
    }
    long askerHeld = context.store().reputation()
        .net(question.authorId(), answer.id(), question.authorId(), ReputationReason.ACCEPTED_AN_ANSWER);
    if (askerHeld != 0) {
      context.reputation().reverse(question.authorId(), ReputationReason.ACCEPTED_AN_ANSWER, cause,
          ReputationKeeper.sourceKey(eventId, ReputationReason.ACCEPTED_AN_ANSWER, true), at);
    }
  }

  private static ReputationKeeper.Cause cause(Topic question, Post answer) {
    // The asker is the cause of both entries whoever clicks, so that reversals always find what they take back.
    return new ReputationKeeper.Cause(question.authorId(), question.spaceId(), question.id(), answer.id(),
        question.tags());
  }


  private PostView view(Post post, Map<MemberId, Member> authors,
      Map<PostId, dev.communitysdk.spi.model.VoteDirection> mine) {
    return PostView.of(context.mentions().current(post),
        CommunityContext.author(authors, post.authorId(), post.anonymous()),
        Optional.ofNullable(mine.get(post.id())));
  }

  private static Post last(List<Post> posts) {
    return posts.get(posts.size() - 1);
  }
}
