package com.onix.twofactor.kernel.audit;

/** Every event names its organization, so that its audit history needs no other lookup. */
public interface OrganizationScoped {

  String organizationId();
}
