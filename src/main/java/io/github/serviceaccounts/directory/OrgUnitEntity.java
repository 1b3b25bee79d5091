package io.github.serviceaccounts.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What an organization or project needs beyond its Keycloak group: the full description (up to 500 characters,
 * where a group's own description column holds 255). The row goes when the group goes (foreign key, on delete cascade).
 */
@Entity
@Table(name = "IAM_ORG_UNIT")
public class OrgUnitEntity {

    @Id
    @Column(name = "GROUP_ID", length = 36)
    private String groupId;

    @Column(name = "DESCRIPTION", length = 500)
    private String description;

    protected OrgUnitEntity() {
    }

    OrgUnitEntity(String groupId, String description) {
        this.groupId = groupId;
        this.description = description;
    }

    String getGroupId() {
        return groupId;
    }

    String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }
}
