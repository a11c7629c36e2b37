package dev.communitysdk.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.h2.jdbcx.JdbcDataSource;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.Page;
import dev.communitysdk.core.escalation.DeflectionReport;
import dev.communitysdk.core.idea.IdeaDemand;
import dev.communitysdk.core.idea.IdeaView;
import dev.communitysdk.core.idea.OfficialResponse;
import dev.communitysdk.core.insight.Granularity;
import dev.communitysdk.core.member.AuthorRef;
import dev.communitysdk.core.moderation.FlagResult;
import dev.communitysdk.core.moderation.QueueItem;
import dev.communitysdk.core.moderation.SpamRemoval;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.privacy.ErasureMode;
import dev.communitysdk.core.reputation.LeaderboardEntry;
import dev.communitysdk.core.reputation.Window;
import dev.communitysdk.core.review.ProductRating;
import dev.communitysdk.core.review.ReviewDraft;
import dev.communitysdk.core.review.ReviewListing;
import dev.communitysdk.core.review.ReviewView;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.ListingRequest;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.jdbc.JooqCommunityStore;
import dev.communitysdk.spi.error.CommunityException;
import dev.communitysdk.spi.model.AuditEntry;
import dev.communitysdk.spi.model.Escalation;
import dev.communitysdk.spi.model.FlagReason;
import dev.communitysdk.spi.model.IdeaStatus;
import dev.communitysdk.spi.model.LeaderboardScope;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.SentimentBucket;
import dev.communitysdk.spi.model.SentimentScope;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.tck.fixtures.MutableClock;

/**
 * The quickstart: a customer community on an embedded, in-memory H2 database, wired as a host would wire it, with a
 * transcript of what happened. Run it with {@code ./mvnw -q -Pquickstart -pl examples -am package -DskipTests}.
 */
public final class Quickstart {
  private final PrintStream out;

  private Quickstart(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the quickstart and prints its transcript.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new Quickstart(System.out).run();
  }

  private void run() {
    // 1. The host's database. Any DataSource works; the SDK borrows it and never closes it.
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:quickstart;DB_CLOSE_DELAY=-1");
    JooqCommunityStore store = JooqCommunityStore.create(dataSource);
    store.migrate();
    say("Created the community schema in an in-memory %s database", store.database());

    // 2. The host's users: the SDK asks the host who a user id is, and trusts the host's login.
    HostDirectory directory = new HostDirectory()
        .add("u-admin", "Dana (community manager)", "acme-corp", Role.ADMIN, Role.EMPLOYEE)
        .add("u-alice", "Alice", "globex")
        .add("u-bob", "Bob", "initech", Role.EXPERT)
        .add("u-carol", "Carol", "umbrella")
        .add("u-erin", "Erin", "hooli");

    // 3. The host's CRM: customer tiers, weights and the products each account owns.
    HostCrm crm = new HostCrm()
        .account("globex", "gold", 50, "x200")
        .account("initech", "silver", 10)
        .account("umbrella", "bronze", 2, "m10");

    // 4. The community's clock. A host passes Clock.systemUTC() (the default); the quickstart's clock can skip a day.
    MutableClock clock = MutableClock.at(Instant.now());
    Instant start = clock.instant();

    try (Community community = Community.builder().store(store).identity(directory).crm(crm).clock(clock).build()) {
      Actor dana = community.actor("u-admin");
      Actor alice = community.actor("u-alice");
      Actor bob = community.actor("u-bob");
      Actor carol = community.actor("u-carol");
      say("Members joined on first sight: Dana, Alice, Bob, Carol");

      Space support = community.spaces().create(dana,
          SpaceDraft.of("support", "Product support", SpaceKind.QUESTIONS).withDescription("Ask and answer")
              .withEscalationSla(Duration.ofHours(24)));
      Space lounge = community.spaces().create(dana, SpaceDraft.of("lounge", "Customer lounge", SpaceKind.DISCUSSION));
      say("Dana created the spaces '%s' (%s, unanswered questions go to the CRM after %d h) and '%s' (%s)",
          support.name(), support.kind(), community.escalations().sla(dana, support.id()).orElseThrow().toHours(),
          lounge.name(), lounge.kind());

      ThreadView wifi = community.questions().ask(alice, support.id(), TopicDraft.of(
          "Router drops Wi-Fi every hour",
          "Since the last update my **X200** router drops Wi-Fi every hour. Anyone else?", "wifi", "x200"));
      say("Alice asked \"%s\" tagged %s", wifi.topic().title(), wifi.topic().tags());
      say("  rendered safely as: %s", oneLine(wifi.openingPost().orElseThrow().html()));

      PostView answer = community.posts().reply(bob, wifi.topic().id(),
          "Update the firmware to 2.1, then disable *band steering*. See <https://example.com/x200-firmware>.");
      say("Bob answered: %s", oneLine(answer.html()));
      PostView thanks = community.posts().reply(carol, wifi.topic().id(), "Same here, thanks Bob! This fixed it.");
      say("Carol replied (sentiment %.2f, %s)", thanks.sentiment().orElseThrow().score(),
          thanks.sentiment().orElseThrow().label());

      refused("Carol tried to vote Bob's answer up", () -> community.votes().up(carol, answer.id()));
      community.questions().accept(alice, wifi.topic().id(), answer.id());
      say("Alice accepted Bob's answer: the question is solved; Bob now has %d reputation, Alice %d",
          reputation(community, dana, bob), reputation(community, dana, alice));
      community.votes().up(bob, wifi.openingPost().orElseThrow().id());
      community.votes().up(dana, answer.id());
      say("Bob (now allowed to vote) voted Alice's question up; Dana (staff) voted Bob's answer up");
      say("  Bob: %d reputation, level %s, badges %s", reputation(community, dana, bob),
          community.reputation().standing(dana, bob.memberId()).level(),
          community.reputation().standing(dana, bob.memberId()).badges().stream()
              .map(b -> b.subject().isEmpty() ? b.badge() : b.badge() + " (" + b.subject() + ")").toList());
      refused("Bob tried to vote on his own answer", () -> community.votes().up(bob, answer.id()));
      refused("Carol tried a one-word title", () -> community.topics().start(carol, support.id(),
          TopicDraft.of("Help", "?")));

      community.topics().start(bob, lounge.id(), TopicDraft.of("Show us your home office setup", "Mine: a desk."));
      community.questions().ask(carol, support.id(), TopicDraft.of("How do I export my invoices?", "From the portal?",
          "billing"));
      ThreadView slow = community.questions().ask(carol, support.id(), TopicDraft.of("Wi-Fi is slow on the 5 GHz band",
          "Only 20 Mbit/s next to the router.", "wifi"));
      say("Carol asked two more questions; Bob started a lounge topic");

      Page<TopicSummary> hot = community.topics().list(dana, ListingRequest.of(support.id(), ListingOrder.HOT));
      say("Hot questions in '%s':", support.name());
      for (TopicSummary topic : hot.items()) {
        say("  %-40s score %d, %d replies, %s, by %s", topic.title(), topic.score(), topic.replyCount(),
            topic.solved() ? "solved" : "open", topic.author().displayName());
      }
      say("Unanswered: %s", community.topics()
          .list(dana, ListingRequest.of(support.id(), ListingOrder.LATEST).unanswered()).items().stream()
          .map(TopicSummary::title).toList());
      say("Experts suggested for \"%s\": %s", slow.topic().title(),
          community.questions().suggestExperts(dana, slow.topic().id(), 3).stream()
              .map(s -> s.member().displayName() + " (" + s.acceptedAnswers() + " accepted, " + s.upvotes()
                  + " up votes)")
              .toList());
      say("Leaderboard of '%s', last 30 days:", support.name());
      for (LeaderboardEntry line : community.reputation()
          .leaderboard(dana, LeaderboardScope.space(support.id()), Window.DAYS_30, 5)) {
        say("  %d. %-10s +%d", line.rank(), line.member().displayName(), line.gained());
      }

      SentimentBucket today = community.insights().sentiment(dana, SentimentScope.space(support.id()),
          LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC), Granularity.DAY).get(0);
      say("Sentiment in '%s' today: %d posts, mean %.2f, %.0f%% negative; customer account globex: %d post(s)",
          support.name(), today.posts(), today.mean(), 100 * today.negativeShare(),
          community.insights().trend(dana, SentimentScope.account("globex"), 7).recent().posts());

      ThreadView page = community.topics().thread(bob, wifi.topic().id(), Optional.empty(), 20);
      say("Bob reads the thread: %d posts; he voted on the posts of: %s", page.posts().size(),
          page.posts().stream().filter(post -> post.myVote().isPresent()).map(post -> post.author().displayName())
              .toList());

      ideas(community, dana, alice, bob, carol);
      reviews(community, dana, alice, bob, carol);
      safety(community, dana, alice, bob, community.actor("u-erin"));
      escalation(community, clock, start, dana, carol, support, slow.topic().id());
    }
    say("Done.");
  }

  /** An idea from proposal to shipped: votes, a merged duplicate, the roadmap, and demand weighted by the CRM. */
  private void ideas(Community community, Actor dana, Actor alice, Actor bob, Actor carol) {
    Space ideas = community.spaces().create(dana,
        SpaceDraft.of("ideas", "Product ideas", SpaceKind.IDEAS).withIdeaVoteBudget(3));
    TopicId guest = community.ideas().propose(alice, ideas.id(), TopicDraft.of("Scheduled guest Wi-Fi",
        "Let me open guest Wi-Fi from 9 to 5 only.")).idea().topic().id();
    TopicId timer = community.ideas().propose(carol, ideas.id(), TopicDraft.of("Guest network on a timer",
        "Turn the guest network off at night.")).idea().topic().id();
    community.ideas().votes().up(bob, guest);
    community.ideas().votes().up(carol, guest);
    community.ideas().votes().up(bob, timer);
    say("Alice and Carol proposed ideas in '%s' (budget: %d open votes per member); Bob has %d votes left",
        ideas.name(), 3, community.ideas().votes().votesLeft(bob, ideas.id()).orElseThrow());
    IdeaView merged = community.ideas().markDuplicate(dana, timer, guest, "Same request as *Scheduled guest Wi-Fi*.");
    say("Dana merged Carol's idea into Alice's: %d votes (Bob counted once), backed by %s", merged.idea().votes(),
        merged.backing().stream().map(b -> b.accountId() + " x" + b.voters()).toList());
    community.ideas().changeStatus(dana, guest, IdeaStatus.UNDER_REVIEW, "Looking into it.");
    community.ideas().changeStatus(dana, guest, IdeaStatus.PLANNED, "Planned for firmware 2.3.");
    community.ideas().changeStatus(dana, guest, IdeaStatus.IN_PROGRESS, "Being built.");
    community.ideas().changeStatus(dana, guest, IdeaStatus.SHIPPED, "Shipped in firmware **2.3**!");
    say("The roadmap of \"%s\":", community.ideas().find(alice, guest).idea().topic().title());
    for (OfficialResponse step : community.ideas().history(alice, guest)) {
      say("  %-12s -> %-12s %s", step.from(), step.to(), oneLine(step.html()));
    }
    refused("Bob tried to vote on the shipped idea", () -> community.ideas().votes().up(bob, guest));
    TopicId mesh = community.ideas().propose(bob, ideas.id(), TopicDraft.of("Mesh support for the X200",
        "Pair two routers.")).idea().topic().id();
    community.ideas().votes().up(alice, mesh);
    community.ideas().votes().up(carol, mesh);
    say("Weighted demand for open ideas (CRM weights):");
    for (IdeaDemand demand : community.ideas().demand(dana, ideas.id(), 5)) {
      say("  %-30s demand %.0f from %s", demand.idea().topic().title(), demand.weightedDemand(),
          demand.accounts().stream().map(a -> a.accountId() + " (" + a.tier().orElse("?") + ")").toList());
    }
  }

  /** Reviews of a product: stars, verified owners, helpfulness, an official reply, and the Bayesian rating. */
  private void reviews(Community community, Actor dana, Actor alice, Actor bob, Actor carol) {
    Space reviews = community.spaces().create(dana, SpaceDraft.of("reviews", "Product reviews", SpaceKind.REVIEWS));
    ReviewView byAlice = community.reviews().write(alice, reviews.id(), ReviewDraft.of("x200", 5,
        "Fast and stable since 2.1", "Rock solid after the firmware update."));
    ReviewView byBob = community.reviews().write(bob, reviews.id(), ReviewDraft.of("x200", 3,
        "Good range, weak app", "The app keeps logging me out."));
    refused("Carol tried a fourth topic (a review) on her first day", () -> community.reviews().write(carol,
        reviews.id(), ReviewDraft.of("m10", 2, "Modem overheats in summer", "Needs a fan.")));
    community.reviews().write(bob, reviews.id(), ReviewDraft.of("m10", 2, "Modem overheats in summer",
        "Needs a fan."));
    community.reviews().write(alice, reviews.id(), ReviewDraft.of("m10", 4, "Modem is fine for me",
        "No problems."));
    say("Reviews of the X200: Alice %d stars (verified owner: %s), Bob %d stars (verified owner: %s)",
        byAlice.stars(), byAlice.verifiedOwner(), byBob.stars(), byBob.verifiedOwner());
    community.reviews().helpful(carol, byBob.topic().id());
    community.reviews().reply(dana, byBob.topic().id(), "Thanks Bob, app 3.0 keeps you signed in.");
    refused("Alice tried to review the X200 a second time", () -> community.reviews().write(alice, reviews.id(),
        ReviewDraft.of("x200", 1, "Changed my mind about it", "Meh.")));
    refused("Carol tried a six-star review", () -> community.reviews().write(carol, reviews.id(),
        ReviewDraft.of("x200", 6, "Best router in the world", "Wow.")));
    ReviewView top = community.reviews().list(carol, ReviewListing.mostHelpful(reviews.id(), "x200")).items().get(0);
    say("Most helpful X200 review: \"%s\" by %s, official reply: %s", top.topic().title(),
        top.topic().author().displayName(), oneLine(top.officialReply().orElseThrow().html()));
    ProductRating rating = community.reviews().rating(carol, reviews.id(), "x200");
    say("X200 rating: %d reviews, mean %.2f, stars 1-5 %s, Bayesian average %.2f (space mean %.2f, m = %d)",
        rating.count(), rating.mean(), rating.distribution(), rating.bayesianAverage(), rating.spaceMean(),
        ProductRating.PRIOR_WEIGHT);
  }

  /**
   * Trust and safety: hostile Markdown rendered harmless, a spammer flagged into the moderation queue, removed and
   * silenced, an anonymous post revealed under audit, a member's data export and an erasure.
   */
  private void safety(Community community, Actor dana, Actor alice, Actor bob, Actor erin) {
    Space afterHours = community.spaces().create(dana,
        SpaceDraft.of("after-hours", "After hours", SpaceKind.DISCUSSION).withAnonymousPosting(true));
    TopicId chat = community.topics().start(bob, afterHours.id(),
        TopicDraft.of("Share your home network setup", "Mine: one X200 and two M10 modems.")).topic().id();
    PostView spam = community.posts().reply(erin, chat,
        "[Win a prize](javascript:alert(1)) at <https://spam.example/deal>\n\n<script>alert('pwned')</script>");
    say("Erin's hostile reply is stored as safe HTML: %s", oneLine(spam.html()));
    FlagResult byBob = community.moderation().flags().flag(bob, spam.id(), FlagReason.SPAM, Optional.empty());
    FlagResult byDana = community.moderation().flags().flag(dana, spam.id(), FlagReason.SPAM, Optional.empty());
    say("Bob flagged it (weight %d, hidden: %s); Dana the moderator flagged it too (open weight %d, hidden: %s)",
        byBob.flag().weight(), byBob.hidden(), byDana.openWeight(), byDana.hidden());
    QueueItem queued = community.moderation().queue().page(dana, Optional.empty(), 10).items().get(0);
    say("Moderation queue: %s's post in '%s', %d flags %s", queued.post().author().displayName(),
        queued.space().name(), queued.flags().count(), queued.flags().reasons());
    SpamRemoval removal = community.moderation().removeAsSpam(dana, spam.id());
    community.moderation().sanctions().silence(dana, erin.memberId(), Duration.ofDays(1), "Spam links");
    say("Dana removed it as spam (Erin's reputation %+d: a newcomer is already at the floor of 1) and silenced her "
        + "for a day", removal.reputationDelta());
    refused("Erin tried to reply again", () -> community.posts().reply(erin, chat, "Still here!"));

    PostId secret = community.posts().replyAnonymously(alice, chat, "My ISP throttles me; I'd rather not say which.")
        .id();
    say("An anonymous reply shows as '%s' to Bob", community.posts().find(bob, secret).orElseThrow().author()
        .displayName());
    AuthorRef revealed = community.moderation().revealAuthor(dana, secret, "Legal request #12");
    say("Dana revealed its author, %s; the audit log about Alice now reads %s", revealed.displayName(),
        community.audit().about(dana, alice.memberId(), Optional.empty(), 5).stream().map(AuditEntry::action)
            .toList());
    say("Alice exported her data: %,d characters of JSON", community.members().export(alice, alice.memberId())
        .length());
    community.members().erase(dana, erin.memberId(), ErasureMode.KEEP_CONTENT);
    say("Dana erased Erin on request: she now shows as '%s'",
        community.members().profile(erin.memberId()).orElseThrow().displayName());
  }

  /**
   * A day later: the unanswered questions become CRM support cases, and a case's resolution comes back as the accepted
   * answer; then the deflection report.
   */
  private void escalation(Community community, MutableClock clock, Instant start, Actor dana, Actor carol,
      Space support, TopicId slow) {
    clock.advance(Duration.ofHours(25));
    int escalated = community.escalations().escalateOverdue();
    community.relay().drainOnce();
    String caseId = community.escalations().of(carol, slow).flatMap(Escalation::caseId).orElseThrow();
    say("A day later the sweep escalated %d unanswered question(s); the relay opened CRM case %s for Carol's "
        + "5 GHz question", escalated, caseId);
    Escalation resolved = community.escalations().resolve(dana, slow,
        "Support case " + caseId + ": switch the 5 GHz channel width to **80 MHz** in the router's admin page.", true);
    say("Dana posted the case's resolution back and accepted it: escalation %s, question solved: %s",
        resolved.state(), community.questions().answers(carol, slow, Optional.empty(), 1).question().solved());
    DeflectionReport report = community.escalations().deflection(dana, support.id(), start, clock.instant());
    say("Deflection in '%s': %d asked, %d solved by the community alone, %d escalated (%d resolved): %.0f%% deflected",
        support.name(), report.counts().asked(), report.counts().deflected(), report.counts().escalated(),
        report.counts().escalatedResolved(), 100 * report.deflectionRate());
  }

  private void refused(String what, Runnable attempt) {
    try {
      attempt.run();
      say("%s, and it worked", what);
    } catch (CommunityException refused) {
      say("%s and was refused: %s", what, refused.getMessage());
    }
  }

  private static long reputation(Community community, Actor reader, Actor member) {
    return community.reputation().standing(reader, member.memberId()).reputation();
  }

  private void say(String format, Object... args) {
    out.println(String.format(format, args));
  }

  private static String oneLine(String html) {
    return html.replace('\n', ' ').strip();
  }
}
