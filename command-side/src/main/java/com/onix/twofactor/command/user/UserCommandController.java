package com.onix.twofactor.command.user;

import com.onix.twofactor.command.web.AggregateVersionHeader;
import com.onix.twofactor.command.web.CommandDispatcher;
import com.onix.twofactor.kernel.user.ChangeSignInMethod;
import com.onix.twofactor.kernel.user.EmailAddress;
import com.onix.twofactor.kernel.user.RegisterUser;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.support.security.AllowedRoles;
import com.onix.twofactor.support.security.Caller;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
public class UserCommandController {

  private final CommandDispatcher dispatcher;

  public UserCommandController(CommandDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  public record RegisterUserRequest(
      @NotBlank @Size(max = EmailAddress.MAX_LENGTH) @EmailAddressFormat String email,
      @NotBlank @Size(max = 200) String displayName,
      @NotNull SignInMethod signInMethod) {}

  public record UserCreated(String userId) {}

  public record SignInMethodRequest(@NotNull SignInMethod signInMethod) {}

  @Operation(summary = "Register a user in an organization (ORG_ADMIN)")
  @AllowedRoles(value = OnixRole.ORG_ADMIN, organization = "orgId")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping(
      path = "/organizations/{orgId}/users",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<UserCreated> register(
      @PathVariable UUID orgId,
      @Valid @RequestBody RegisterUserRequest body,
      Caller caller,
      HttpServletRequest request) {
    String organizationId = orgId.toString();
    String userId = UUID.randomUUID().toString();
    long version =
        dispatcher.dispatch(
            new RegisterUser(
                userId,
                organizationId,
                body.email().strip(),
                body.displayName().strip(),
                body.signInMethod()),
            caller,
            request,
            ApiProblem.unknownOrganization());
    return ResponseEntity.status(HttpStatus.CREATED)
        .headers(AggregateVersionHeader.of(userId, version))
        .body(new UserCreated(userId));
  }

  @Operation(summary = "Change how a user signs in (ORG_ADMIN)")
  @AllowedRoles(value = OnixRole.ORG_ADMIN, organization = "orgId")
  @PutMapping(
      path = "/organizations/{orgId}/users/{userId}/sign-in-method",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> changeSignInMethod(
      @PathVariable UUID orgId,
      @PathVariable UUID userId,
      @Valid @RequestBody SignInMethodRequest body,
      Caller caller,
      HttpServletRequest request) {
    String organizationId = orgId.toString();
    long version =
        dispatcher.dispatch(
            new ChangeSignInMethod(userId.toString(), organizationId, body.signInMethod()),
            caller,
            request,
            ApiProblem.unknownUser());
    return ResponseEntity.ok()
        .headers(AggregateVersionHeader.of(userId.toString(), version))
        .body(Map.of("userId", userId.toString(), "signInMethod", body.signInMethod()));
  }
}
