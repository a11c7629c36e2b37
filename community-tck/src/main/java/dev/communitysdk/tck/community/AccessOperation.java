package dev.communitysdk.tck.community;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.SpaceKind;

/**
 * One line of the access matrix: an operation of the public API, the kind of space it works in, who may do it where
 * they can read, what it needs prepared, and how it is done. Build lines with {@link #act} (a command or a read of one
 * target: refused with not-found where the viewer cannot read) or {@link #sees} (a listing or a lookup that answers
 * empty: it shows the target exactly where the viewer can read, and only to the roles a listing for some roles
 * admits).
 *
 * @param name the operation, as the API names it
 * @param kind the kind of space it works in
 * @param who who may do it where they can read
 * @param cases the visibility cases it applies to
 * @param listing whether it is a listing (see {@link #sees})
 * @param prepare what the cell needs, from the scene
 * @param run the operation itself; a listing returns the items it shows
 * @param <T> what {@code prepare} makes
 */
record AccessOperation<T>(String name, SpaceKind kind, Who who, Set<AccessCase> cases, boolean listing,
    Function<AccessScene, T> prepare, BiFunction<AccessScene, T, Object> run) {
  /** What a cell of the matrix expects. */
  enum Outcome {
    /** The command goes through. */
    ALLOWED,
    /** A permission error: the role may not do this, which says nothing of the target. */
    DENIED,
    /** Not found: the viewer cannot read the space. Nothing is written and nothing is hinted. */
    NOT_FOUND,
    /** A conflict: the viewer reads the space, and the operation's own rule refuses (nothing to retract, say). */
    CONFLICT,
    /** The listing shows the target. */
    SHOWN,
    /** The listing does not show the target. */
    HIDDEN
  }

  /**
   * Who may do an operation where they can read it.
   *
   * @param roles the roles allowed
   * @param upFront whether the role is checked before anything is looked up, so that others are denied everywhere
   * @param allowed what the allowed roles get: {@link Outcome#ALLOWED}, or {@link Outcome#CONFLICT} when the
   *     operation's own rule refuses the matrix's target
   * @param anywhere whether the operation involves no space, so that the allowed roles get their outcome in every
   *     case, readable or not
   */
  record Who(Set<Role> roles, boolean upFront, Outcome allowed, boolean anywhere) {
    /** Every role. */
    static final Who ANYONE = new Who(EnumSet.allOf(Role.class), false, Outcome.ALLOWED);
    /** Every role reaches the operation's own rule, which refuses: there is no vote of the viewer to retract. */
    static final Who ANYONE_NOTHING_TO_RETRACT = new Who(EnumSet.allOf(Role.class), false, Outcome.CONFLICT);
    /** Employees, moderators and admins, who bypass reputation thresholds; checked once the target is read. */
    static final Who STAFF = new Who(EnumSet.of(Role.EMPLOYEE, Role.MODERATOR, Role.ADMIN), false, Outcome.ALLOWED);
    /** Employees, moderators and admins, checked before anything else. */
    static final Who STAFF_FIRST = new Who(EnumSet.of(Role.EMPLOYEE, Role.MODERATOR, Role.ADMIN), true,
        Outcome.ALLOWED);
    /** Moderators and admins, checked once the target is read. */
    static final Who MODERATORS = new Who(EnumSet.of(Role.MODERATOR, Role.ADMIN), false, Outcome.ALLOWED);
    /** Moderators and admins, checked before anything else. */
    static final Who MODERATORS_FIRST = new Who(EnumSet.of(Role.MODERATOR, Role.ADMIN), true, Outcome.ALLOWED);
    /** Employees and admins, who speak for the company, checked before anything else. */
    static final Who EMPLOYEES_FIRST = new Who(EnumSet.of(Role.EMPLOYEE, Role.ADMIN), true, Outcome.ALLOWED);
    /** Admins, checked before anything else. */
    static final Who ADMINS_FIRST = new Who(EnumSet.of(Role.ADMIN), true, Outcome.ALLOWED);
    /** Only the content's author, who is never the viewer. */
    static final Who AUTHOR_ONLY = new Who(EnumSet.noneOf(Role.class), false, Outcome.ALLOWED);
    /** Every member, on their own data: no space is involved, so whatever the viewer reads changes nothing. */
    static final Who SELF = new Who(EnumSet.allOf(Role.class), true, Outcome.ALLOWED, true);

    /** Checks the fields. */
    Who {
      roles = Set.copyOf(roles);
      requireNonNull(allowed, "allowed");
    }

    /**
     * Who may do an operation that works in a space.
     *
     * @param roles the roles allowed
     * @param upFront whether the role is checked before anything is looked up
     * @param allowed what the allowed roles get
     */
    Who(Set<Role> roles, boolean upFront, Outcome allowed) {
      this(roles, upFront, allowed, false);
    }
  }

  /** Checks the fields. */
  AccessOperation {
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    requireNonNull(who, "who");
    cases = Set.copyOf(cases);
    requireNonNull(prepare, "prepare");
    requireNonNull(run, "run");
  }

  /**
   * A command, or a read of one target.
   *
   * @param name the operation
   * @param kind the kind of space it works in
   * @param who who may do it where they can read
   * @param prepare what it needs
   * @param run the operation; its result must not be null (return {@link #DONE} from a void command)
   * @return the line
   */
  static <T> AccessOperation<T> act(String name, SpaceKind kind, Who who, Function<AccessScene, T> prepare,
      BiFunction<AccessScene, T, Object> run) {
    return new AccessOperation<>(name, kind, who, EnumSet.allOf(AccessCase.class), false, prepare, run);
  }

  /**
   * A listing, or a lookup that answers empty where it finds nothing: it must show the target where the viewer can
   * read, and not show it elsewhere.
   *
   * @param name the operation
   * @param kind the kind of space it works in
   * @param target the item the listing shows or not
   * @param list the operation, returning the items it shows
   * @return the line
   */
  static <T> AccessOperation<T> sees(String name, SpaceKind kind, Function<AccessScene, T> target,
      BiFunction<AccessScene, T, Collection<?>> list) {
    return sees(name, kind, Who.ANYONE, target, list);
  }

  /**
   * A listing for some roles only, checked before anything else (the moderation queue, say): other roles are denied
   * everywhere, and the listing shows the target to the admitted roles exactly where they can read.
   *
   * @param name the operation
   * @param kind the kind of space it works in
   * @param who the roles admitted, checked up front
   * @param target the item the listing shows or not
   * @param list the operation, returning the items it shows
   * @return the line
   */
  static <T> AccessOperation<T> sees(String name, SpaceKind kind, Who who, Function<AccessScene, T> target,
      BiFunction<AccessScene, T, Collection<?>> list) {
    return new AccessOperation<>(name, kind, who, EnumSet.allOf(AccessCase.class), true, target, list::apply);
  }

  /** What void commands return to the matrix. */
  static final Object DONE = "done";

  /**
   * @param command a void command
   * @return {@link #DONE}, once the command ran
   */
  static Object done(Runnable command) {
    command.run();
    return DONE;
  }

  /**
   * @param only the cases the operation applies to
   * @return this line, for those cases only
   */
  AccessOperation<T> onlyIn(Set<AccessCase> only) {
    return new AccessOperation<>(name, kind, who, only, listing, prepare, run);
  }

  /**
   * The matrix's one rule: a role refused up front is denied everywhere; a listing shows exactly what the viewer
   * reads; otherwise an unreadable space is not found (unless the operation involves no space), and where the viewer
   * reads, the operation's role rule applies.
   *
   * @param role the viewer's role
   * @param accessCase the case
   * @return what the cell expects
   */
  Outcome expected(Role role, AccessCase accessCase) {
    boolean readable = accessCase.readableBy(role);
    boolean allowedRole = who.roles().contains(role);
    if (who.upFront() && !allowedRole) {
      return Outcome.DENIED;
    }
    if (listing) {
      return readable ? Outcome.SHOWN : Outcome.HIDDEN;
    }
    if (!readable && !who.anywhere()) {
      return Outcome.NOT_FOUND;
    }
    return allowedRole ? who.allowed() : Outcome.DENIED;
  }
}
