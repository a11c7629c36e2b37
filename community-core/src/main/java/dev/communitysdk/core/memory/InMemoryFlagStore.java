package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.model.Flag;
import dev.communitysdk.spi.model.FlagId;
import dev.communitysdk.spi.model.FlagOutcome;
import dev.communitysdk.spi.model.FlagReason;
import dev.communitysdk.spi.model.FlagSummary;
import dev.communitysdk.spi.model.FlaggerRecord;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewFlag;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.storage.FlagStore;
import dev.communitysdk.spi.storage.PageLimit;

/**
 * Flags by id, and the posts removed as spam. Open weights and accuracy are summed from the flags: the serialized
 * transactions make a counter unnecessary here.
 */
final class InMemoryFlagStore implements FlagStore {
  private static final int MAX_FLAGGER_PAGE = 1000;

  private final InMemoryTransactor transactor;
  private final InMemoryPostStore posts;
  private final InMemoryMemberStore members;
  private final AtomicLong ids = new AtomicLong();
  private final Table<Long, Flag> flags;
  private final Table<Long, Instant> spam;

  InMemoryFlagStore(InMemoryTransactor transactor, InMemoryPostStore posts, InMemoryMemberStore members) {
    this.transactor = transactor;
    this.posts = posts;
    this.members = members;
    this.flags = new Table<>(transactor);
    this.spam = new Table<>(transactor);
  }

  @Override
  public Flag insert(NewFlag flag) {
    requireNonNull(flag, "flag");
    return transactor.inTransaction(() -> {
      References.require(posts.exists(flag.postId()), "flag", "post", flag.postId());
      References.require(members.exists(flag.flaggerId()), "flag", "member", flag.flaggerId());
      if (find(flag.postId(), flag.flaggerId()).isPresent()) {
        throw new DuplicateKeyException("cm_flag(post_id, flagger_id)");
      }
      Flag stored = new Flag(new FlagId(ids.incrementAndGet()), flag.postId(), flag.flaggerId(), flag.reason(),
          flag.note(), flag.weight(), FlagOutcome.OPEN, flag.createdAt(), Optional.empty(), Optional.empty());
      flags.put(stored.id().value(), stored);
      return stored;
    });
  }

  @Override
  public Optional<Flag> find(PostId postId, MemberId flaggerId) {
    requireNonNull(postId, "postId");
    requireNonNull(flaggerId, "flaggerId");
    return transactor.inTransaction(() -> flags.rows().stream()
        .filter(f -> f.postId().equals(postId) && f.flaggerId().equals(flaggerId))
        .findFirst());
  }

  @Override
  public long openWeight(PostId postId) {
    requireNonNull(postId, "postId");
    return transactor.inTransaction(() -> open(postId).mapToLong(Flag::weight).sum());
  }

  @Override
  public int resolve(PostId postId, FlagOutcome outcome, MemberId decidedBy, Instant at) {
    requireNonNull(postId, "postId");
    requireNonNull(decidedBy, "decidedBy");
    requireNonNull(at, "at");
    if (requireNonNull(outcome, "outcome") == FlagOutcome.OPEN) {
      throw new IllegalArgumentException("outcome must be AGREED or DISAGREED");
    }
    return transactor.inTransaction(() -> {
      List<Flag> decided = open(postId).toList();
      decided.forEach(f -> flags.put(f.id().value(), new Flag(f.id(), f.postId(), f.flaggerId(), f.reason(),
          f.note(), f.weight(), outcome, f.createdAt(), Optional.of(decidedBy), Optional.of(at))));
      return decided.size();
    });
  }

  @Override
  public List<Flag> listByPost(PostId postId) {
    requireNonNull(postId, "postId");
    return transactor.inTransaction(() -> flags.rows().stream().filter(f -> f.postId().equals(postId)).toList());
  }

  @Override
  public List<Flag> listByFlagger(MemberId flaggerId, Optional<FlagId> after, int limit) {
    requireNonNull(flaggerId, "flaggerId");
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_FLAGGER_PAGE);
    long from = after.map(FlagId::value).orElse(0L);
    return transactor.inTransaction(() -> flags.rows().stream()
        .filter(f -> f.flaggerId().equals(flaggerId) && f.id().value() > from)
        .sorted(Comparator.comparingLong(f -> f.id().value()))
        .limit(limit)
        .toList());
  }

  @Override
  public List<FlagSummary> openSummaries(Collection<PostId> postIds) {
    requireNonNull(postIds, "postIds");
    return transactor.inTransaction(() -> postIds.stream().distinct()
        .map(postId -> open(postId).toList())
        .filter(open -> !open.isEmpty())
        .map(open -> {
          Set<FlagReason> reasons = EnumSet.noneOf(FlagReason.class);
          open.forEach(f -> reasons.add(f.reason()));
          return new FlagSummary(open.get(0).postId(), open.size(), open.stream().mapToLong(Flag::weight).sum(),
              reasons);
        })
        .toList());
  }

  @Override
  public FlaggerRecord record(MemberId flaggerId) {
    requireNonNull(flaggerId, "flaggerId");
    return transactor.inTransaction(() -> {
      List<Flag> own = flags.rows().stream().filter(f -> f.flaggerId().equals(flaggerId)).toList();
      return new FlaggerRecord(own.stream().filter(f -> f.outcome() == FlagOutcome.AGREED).count(),
          own.stream().filter(f -> f.outcome() == FlagOutcome.DISAGREED).count());
    });
  }

  @Override
  public boolean markSpam(PostId postId, Instant at) {
    requireNonNull(postId, "postId");
    requireNonNull(at, "at");
    return transactor.inTransaction(() -> {
      References.require(posts.exists(postId), "spam mark", "post", postId);
      if (spam.contains(postId.value())) {
        return false;
      }
      spam.put(postId.value(), at);
      return true;
    });
  }

  private Stream<Flag> open(PostId postId) {
    return flags.rows().stream().filter(f -> f.postId().equals(postId) && f.outcome() == FlagOutcome.OPEN);
  }
}
