package com.onix.twofactor.command.notification;

import com.onix.twofactor.command.notification.MailDeliveries.Delivery;
import com.onix.twofactor.support.security.AllowedRoles;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For operators: what mail was sent, when, and what failed. No address, subject or body. */
@RestController
@SecurityRequirement(name = "bearer")
class MailDeliveryController {

  private static final int MOST = 500;

  private final MailDeliveries deliveries;

  MailDeliveryController(MailDeliveries deliveries) {
    this.deliveries = deliveries;
  }

  record Deliveries(List<Delivery> deliveries) {}

  @Operation(
      summary = "The latest mail deliveries (PLATFORM_OPERATOR)",
      description =
          "Newest attempt first; ?status=RETRYING|SENT|FAILED|EXPIRED|SKIPPED, ?limit= (at most"
              + " 500, default 100). Each: deliveryId (the event id), kind, userId,"
              + " organizationId, status, attempts, lastAttemptAt, nextAttemptAt, lastError (an"
              + " exception class), lastSmtpReply, messageId.")
  @AllowedRoles(OnixRole.PLATFORM_OPERATOR)
  @GetMapping(path = "/mail-deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
  Deliveries latest(
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MOST) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST, "INVALID_LIMIT", "limit must be between 1 and 500.");
    }
    return new Deliveries(deliveries.latest(limit, parse(status)));
  }

  private static DeliveryStatus parse(String status) {
    if (status == null) {
      return null;
    }
    try {
      return DeliveryStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST,
          "INVALID_STATUS",
          "status must be one of RETRYING, SENT, FAILED, EXPIRED, SKIPPED.");
    }
  }
}
