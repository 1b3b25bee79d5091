package io.github.serviceaccounts.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;

/**
 * Row locks that serialize changes to one account or unit across requests and nodes. A row another request deleted
 * meanwhile is simply gone: when the entity was read earlier in this request, Hibernate upgrades that copy's lock and
 * finds no row, which it reports as a stale state; that answers "gone" (404 for the caller), not a server error.
 */
public final class RowLocks {

    private RowLocks() {
    }

    /** Locks the row until the transaction ends; false if it no longer exists. */
    public static boolean lock(EntityManager em, Class<?> entity, String id) {
        try {
            return em.find(entity, id, LockModeType.PESSIMISTIC_WRITE) != null;
        } catch (RuntimeException e) {
            if (deletedMeanwhile(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean deletedMeanwhile(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
