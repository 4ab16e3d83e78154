//! Sealing webhook secrets at rest. A webhook's secret must be readable to sign deliveries, so
//! it cannot be hashed like a password; it is encrypted with AES-256-GCM under a key from the
//! environment (`ARREARS_WEBHOOK_KEY`, or derived from `ARREARS_JWT_SECRET` when that is unset),
//! so a copy of the database alone does not let anyone forge deliveries. Changing the key makes
//! the stored secrets unreadable: deliveries then fail with a message saying so, and a webhook
//! needs a new secret (create it again).

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::error::ApiError;

/// The key that seals and opens webhook secrets.
#[derive(Clone)]
pub struct SealingKey(Aes256Gcm);

impl std::fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealingKey(..)")
    }
}

impl SealingKey {
    /// The key for `material` (any length; hashed with a label to 256 bits).
    pub fn derive(material: &[u8]) -> Self {
        let mut h = Sha256::new();
        h.update(b"arrears webhook secrets v1\0");
        h.update(material);
        let key: [u8; 32] = h.finalize().into();
        Self(Aes256Gcm::new(&key.into()))
    }

    /// base64(nonce || ciphertext).
    pub fn seal(&self, secret: &str) -> Result<String, ApiError> {
        let mut nonce = [0u8; 12];
        rand::rng().fill_bytes(&mut nonce);
        let sealed = self
            .0
            .encrypt(&Nonce::from(nonce), secret.as_bytes())
            .map_err(|_| ApiError::Internal("sealing a webhook secret failed".into()))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        Ok(STANDARD.encode(out))
    }

    /// The secret sealed in `text`, or why it cannot be read.
    pub fn open(&self, text: &str) -> Result<String, String> {
        let raw = STANDARD
            .decode(text)
            .map_err(|_| "the stored secret is not base64".to_owned())?;
        if raw.len() < 12 {
            return Err("the stored secret is too short".into());
        }
        let (nonce, sealed) = raw.split_at(12);
        let nonce: [u8; 12] = nonce
            .try_into()
            .map_err(|_| "the stored secret is too short".to_owned())?;
        let plain = self.0.decrypt(&Nonce::from(nonce), sealed).map_err(|_| {
            "the webhook's secret cannot be opened with this server's ARREARS_WEBHOOK_KEY; \
                 create the webhook again"
                .to_owned()
        })?;
        String::from_utf8(plain).map_err(|_| "the stored secret is not UTF-8".into())
    }
}

/// A new webhook secret: `whsec_` and 32 random bytes in hex.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("whsec_{}", hex::encode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_with_its_key_only() {
        let key = SealingKey::derive(b"0123456789abcdef0123456789abcdef");
        let sealed = key.seal("whsec_abc").expect("sealed");
        assert_ne!(sealed, "whsec_abc");
        assert_eq!(key.open(&sealed), Ok("whsec_abc".to_owned()));
        let other = SealingKey::derive(b"another key, just as long as the first");
        assert!(other.open(&sealed).is_err());
        assert_ne!(
            key.seal("whsec_abc").expect("sealed"),
            sealed,
            "a fresh nonce each time"
        );
    }

    #[test]
    fn secrets_are_long_and_distinct() {
        let (a, b) = (new_secret(), new_secret());
        assert_eq!(a.len(), "whsec_".len() + 64);
        assert_ne!(a, b);
    }
}
