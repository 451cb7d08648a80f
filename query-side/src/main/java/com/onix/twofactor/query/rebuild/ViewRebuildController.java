package com.onix.twofactor.query.rebuild;

import com.onix.twofactor.support.security.AllowedRoles;
import com.onix.twofactor.support.security.OnixRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operations: rebuild the views from the event store, and watch it finish. */
@RestController
@SecurityRequirement(name = "bearer")
public class ViewRebuildController {

  private final ViewRebuild rebuild;

  public ViewRebuildController(ViewRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @Operation(summary = "Drop every view and replay the event store into them (PLATFORM_OPERATOR)")
  @AllowedRoles(OnixRole.PLATFORM_OPERATOR)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PostMapping(path = "/admin/view-rebuilds", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ViewRebuild.Progress> start() {
    rebuild.start();
    return ResponseEntity.accepted().body(rebuild.progress());
  }

  @Operation(summary = "Whether the projections are replaying or caught up (PLATFORM_OPERATOR)")
  @AllowedRoles(OnixRole.PLATFORM_OPERATOR)
  @GetMapping(path = "/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
  public ViewRebuild.Progress progress() {
    return rebuild.progress();
  }
}
