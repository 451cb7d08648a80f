package com.onix.twofactor.kernel.catalogue;

import static com.onix.twofactor.kernel.catalogue.AggregateType.ORGANIZATION_POLICY;
import static com.onix.twofactor.kernel.catalogue.AggregateType.USER_TWO_FACTOR;

import com.onix.twofactor.kernel.accesscode.AccessCodeIssued;
import com.onix.twofactor.kernel.accesscode.AccessCodeRedeemed;
import com.onix.twofactor.kernel.accesscode.AccessCodeRevoked;
import com.onix.twofactor.kernel.emailcode.EmailCodeSent;
import com.onix.twofactor.kernel.emailcode.EmailCodeUndeliverable;
import com.onix.twofactor.kernel.emailcode.EmailCodesAllowed;
import com.onix.twofactor.kernel.emailcode.EmailCodesDisallowed;
import com.onix.twofactor.kernel.organization.OrganizationRegistered;
import com.onix.twofactor.kernel.organization.PolicyDisabled;
import com.onix.twofactor.kernel.organization.PolicyEnabled;
import com.onix.twofactor.kernel.twofactor.SecondFactorRejected;
import com.onix.twofactor.kernel.twofactor.SecondFactorVerified;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import com.onix.twofactor.kernel.twofactor.TwoFactorUnlocked;
import com.onix.twofactor.kernel.user.SignInMethodChanged;
import com.onix.twofactor.kernel.user.UserRegistered;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event of the contract, under the names that do not change when its class does:
 *
 * <ul>
 *   <li>{@link #storedName()}: what the event store records as the payload type of a new event;
 *   <li>{@link #historyName()}: the {@code type} the audit history shows it under (the names
 *       docs/http-api.md lists);
 *   <li>{@link #classNameBefore()}: the payload type stores written before stable names hold for it
 *       (the class's name then), which reads as this type for good.
 * </ul>
 *
 * docs/events.md describes each one; a test keeps the two in step.
 */
public enum EventType {
  ORGANIZATION_REGISTERED(
      OrganizationRegistered.class,
      ORGANIZATION_POLICY,
      "twofactor.organization.registered",
      "OrganizationRegistered",
      "com.onix.twofactor.kernel.organization.OrganizationRegistered"),
  POLICY_ENABLED(
      PolicyEnabled.class,
      ORGANIZATION_POLICY,
      "twofactor.policy.enabled",
      "PolicyEnabled",
      "com.onix.twofactor.kernel.organization.PolicyEnabled"),
  POLICY_DISABLED(
      PolicyDisabled.class,
      ORGANIZATION_POLICY,
      "twofactor.policy.disabled",
      "PolicyDisabled",
      "com.onix.twofactor.kernel.organization.PolicyDisabled"),
  EMAIL_CODES_ALLOWED(
      EmailCodesAllowed.class,
      ORGANIZATION_POLICY,
      "twofactor.email-codes.allowed",
      "EmailCodesAllowed",
      "com.onix.twofactor.kernel.emailcode.EmailCodesAllowed"),
  EMAIL_CODES_DISALLOWED(
      EmailCodesDisallowed.class,
      ORGANIZATION_POLICY,
      "twofactor.email-codes.disallowed",
      "EmailCodesDisallowed",
      "com.onix.twofactor.kernel.emailcode.EmailCodesDisallowed"),
  USER_REGISTERED(
      UserRegistered.class,
      USER_TWO_FACTOR,
      "twofactor.user.registered",
      "UserRegistered",
      "com.onix.twofactor.kernel.user.UserRegistered"),
  SIGN_IN_METHOD_CHANGED(
      SignInMethodChanged.class,
      USER_TWO_FACTOR,
      "twofactor.user.sign-in-method-changed",
      "SignInMethodChanged",
      "com.onix.twofactor.kernel.user.SignInMethodChanged"),
  SETUP_STARTED(
      TwoFactorSetupStarted.class,
      USER_TWO_FACTOR,
      "twofactor.enrollment.started",
      "TwoFactorSetupStarted",
      "com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted"),
  SETUP_COMPLETED(
      TwoFactorSetupCompleted.class,
      USER_TWO_FACTOR,
      "twofactor.enrollment.completed",
      "TwoFactorSetupCompleted",
      "com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted"),
  TWO_FACTOR_RESET(
      TwoFactorReset.class,
      USER_TWO_FACTOR,
      "twofactor.enrollment.reset",
      "TwoFactorReset",
      "com.onix.twofactor.kernel.twofactor.TwoFactorReset"),
  SECOND_FACTOR_VERIFIED(
      SecondFactorVerified.class,
      USER_TWO_FACTOR,
      "twofactor.verification.succeeded",
      "SecondFactorVerified",
      "com.onix.twofactor.kernel.twofactor.SecondFactorVerified"),
  SECOND_FACTOR_REJECTED(
      SecondFactorRejected.class,
      USER_TWO_FACTOR,
      "twofactor.verification.rejected",
      "SecondFactorRejected",
      "com.onix.twofactor.kernel.twofactor.SecondFactorRejected"),
  LOCKED(
      TwoFactorLocked.class,
      USER_TWO_FACTOR,
      "twofactor.lockout.locked",
      "TwoFactorLocked",
      "com.onix.twofactor.kernel.twofactor.TwoFactorLocked"),
  UNLOCKED(
      TwoFactorUnlocked.class,
      USER_TWO_FACTOR,
      "twofactor.lockout.unlocked",
      "TwoFactorUnlocked",
      "com.onix.twofactor.kernel.twofactor.TwoFactorUnlocked"),
  ACCESS_CODE_ISSUED(
      AccessCodeIssued.class,
      USER_TWO_FACTOR,
      "twofactor.access-code.issued",
      "AccessCodeIssued",
      "com.onix.twofactor.kernel.accesscode.AccessCodeIssued"),
  ACCESS_CODE_REVOKED(
      AccessCodeRevoked.class,
      USER_TWO_FACTOR,
      "twofactor.access-code.revoked",
      "AccessCodeRevoked",
      "com.onix.twofactor.kernel.accesscode.AccessCodeRevoked"),
  ACCESS_CODE_REDEEMED(
      AccessCodeRedeemed.class,
      USER_TWO_FACTOR,
      "twofactor.access-code.redeemed",
      "AccessCodeRedeemed",
      "com.onix.twofactor.kernel.accesscode.AccessCodeRedeemed"),
  EMAIL_CODE_SENT(
      EmailCodeSent.class,
      USER_TWO_FACTOR,
      "twofactor.email-code.sent",
      "EmailCodeSent",
      "com.onix.twofactor.kernel.emailcode.EmailCodeSent"),
  EMAIL_CODE_UNDELIVERABLE(
      EmailCodeUndeliverable.class,
      USER_TWO_FACTOR,
      "twofactor.email-code.undeliverable",
      "EmailCodeUndeliverable",
      "com.onix.twofactor.kernel.emailcode.EmailCodeUndeliverable");

  private static final Map<Class<?>, EventType> BY_CLASS =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.type, t -> t));
  private static final Map<String, EventType> BY_STORED_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(EventType::storedName, Function.identity()));
  private static final Map<String, EventType> BY_CLASS_NAME_BEFORE =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(EventType::classNameBefore, Function.identity()));
  private static final Map<String, EventType> BY_HISTORY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(EventType::historyName, Function.identity()));

  private final Class<?> type;
  private final AggregateType aggregate;
  private final String storedName;
  private final String historyName;
  private final String classNameBefore;

  EventType(
      Class<?> type,
      AggregateType aggregate,
      String storedName,
      String historyName,
      String classNameBefore) {
    this.type = type;
    this.aggregate = aggregate;
    this.storedName = storedName;
    this.historyName = historyName;
    this.classNameBefore = classNameBefore;
  }

  public Class<?> type() {
    return type;
  }

  /** The aggregate that emits it. */
  public AggregateType aggregate() {
    return aggregate;
  }

  public String storedName() {
    return storedName;
  }

  public String historyName() {
    return historyName;
  }

  public String classNameBefore() {
    return classNameBefore;
  }

  public static Optional<EventType> of(Class<?> type) {
    return Optional.ofNullable(BY_CLASS.get(type));
  }

  /** The type a stored payload type names: a stored name, or a class name stored before. */
  public static Optional<EventType> ofStored(String payloadType) {
    EventType named = BY_STORED_NAME.get(payloadType);
    return named != null
        ? Optional.of(named)
        : Optional.ofNullable(BY_CLASS_NAME_BEFORE.get(payloadType));
  }

  public static Optional<EventType> ofHistoryName(String historyName) {
    return Optional.ofNullable(BY_HISTORY_NAME.get(historyName));
  }
}
