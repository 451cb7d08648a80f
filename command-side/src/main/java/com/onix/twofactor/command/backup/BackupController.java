package com.onix.twofactor.command.backup;

import com.onix.twofactor.support.security.AllowedRoles;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** For operators (through ./onix backup): a consistent backup of the embedded installation. */
@RestController
@SecurityRequirement(name = "bearer")
class BackupController {

  private final ObjectProvider<StoreBackup> backup;

  BackupController(ObjectProvider<StoreBackup> backup) {
    this.backup = backup;
  }

  record Taken(String directory) {}

  @Operation(
      summary = "Take a backup of the embedded store and its keys (PLATFORM_OPERATOR)",
      description =
          "Written under the data directory's backups/, owner-only; answers its path relative to"
              + " the data directory, never its content. 409 BACKUP_NOT_EMBEDDED on a real"
              + " MongoDB (back it up with its own tools) or a store in memory.")
  @AllowedRoles(OnixRole.PLATFORM_OPERATOR)
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping(path = "/operator/backups", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Taken> take() {
    StoreBackup available = backup.getIfAvailable();
    if (available == null) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "BACKUP_NOT_EMBEDDED",
          "Only the embedded store on disk is backed up here; back up a MongoDB with its own"
              + " tools.");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(new Taken(available.take().toString()));
  }
}
