//! The interview offer as a signed token (issue 20): the wave and the last day it may be used,
//! a random part, and a MAC made with the installation's offer key. Nothing is stored when the
//! offer is made, so sending an answer set writes one row less inside the writer lock; the
//! database keeps only offers that were used (their hash, see [`super::volunteers`]).
//!
//! Form: `<wave>.<yyyymmdd>.<random>.<mac>`, with the random part and the MAC in URL-safe base64.
//! A token a client makes up, or changes (another wave, a later day), fails the MAC check.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::NaiveDate;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

/// The installation's key for offer tokens (from the settings table, made once at first start).
#[derive(Clone)]
pub struct OfferKey(Vec<u8>);

impl std::fmt::Debug for OfferKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The key never goes into a log or an error message.
        f.debug_struct("OfferKey").finish_non_exhaustive()
    }
}

impl OfferKey {
    /// The settings key the offer key is stored under.
    pub const SETTING: &'static str = "offer_token_key";

    /// A key from its stored text.
    pub fn new(secret: &str) -> OfferKey {
        OfferKey(secret.as_bytes().to_vec())
    }

    fn mac(&self, body: &str) -> Hmac<Sha256> {
        // HMAC accepts a key of any length, so this cannot fail.
        let mut mac = match Hmac::<Sha256>::new_from_slice(&self.0) {
            Ok(m) => m,
            Err(_) => unreachable!("HMAC takes keys of any length"),
        };
        mac.update(b"klankbord-offer\0");
        mac.update(body.as_bytes());
        mac
    }
}

/// Bytes of the MAC kept in the token (128 bits).
const MAC_BYTES: usize = 16;

/// What a valid token says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    /// The wave the answer set was sent in.
    pub wave_id: i64,
    /// The last day it may be used.
    pub valid_until: NaiveDate,
}

/// A new token for `offer`, with a fresh random part.
pub fn sign(key: &OfferKey, offer: Offer) -> String {
    let mut random = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut random);
    sign_with(key, offer, &random)
}

fn sign_with(key: &OfferKey, offer: Offer, random: &[u8]) -> String {
    let body = format!(
        "{}.{}.{}",
        offer.wave_id,
        offer.valid_until.format("%Y%m%d"),
        URL_SAFE_NO_PAD.encode(random)
    );
    let tag = key.mac(&body).finalize().into_bytes();
    format!("{body}.{}", URL_SAFE_NO_PAD.encode(&tag[..MAC_BYTES]))
}

/// The offer a token names, if its MAC is right; `None` for anything made up or changed.
pub fn verify(key: &OfferKey, token: &str) -> Option<Offer> {
    if token.len() > 200 {
        return None;
    }
    let (body, tag) = token.rsplit_once('.')?;
    let tag = URL_SAFE_NO_PAD.decode(tag).ok()?;
    if tag.len() != MAC_BYTES {
        return None;
    }
    key.mac(body).verify_truncated_left(&tag).ok()?;
    let mut parts = body.split('.');
    let wave_id = parts.next()?.parse().ok()?;
    let valid_until = NaiveDate::parse_from_str(parts.next()?, "%Y%m%d").ok()?;
    let _random = parts.next()?;
    if parts.next().is_some() {
        return None;
    }
    Some(Offer {
        wave_id,
        valid_until,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer() -> Offer {
        Offer {
            wave_id: 7,
            valid_until: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
        }
    }

    #[test]
    fn the_key_is_never_printed() {
        assert_eq!(
            format!("{:?}", OfferKey::new("geheim-123")),
            "OfferKey { .. }"
        );
    }

    #[test]
    fn a_signed_offer_reads_back() {
        let key = OfferKey::new("sleutel");
        let token = sign(&key, offer());
        assert_eq!(verify(&key, &token), Some(offer()));
        assert!(token.len() >= 40, "{token}");
    }

    #[test]
    fn two_offers_for_the_same_wave_and_day_differ() {
        let key = OfferKey::new("sleutel");
        assert_ne!(sign(&key, offer()), sign(&key, offer()));
    }

    #[test]
    fn another_key_a_changed_wave_or_day_or_a_made_up_token_fail() {
        let key = OfferKey::new("sleutel");
        let token = sign_with(&key, offer(), &[1; 16]);
        assert_eq!(verify(&OfferKey::new("andere"), &token), None);
        let other_wave = token.replacen("7.", "8.", 1);
        assert_eq!(verify(&key, &other_wave), None);
        let later = token.replacen("20261208", "20261231", 1);
        assert_eq!(verify(&key, &later), None);
        for made_up in ["7", "", "7.20261208", "...", "7.20261208.AAAA.AAAA", "é.ü"] {
            assert_eq!(verify(&key, made_up), None, "{made_up}");
        }
        assert_eq!(verify(&key, &"A".repeat(5000)), None);
    }

    #[test]
    fn a_token_with_an_extra_part_is_refused_even_with_a_right_mac() {
        let key = OfferKey::new("sleutel");
        let body = "7.20261208.AQEB.extra";
        let tag = key.mac(body).finalize().into_bytes();
        let token = format!("{body}.{}", URL_SAFE_NO_PAD.encode(&tag[..MAC_BYTES]));
        assert_eq!(verify(&key, &token), None);
    }
}
