package io.github.serviceaccounts.federation.jpa;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads and writes federated-credential rows. */
public final class CredentialStore {

    private final EntityManager em;

    public CredentialStore(EntityManager em) {
        this.em = em;
    }

    public List<FederatedCredentialEntity> ofClient(String clientId) {
        return em.createQuery("select c from FederatedCredentialEntity c where c.clientId = :client order by c.createdAt, c.id",
                FederatedCredentialEntity.class).setParameter("client", clientId).getResultList();
    }

    public List<FederatedCredentialEntity> ofClients(Collection<String> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from FederatedCredentialEntity c where c.clientId in :clients"
                + " order by c.createdAt, c.id", FederatedCredentialEntity.class)
                .setParameter("clients", clientIds).getResultList();
    }

    /** The credentials of one account that name this issuer: what the token path reads (one indexed query). */
    public List<FederatedCredentialEntity> ofClientAndIssuer(String clientId, String issuer) {
        return em.createQuery("select c from FederatedCredentialEntity c where c.clientId = :client and c.issuer = :issuer"
                        + " order by c.createdAt, c.id", FederatedCredentialEntity.class)
                .setParameter("client", clientId).setParameter("issuer", issuer).getResultList();
    }

    /** The credential with this id, only if it belongs to this client. */
    public Optional<FederatedCredentialEntity> find(String clientId, String credentialId) {
        if (credentialId == null || credentialId.isEmpty() || credentialId.length() > 36) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(FederatedCredentialEntity.class, credentialId))
                .filter(c -> c.getClientId().equals(clientId));
    }

    public long count(String clientId) {
        return em.createQuery("select count(c) from FederatedCredentialEntity c where c.clientId = :client", Long.class)
                .setParameter("client", clientId).getSingleResult();
    }

    public void add(FederatedCredentialEntity credential) {
        em.persist(credential);
        em.flush();
    }

    public void delete(FederatedCredentialEntity credential) {
        em.remove(credential);
    }

    /** Sets the last use, unless another request did so since {@code notBefore}: a single, conditional write. */
    public void markUsed(String credentialId, long now, long notBefore) {
        em.createQuery("update FederatedCredentialEntity c set c.lastUsedAt = :now where c.id = :id"
                        + " and (c.lastUsedAt is null or c.lastUsedAt < :notBefore)")
                .setParameter("now", now).setParameter("id", credentialId).setParameter("notBefore", notBefore)
                .executeUpdate();
    }
}
