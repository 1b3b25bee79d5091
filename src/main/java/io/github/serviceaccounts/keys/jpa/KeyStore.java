package io.github.serviceaccounts.keys.jpa;

import io.github.serviceaccounts.jpa.RowLocks;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.jpa.entities.ClientEntity;

/** Reads and writes key rows. */
public final class KeyStore {

    private final EntityManager em;

    public KeyStore(EntityManager em) {
        this.em = em;
    }

    public List<KeyEntity> ofClient(String clientId) {
        return em.createQuery("select k from KeyEntity k where k.clientId = :client order by k.createdAt, k.id",
                KeyEntity.class).setParameter("client", clientId).getResultList();
    }

    public List<KeyEntity> ofClients(Collection<String> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select k from KeyEntity k where k.clientId in :clients order by k.createdAt, k.id",
                KeyEntity.class).setParameter("clients", clientIds).getResultList();
    }

    /** The key with this id, only if it belongs to this client. */
    public Optional<KeyEntity> find(String clientId, String keyId) {
        if (keyId == null || keyId.isEmpty() || keyId.length() > 36) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(KeyEntity.class, keyId)).filter(k -> k.getClientId().equals(clientId));
    }

    public long count(String clientId) {
        return em.createQuery("select count(k) from KeyEntity k where k.clientId = :client", Long.class)
                .setParameter("client", clientId).getSingleResult();
    }

    public boolean hasFingerprint(String clientId, String fingerprint) {
        return !em.createQuery("select k.id from KeyEntity k where k.clientId = :client and k.fingerprint = :fingerprint",
                        String.class)
                .setParameter("client", clientId).setParameter("fingerprint", fingerprint).getResultList().isEmpty();
    }

    /**
     * Locks the account's client row until the transaction ends. Key creations for one account then run one after
     * the other, on every node sharing the database, so counting and inserting cannot interleave. False if the
     * account's client is gone (deleted by a concurrent request).
     */
    public boolean lockAccount(String clientId) {
        return RowLocks.lock(em, ClientEntity.class, clientId);
    }

    public void add(KeyEntity key) {
        em.persist(key);
        em.flush();
    }

    public void delete(KeyEntity key) {
        em.remove(key);
    }

    /** Sets the last use, unless another request did so since {@code notBefore}: a single, conditional write. */
    public void markUsed(String keyId, long now, long notBefore) {
        em.createQuery("update KeyEntity k set k.lastUsedAt = :now where k.id = :id"
                        + " and (k.lastUsedAt is null or k.lastUsedAt < :notBefore)")
                .setParameter("now", now).setParameter("id", keyId).setParameter("notBefore", notBefore)
                .executeUpdate();
    }
}
