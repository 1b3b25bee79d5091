package io.github.serviceaccounts.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The registry of service accounts (table {@code IAM_SERVICE_ACCOUNT}): a client is a service account if and only if
 * it has a row here, and its owning project is the one named here. Only the extension writes the table, so a client
 * made or edited through Keycloak's own APIs can never become an account or change owner. The row goes when the
 * client goes (foreign key, on delete cascade).
 */
@Entity
@Table(name = "IAM_SERVICE_ACCOUNT")
public class AccountEntity {

    @Id
    @Column(name = "CLIENT_ID", length = 36)
    private String clientId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "PROJECT_ID", length = 36, nullable = false)
    private String projectId;

    /** The account's name, as on its client: kept here too so that a project's names are read from its rows alone. */
    @Column(name = "NAME")
    private String name;

    @Column(name = "CREATED_AT")
    private Long createdAt;

    protected AccountEntity() {
    }

    AccountEntity(String clientId, String realmId, String projectId, String name, Long createdAt) {
        this.clientId = clientId;
        this.realmId = realmId;
        this.projectId = projectId;
        this.name = name;
        this.createdAt = createdAt;
    }

    String getClientId() {
        return clientId;
    }

    String getRealmId() {
        return realmId;
    }

    String getProjectId() {
        return projectId;
    }

    void setProjectId(String projectId) {
        this.projectId = projectId;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    Long getCreatedAt() {
        return createdAt;
    }
}
