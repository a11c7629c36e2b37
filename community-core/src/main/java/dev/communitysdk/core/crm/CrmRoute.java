package dev.communitysdk.core.crm;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.communitysdk.core.event.AccountHealthReported;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.ContactLinker;
import dev.communitysdk.core.internal.EventPayloads;
import dev.communitysdk.spi.crm.CrmConnector;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.CommunityEventListener;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.SentimentScopeKind;

/**
 * The relay's route to the host's CRM, registered ahead of the host's listeners. It links a member to a CRM contact
 * when they join ({@code member.joined}) and again when their customer account changes
 * ({@code member.profile-changed}); records named, published content on the author's contact ({@code post.created}
 * when published at once, {@code post.moderated} when approved, {@code answer.accepted}); and pushes account health
 * ({@code sentiment.spike} of an account, {@code account.health-reported}). Every other event passes by.
 *
 * <p>Every CRM write carries a key derived from the event (from the post for a post's publication, which may happen
 * more than once), so a redelivery changes nothing; a CRM failure propagates, and the relay retries the event later.
 * Events that no longer name a member (erased since) are skipped. Created by {@code Community}; not API.
 */
public final class CrmRoute implements CommunityEventListener {
  private final ContactLinker links;
  private final ActivityRecorder activities;
  private final HealthReporter health;

  /**
   * @param context the community's wiring
   * @param crm the host's CRM
   * @param links links members to the CRM's contacts
   * @param spikeDays the length of the spike rules' recent window
   */
  public CrmRoute(CommunityContext context, CrmConnector crm, ContactLinker links, int spikeDays) {
    requireNonNull(context, "context");
    requireNonNull(crm, "crm");
    this.links = requireNonNull(links, "links");
    this.activities = new ActivityRecorder(context, crm, links);
    this.health = new HealthReporter(context, crm, spikeDays);
  }

  @Override
  public void onEvent(CommunityEvent event) {
    switch (event.type()) {
      case "member.joined" -> memberId(event).ifPresent(links::ensureLinked);
      case "member.profile-changed" -> memberId(event).ifPresent(links::relinkIfMoved);
      case "post.created" -> {
        JsonNode payload = EventPayloads.tree(event);
        if (PostStatus.PUBLISHED.name().equals(payload.path("status").asText())
            && payload.path("authorId").isIntegralNumber()) {
          activities.published(new PostId(payload.path("postId").longValue()));
        }
      }
      case "post.moderated" -> {
        JsonNode payload = EventPayloads.tree(event);
        if (PostStatus.PUBLISHED.name().equals(payload.path("status").asText())) {
          activities.published(new PostId(payload.path("postId").longValue()));
        }
      }
      case "answer.accepted" -> activities.accepted(new PostId(EventPayloads.tree(event).path("answerId").longValue()),
          event.idempotencyKey(), event.occurredAt());
      case "sentiment.spike" -> {
        JsonNode payload = EventPayloads.tree(event);
        if (SentimentScopeKind.ACCOUNT.name().equals(payload.path("scopeKind").asText())) {
          health.spiked(new HealthReporter.Spike(payload.path("scopeKey").asText(),
              LocalDate.parse(payload.path("windowEnd").asText()), payload.path("recentPosts").longValue(),
              payload.path("recentNegative").longValue(), payload.path("baselinePosts").longValue(),
              payload.path("baselineNegative").longValue(), payload.path("z").doubleValue()),
              event.idempotencyKey(), event.occurredAt());
        }
      }
      case "account.health-reported" -> health.reported(EventPayloads.read(event, AccountHealthReported.class),
          event.idempotencyKey(), event.occurredAt());
      default -> {
        // Not the CRM's business.
      }
    }
  }

  /** @return the member the event is about, unless erasure scrubbed them from it */
  private static Optional<MemberId> memberId(CommunityEvent event) {
    JsonNode id = EventPayloads.tree(event).path("memberId");
    return id.isIntegralNumber() ? Optional.of(new MemberId(id.longValue())) : Optional.empty();
  }
}
