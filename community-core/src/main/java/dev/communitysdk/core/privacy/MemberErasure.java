package dev.communitysdk.core.privacy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.event.MemberEvent;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.member.AuthorRef;
import dev.communitysdk.spi.error.CommunityException;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.AuditEntry;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Review;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.storage.AuditLog;

/**
 * Erases a member in one transaction: the profile's personal data, the host user id (replaced by a salted hash), the
 * personal data in events not yet delivered and in audit details, the link to their CRM contact, their subscriptions
 * and kept notifications, and, as the host chooses, their content. The caller
 * evicts the caches after commit. Created by {@link dev.communitysdk.core.member.Members}; not for direct use.
 * Thread-safe.
 */
public final class MemberErasure {
  /** What replaces personal data in event payloads and audit details. */
  public static final String ERASED_TEXT = "[erased]";
  /** The title left on a topic whose opening post was erased with its author. */
  public static final String ERASED_TITLE = "[deleted]";

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Set<String> MEMBER_FIELDS = Set.of("memberId", "authorId", "voterId", "byMemberId");
  private static final int PAGE = 200;
  private static final Set<PostStatus> ALL_STATUSES = EnumSet.allOf(PostStatus.class);

  private final CommunityContext context;
  private final Pseudonyms pseudonyms;

  /**
   * @param context the community's wiring
   * @param pseudonyms the salted hash that replaces host user ids
   */
  public MemberErasure(CommunityContext context, Pseudonyms pseudonyms) {
    this.context = requireNonNull(context, "context");
    this.pseudonyms = requireNonNull(pseudonyms, "pseudonyms");
  }

  /**
   * What an erasure took away that caches may still hold.
   *
   * @param userId the host user id the member was bound to
   * @param customerAccountId the customer account the member belonged to, if any
   */
  public record Erased(String userId, Optional<String> customerAccountId) {
    /** Checks the fields. */
    public Erased {
      requireNonNull(userId, "userId");
      requireNonNull(customerAccountId, "customerAccountId");
    }
  }

  /**
   * @param actor an admin
   * @param memberId the member to erase
   * @param mode what happens to their content
   * @return what the caches must forget
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor is not an admin
   * @throws NotFoundException if the member does not exist
   * @throws ConflictException if the member is already erased (rule {@code member.status})
   */
  public Erased erase(Actor actor, MemberId memberId, ErasureMode mode) {
    requireNonNull(memberId, "memberId");
    requireNonNull(mode, "mode");
    return context.commands().run("member.erase", () -> {
      Member admin = context.acting(actor, "member.erase");
      context.policy().requireAdmin(admin, "member.erase");
      Member member = context.store().members().find(memberId)
          .orElseThrow(() -> new NotFoundException("member", memberId));
      if (member.status() == MemberStatus.ERASED) {
        throw new ConflictException("member.status", "member " + memberId + " is already erased");
      }
      Instant now = context.commands().now();
      List<String> personal = personalData(member);
      String pseudonym = pseudonyms.of(member.externalId());
      // The member id keeps the key unique when the same host user comes back and is erased again.
      context.store().members().rebind(memberId, pseudonym + ":" + memberId.value(), erasedHandle(pseudonym, memberId));
      context.store().members().updateProfile(memberId, new MemberProfile(AuthorRef.FORMER_MEMBER_NAME,
          Optional.empty(), Set.of(Role.MEMBER), Optional.empty(), Optional.empty()));
      context.store().members().updateStatus(memberId, MemberStatus.ERASED);
      // The CRM route sends nothing for an erased member, and finds no contact to send it to.
      context.store().crmLinks().delete(memberId);
      // What they followed and the notifications kept for them say what they read; nothing is sent to them again.
      context.store().subscriptions().deleteByMember(memberId);
      context.store().digests().deleteByMember(memberId);
      if (mode == ErasureMode.DELETE_CONTENT) {
        deleteContent(memberId, now);
      }
      scrubOutbox(memberId, personal);
      redactAudit(memberId, personal);
      context.audit().record(admin, "member.erase", memberId, "mode=" + mode.name() + "; user=" + pseudonym);
      context.events().append(new MemberEvent.Erased(memberId.value(), mode.name()), now);
      return new Erased(member.externalId(), member.profile().customerAccountId());
    });
  }

  /**
   * The handle an erased member keeps: its name-derived handle is personal data. Part of the pseudonym and the member id
   * (base 36) keep it unique, and at 28 characters and more with two underscores it cannot collide with a handle
   * derived from a display name in practice.
   */
  private static String erasedHandle(String pseudonym, MemberId memberId) {
    String hex = pseudonym.substring(pseudonym.indexOf(':') + 1);
    return "erased_" + hex.substring(0, 20) + "_" + Long.toString(memberId.value(), 36);
  }

  private static List<String> personalData(Member member) {
    return Stream.of(Optional.of(member.externalId()), Optional.of(member.displayName()), member.profile().email(),
            // A handle alone may be a common word; as a mention it is the member.
            Optional.of("@" + member.handle()))
        .flatMap(Optional::stream)
        .filter(text -> !text.isBlank())
        .distinct()
        // Longest first, so that an e-mail address goes whole before the user id it may contain.
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  private void deleteContent(MemberId memberId, Instant at) {
    Pages.forEach(PAGE,
        after -> context.store().posts().listByStatus(ALL_STATUSES, Optional.of(memberId), after, PAGE), Post::id,
        post -> deletePost(post, at));
  }

  private void deletePost(Post post, Instant at) {
    Topic topic = context.topic(post.topicId());
    if (post.opening()) {
      Optional<Review> review = context.store().reviews().find(topic.id());
      if (review.isPresent()) {
        context.removeReview(topic, review.get(), at);
      } else {
        if (post.status() == PostStatus.PUBLISHED) {
          context.countSentiment(topic, post, -1);
        }
        context.store().posts().updateStatus(post.id(), PostStatus.DELETED, at);
        context.store().topics().updateTitleAndTags(topic.id(), topic.version(), ERASED_TITLE, topic.tags(), at);
      }
    } else if (post.status() != PostStatus.DELETED) {
      if (topic.acceptedAnswerId().filter(post.id()::equals).isPresent()) {
        context.store().topics().updateAcceptedAnswer(topic.id(), Optional.empty());
      }
      context.store().posts().updateStatus(post.id(), PostStatus.DELETED, at);
      context.uncountReply(topic, post, at);
    }
    Post current = context.post(post.id());
    context.store().posts().updateContent(post.id(), current.version(),
        new PostContent("", "", current.content().renderVersion(), Optional.empty()), at);
    context.store().revisions().blank(post.id());
  }

  private void scrubOutbox(MemberId memberId, List<String> personal) {
    Pages.forEach(PAGE, after -> context.store().outbox().listUndeliveredByMember(memberId, after, PAGE),
        CommunityEvent::id, event -> {
          String scrubbed = scrub(event.payload(), memberId, personal);
          if (!scrubbed.equals(event.payload())) {
            context.store().outbox().replaceUndeliveredPayload(event.id(), scrubbed);
          }
        });
  }

  /** Nulls the fields that name the member by id, and blots out their personal data in every text. */
  private static String scrub(String payload, MemberId memberId, List<String> personal) {
    try {
      JsonNode tree = JSON.readTree(payload);
      scrubNode(tree, memberId, personal);
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new CommunityException("cannot scrub an outbox payload that is not JSON", e);
    }
  }

  private static void scrubNode(JsonNode node, MemberId memberId, List<String> personal) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
        JsonNode value = field.getValue();
        if (MEMBER_FIELDS.contains(field.getKey()) && value.isIntegralNumber()
            && value.longValue() == memberId.value()) {
          object.putNull(field.getKey());
        } else if (value.isTextual()) {
          object.set(field.getKey(), TextNode.valueOf(redact(value.textValue(), personal)));
        } else {
          scrubNode(value, memberId, personal);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode element = array.get(i);
        if (element.isTextual()) {
          array.set(i, TextNode.valueOf(redact(element.textValue(), personal)));
        } else {
          scrubNode(element, memberId, personal);
        }
      }
    }
  }

  /** Takes the member's personal data out of the details of the audit entries about them and by them. */
  private void redactAudit(MemberId memberId, List<String> personal) {
    AuditLog log = context.store().audit();
    Consumer<AuditEntry> redactDetail = entry -> {
      String redacted = redact(entry.detail(), personal);
      if (!redacted.equals(entry.detail())) {
        log.redact(entry.id(), redacted);
      }
    };
    Pages.forEach(PAGE, before -> log.listBySubject(memberId, before, PAGE), AuditEntry::id, redactDetail);
    Pages.forEach(PAGE, before -> log.listByActor(memberId, before, PAGE), AuditEntry::id, redactDetail);
  }

  private static String redact(String text, List<String> personal) {
    String result = text;
    for (String data : personal) {
      result = result.replace(data, ERASED_TEXT);
    }
    return result;
  }
}
