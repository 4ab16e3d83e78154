//! Password hashing and checking on a small pool of threads of its own.
//!
//! argon2id with OWASP's parameters takes 19 MiB and tens of milliseconds per check. Run on the
//! blocking pool (dozens of threads) while holding a database connection, a sign-in flood took
//! gigabytes and starved every other request of connections. Here a fixed number of threads (as
//! many as cores) take jobs from a bounded queue: when the queue is full the caller gets 503 with
//! `Retry-After` at once, so a flood costs at most `threads × 19 MiB` and never a connection.

use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};

use argon2::{Argon2, PasswordHasher, PasswordVerifier};

use crate::error::ApiError;

/// A password hash in PHC format (argon2id, OWASP parameters).
pub fn hash_password(password: &str) -> Result<String, ApiError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(ApiError::internal)
}

/// True when `password` matches the stored PHC `hash`.
pub fn verify_password(password: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), hash)
        .is_ok()
}

/// A hash that no password matches, verified when the email is unknown so that a wrong email and
/// a wrong password take the same time and get the same answer.
pub fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password("no password ever matches this one").unwrap_or_default())
}

type Job = Box<dyn FnOnce() + Send + 'static>;

/// Seconds a caller is told to wait when the queue is full.
pub const RETRY_AFTER_SECONDS: u64 = 1;

/// The handle to the pool (cheap to clone; the threads end when the last handle is dropped).
#[derive(Clone)]
pub struct PasswordPool {
    jobs: SyncSender<Job>,
    threads: usize,
    queue: usize,
}

impl std::fmt::Debug for PasswordPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordPool")
            .field("threads", &self.threads)
            .field("queue", &self.queue)
            .finish()
    }
}

impl PasswordPool {
    /// `threads` workers and room for `queue` waiting jobs (both at least 1).
    pub fn new(threads: usize, queue: usize) -> Result<Self, String> {
        let (threads, queue) = (threads.max(1), queue.max(1));
        let (jobs, rx) = sync_channel::<Job>(queue);
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..threads {
            let rx = Arc::clone(&rx);
            std::thread::Builder::new()
                .name(format!("arrears-passwords-{i}"))
                .spawn(move || work(&rx))
                .map_err(|e| format!("cannot start the password threads: {e}"))?;
        }
        Ok(Self {
            jobs,
            threads,
            queue,
        })
    }

    /// As many threads as cores, and a queue of 16 jobs per thread.
    pub fn for_this_machine() -> Result<Self, String> {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Self::new(cores, cores * 16)
    }

    /// True when `password` matches the PHC `hash`. Without a hash (an unknown email) the
    /// password is checked against one no password matches, so both take the same time.
    pub async fn verify(&self, password: String, hash: Option<String>) -> Result<bool, ApiError> {
        self.submit(move || {
            let matched = verify_password(&password, hash.as_deref().unwrap_or(dummy_hash()));
            matched && hash.is_some()
        })
        .await
    }

    /// The argon2id PHC hash of `password`.
    pub async fn hash(&self, password: String) -> Result<String, ApiError> {
        self.submit(move || hash_password(&password)).await?
    }

    async fn submit<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            // The receiver is gone when the client went away: nothing to tell.
            let _ = tx.send(f());
        });
        match self.jobs.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                return Err(ApiError::Unavailable {
                    retry_after: RETRY_AFTER_SECONDS,
                    detail: "too many passwords are being checked right now; retry shortly".into(),
                });
            }
            Err(TrySendError::Disconnected(_)) => {
                return Err(ApiError::Internal(
                    "the password threads have stopped".into(),
                ));
            }
        }
        rx.await
            .map_err(|_| ApiError::Internal("a password job was dropped".into()))
    }
}

fn work(rx: &Mutex<Receiver<Job>>) {
    loop {
        // Hold the lock only to take a job, not while running it.
        let job = match rx.lock() {
            Ok(guard) => guard.recv(),
            Err(_) => return,
        };
        match job {
            Ok(job) => job(),
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("wrong", &h));
        assert!(!verify_password("wrong", dummy_hash()));
    }

    #[actix_web::test]
    async fn checks_and_hashes() {
        let pool = PasswordPool::new(1, 4).unwrap();
        let hash = pool.hash("correct horse".into()).await.unwrap();
        assert!(
            pool.verify("correct horse".into(), Some(hash.clone()))
                .await
                .unwrap()
        );
        assert!(!pool.verify("wrong".into(), Some(hash)).await.unwrap());
        assert!(!pool.verify("correct horse".into(), None).await.unwrap());
    }

    #[actix_web::test]
    async fn a_full_queue_answers_503_at_once() {
        let pool = PasswordPool::new(1, 1).unwrap();
        let (hold_tx, hold_rx) = std::sync::mpsc::channel::<()>();
        let (started_tx, started_rx) = std::sync::mpsc::channel::<()>();
        // Occupy the one thread until told to go on, then fill the one queue place.
        let busy: Job = Box::new(move || {
            let _ = started_tx.send(());
            let _ = hold_rx.recv();
        });
        pool.jobs.try_send(busy).unwrap();
        started_rx.recv().unwrap();
        let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
        let queued: Job = Box::new(move || {
            let _ = done_tx.send(());
        });
        pool.jobs.try_send(queued).unwrap();
        let refused = pool.submit(|| 8).await.unwrap_err();
        assert!(matches!(
            refused,
            ApiError::Unavailable { retry_after: 1, .. }
        ));
        hold_tx.send(()).unwrap();
        done_rx.recv().unwrap();
        // Room again.
        assert_eq!(pool.submit(|| 9).await.unwrap(), 9);
    }
}
