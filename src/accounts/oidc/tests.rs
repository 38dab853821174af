//! Tests of the single sign-on settings, roles and refusals.

use serde_json::Value;

use crate::accounts::model::Role;

use super::*;

fn settings(roles: &str) -> SsoSettings {
    SsoSettings::parse(RawSettings {
        issuer: Some("https://sso.voorbeeld.nl/realms/gemeente".into()),
        client_id: Some("klankbord".into()),
        role_claim: (!roles.is_empty()).then(|| "groups".to_string()),
        roles: (!roles.is_empty()).then(|| roles.to_string()),
        ..RawSettings::default()
    })
    .unwrap()
    .unwrap()
}

fn claims(json: &str) -> serde_json::Map<String, Value> {
    serde_json::from_str(json).unwrap()
}

#[test]
fn mapped_values_give_roles_and_others_are_ignored() {
    let s = settings("kb-beheer=beheerder; kb-klachten=klachtcoordinator,klachtbehandelaar");
    assert_eq!(
        roles_from_claims(
            &s,
            &claims(r#"{"groups":["kb-klachten","finance","kb-beheer"]}"#)
        ),
        ClaimRoles::Roles(vec![
            Role::Beheerder,
            Role::Klachtcoordinator,
            Role::Klachtbehandelaar
        ])
    );
    assert_eq!(
        roles_from_claims(&s, &claims(r#"{"groups":"kb-beheer"}"#)),
        ClaimRoles::Roles(vec![Role::Beheerder])
    );
    assert_eq!(
        roles_from_claims(&s, &claims(r#"{"groups":["finance"]}"#)),
        ClaimRoles::NoneMapped
    );
    assert_eq!(roles_from_claims(&s, &claims("{}")), ClaimRoles::NoneMapped);
    assert_eq!(
        roles_from_claims(&s, &claims(r#"{"groups":[1,2]}"#)),
        ClaimRoles::Unreadable
    );
    let none = settings("");
    assert_eq!(
        roles_from_claims(&none, &claims(r#"{"groups":["kb-beheer"]}"#)),
        ClaimRoles::ByAdministrator
    );
}

#[test]
fn settings_are_checked_and_name_the_setting() {
    let err = |raw: RawSettings| SsoSettings::parse(raw).unwrap_err().setting;
    let base = || RawSettings {
        issuer: Some("https://sso.voorbeeld.nl".into()),
        client_id: Some("klankbord".into()),
        ..RawSettings::default()
    };
    assert!(SsoSettings::parse(RawSettings::default())
        .unwrap()
        .is_none());
    assert_eq!(
        err(RawSettings {
            issuer: Some("sso.voorbeeld.nl".into()),
            ..base()
        }),
        "KLANKBORD_OIDC_ISSUER"
    );
    assert_eq!(
        err(RawSettings {
            client_id: None,
            ..base()
        }),
        "KLANKBORD_OIDC_CLIENT_ID"
    );
    assert_eq!(
        err(RawSettings {
            scopes: Some("profile email".into()),
            ..base()
        }),
        "KLANKBORD_OIDC_SCOPES"
    );
    assert_eq!(
        err(RawSettings {
            role_claim: Some("groups".into()),
            roles: Some("kb=baas".into()),
            ..base()
        }),
        "KLANKBORD_OIDC_ROLES"
    );
    assert_eq!(
        err(RawSettings {
            roles: Some("kb=beheerder".into()),
            ..base()
        }),
        "KLANKBORD_OIDC_ROLE_CLAIM"
    );
    assert_eq!(
        err(RawSettings {
            timeout_seconds: Some("600".into()),
            ..base()
        }),
        "KLANKBORD_OIDC_TIMEOUT_SECONDS"
    );
    assert_eq!(
        err(RawSettings {
            issuer: None,
            ..base()
        }),
        "KLANKBORD_OIDC_CLIENT_ID"
    );
    let secret = SsoSettings::parse(RawSettings {
        client_secret: Some("geheim-123".into()),
        ..base()
    })
    .unwrap()
    .unwrap();
    assert!(!format!("{secret:?}").contains("geheim-123"));
}

#[test]
fn login_names_come_from_the_provider_and_are_made_safe() {
    assert_eq!(
        username_from(
            &claims(r#"{"preferred_username":"J.Jansen@Gemeente.nl"}"#),
            "x"
        ),
        "j.jansen"
    );
    assert_eq!(
        username_from(&claims(r#"{"email":"p van dijk@x.nl"}"#), "x"),
        "p.van.dijk"
    );
    let fallback = username_from(&claims("{}"), "abc");
    assert!(fallback.starts_with("sso-"));
    assert_eq!(
        display_name_from(
            &claims(r#"{"given_name":"Jan","family_name":"Jansen"}"#),
            "j"
        ),
        "Jan Jansen"
    );
    assert_eq!(display_name_from(&claims("{}"), "j.jansen"), "j.jansen");
}
