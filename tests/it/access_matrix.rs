//! The access matrix: every route with the roles allowed. Adding a route to the product without
//! an entry here fails `every_route_is_in_the_matrix`; each entry is checked against each role.

use klankbord::accounts::model::Role;

use crate::both_backends;
use crate::support::{Client, TEST_CSRF};

/// Who may use a route, as the product's users expect it.
#[derive(Debug, Clone, Copy)]
enum Allowed {
    Anyone,
    Staff,
    Only(&'static [Role]),
}

use Allowed::*;
use Role::*;

/// (method, route pattern, who may use it). `{id}` is replaced by a real account number.
const MATRIX: &[(&str, &str, Allowed)] = &[
    ("GET", "/", Anyone),
    ("GET", "/privacy", Anyone),
    ("GET", "/toegankelijkheid", Anyone),
    ("GET", "/healthz", Anyone),
    ("GET", "/static/klankbord.css", Anyone),
    ("GET", "/inloggen", Anyone),
    ("POST", "/inloggen", Anyone),
    ("GET", "/inloggen/sso", Anyone),
    ("GET", "/inloggen/sso/terug", Anyone),
    ("GET", "/inloggen/nood", Anyone),
    ("GET", "/inloggen/code", Anyone),
    ("POST", "/inloggen/code", Anyone),
    ("GET", "/inloggen/tweestaps", Anyone),
    ("POST", "/inloggen/tweestaps", Anyone),
    ("GET", "/account/tweestaps", Staff),
    ("GET", "/account/tweestaps/instellen", Staff),
    ("POST", "/account/tweestaps/instellen", Staff),
    (
        "POST",
        "/beheer/gebruikers/{id}/tweestaps",
        Only(&[Beheerder]),
    ),
    ("POST", "/uitloggen", Staff),
    ("POST", "/uitloggen/overal", Staff),
    ("GET", "/werkplek", Staff),
    ("GET", "/account/wachtwoord", Staff),
    ("POST", "/account/wachtwoord", Staff),
    ("GET", "/account/email", Staff),
    ("POST", "/account/email", Staff),
    ("GET", "/beheer/gebruikers/{id}/email", Only(&[Beheerder])),
    ("POST", "/beheer/gebruikers/{id}/email", Only(&[Beheerder])),
    (
        "GET",
        "/onderzoek/rondes/{id}/wijzigen",
        Only(&[Onderzoeker]),
    ),
    (
        "POST",
        "/onderzoek/rondes/{id}/wijzigen",
        Only(&[Onderzoeker]),
    ),
    (
        "GET",
        "/onderzoek/rondes/{id}/open-antwoorden.csv",
        Only(&[Onderzoeker]),
    ),
    (
        "GET",
        "/klachten/zoeken",
        Only(&[Klachtcoordinator, Klachtbehandelaar, Commissielid]),
    ),
    ("GET", "/beheer/gebruikers", Only(&[Beheerder])),
    ("POST", "/beheer/gebruikers", Only(&[Beheerder])),
    ("GET", "/beheer/gebruikers/{id}", Only(&[Beheerder])),
    ("POST", "/beheer/gebruikers/{id}/rollen", Only(&[Beheerder])),
    ("POST", "/beheer/gebruikers/{id}/status", Only(&[Beheerder])),
    (
        "POST",
        "/beheer/gebruikers/{id}/wachtwoord",
        Only(&[Beheerder]),
    ),
    (
        "POST",
        "/beheer/gebruikers/{id}/sessies",
        Only(&[Beheerder]),
    ),
    ("GET", "/beheer/audit", Only(&[Beheerder])),
    ("GET", "/beheer/audit.csv", Only(&[Beheerder])),
    ("GET", "/beheer/mail", Only(&[Beheerder])),
    ("POST", "/beheer/mail/test", Only(&[Beheerder])),
    ("GET", "/onderzoek", Only(&[Onderzoeker])),
    ("POST", "/onderzoek", Only(&[Onderzoeker])),
    ("GET", "/onderzoek/rondes/{id}", Only(&[Onderzoeker])),
    ("POST", "/onderzoek/rondes/{id}/codes", Only(&[Onderzoeker])),
    ("POST", "/onderzoek/rondes/{id}/email", Only(&[Onderzoeker])),
    (
        "POST",
        "/onderzoek/rondes/{id}/herinnering",
        Only(&[Onderzoeker]),
    ),
    (
        "GET",
        "/onderzoek/rondes/{id}/antwoorden.csv",
        Only(&[Onderzoeker]),
    ),
    (
        "GET",
        "/onderzoek/rondes/{id}/codeboek.csv",
        Only(&[Onderzoeker]),
    ),
    (
        "GET",
        "/onderzoek/rondes/{id}/codeboek.json",
        Only(&[Onderzoeker]),
    ),
    (
        "GET",
        "/onderzoek/rondes/{id}/gesprekken",
        Only(&[Onderzoeker]),
    ),
    ("GET", "/onderzoek/rondes/{id}/papier", Only(&[Onderzoeker])),
    (
        "GET",
        "/onderzoek/rondes/{id}/sdaps-koppeling.csv",
        Only(&[Onderzoeker]),
    ),
    ("GET", "/invoer", Only(&[Invoerder])),
    ("GET", "/invoer/rondes/{id}", Only(&[Invoerder])),
    ("POST", "/invoer/rondes/{id}", Only(&[Invoerder])),
    ("GET", "/invoer/rondes/{id}/papier", Only(&[Invoerder])),
    ("POST", "/invoer/rondes/{id}/papier", Only(&[Invoerder])),
    (
        "POST",
        "/invoer/rondes/{id}/papier/scans",
        Only(&[Invoerder]),
    ),
    (
        "GET",
        "/invoer/rondes/{id}/papier/formulieren",
        Only(&[Invoerder]),
    ),
    (
        "GET",
        "/invoer/rondes/{id}/papier/verslag/{report}",
        Only(&[Invoerder]),
    ),
    (
        "GET",
        "/invoer/rondes/{id}/papier/verslag/{report}/csv",
        Only(&[Invoerder]),
    ),
    (
        "GET",
        "/invoer/rondes/{id}/papier/bezig/{job}",
        Only(&[Invoerder]),
    ),
    (
        "GET",
        "/invoer/rondes/{id}/papier/bezig/{job}/stand",
        Only(&[Invoerder]),
    ),
    (
        "GET",
        "/invoer/rondes/{id}/papier/apart/{sheet}",
        Only(&[Invoerder]),
    ),
    (
        "POST",
        "/invoer/rondes/{id}/papier/apart/{sheet}",
        Only(&[Invoerder]),
    ),
    (
        "POST",
        "/invoer/rondes/{id}/papier/apart/{sheet}/weg",
        Only(&[Invoerder]),
    ),
    (
        "GET",
        "/invoer/rondes/{id}/papier/controle",
        Only(&[Invoerder]),
    ),
    (
        "GET",
        "/invoer/rondes/{id}/papier/controle/{sheet}",
        Only(&[Invoerder]),
    ),
    (
        "POST",
        "/invoer/rondes/{id}/papier/controle/{sheet}",
        Only(&[Invoerder]),
    ),
    (
        "POST",
        "/invoer/rondes/{id}/papier/controle/{sheet}/weg",
        Only(&[Invoerder]),
    ),
    (
        "POST",
        "/invoer/rondes/{id}/papier/controle/{sheet}/plaats",
        Only(&[Invoerder]),
    ),
    ("GET", "/static/voortgang.js", Anyone),
    (
        "GET",
        "/rapportage",
        Only(&[Raadslid, Onderzoeker, Klachtcoordinator]),
    ),
    (
        "GET",
        "/rapportage/open-data.csv",
        Only(&[Raadslid, Onderzoeker, Klachtcoordinator]),
    ),
    (
        "GET",
        "/rapportage/open-data.json",
        Only(&[Raadslid, Onderzoeker, Klachtcoordinator]),
    ),
    (
        "GET",
        "/onderzoek/rondes/{id}/citaten",
        Only(&[Onderzoeker]),
    ),
    (
        "POST",
        "/onderzoek/rondes/{id}/citaten",
        Only(&[Onderzoeker]),
    ),
    (
        "POST",
        "/onderzoek/rondes/{id}/citaten/{quote}",
        Only(&[Onderzoeker]),
    ),
    (
        "GET",
        "/rapportage/open-data-codeboek.csv",
        Only(&[Raadslid, Onderzoeker, Klachtcoordinator]),
    ),
    (
        "GET",
        "/rapportage/rapport.pdf",
        Only(&[Raadslid, Onderzoeker, Klachtcoordinator]),
    ),
    ("GET", "/rapportage/tussenstand", Only(&[Onderzoeker])),
    ("GET", "/onderzoek/coderen", Only(&[Onderzoeker])),
    ("POST", "/onderzoek/coderen", Only(&[Onderzoeker])),
    ("GET", "/onderzoek/codeboek", Only(&[Onderzoeker])),
    ("POST", "/onderzoek/codeboek", Only(&[Onderzoeker])),
    ("POST", "/onderzoek/codeboek/{code}", Only(&[Onderzoeker])),
    ("GET", "/static/coderen.js", Anyone),
    ("GET", "/klacht", Anyone),
    ("POST", "/klacht", Anyone),
    ("GET", "/klacht/ontvangen", Anyone),
    ("GET", "/klacht/volgen", Anyone),
    ("POST", "/klacht/volgen", Anyone),
    (
        "GET",
        "/klachten",
        Only(&[Klachtcoordinator, Klachtbehandelaar, Commissielid]),
    ),
    (
        "GET",
        "/klachten/termijnen",
        Only(&[Klachtcoordinator, Klachtbehandelaar, Commissielid]),
    ),
    ("GET", "/klachten/register", Only(&[Klachtcoordinator])),
    ("GET", "/klachten/register.csv", Only(&[Klachtcoordinator])),
    ("GET", "/klachten/nieuw", Only(&[Klachtcoordinator])),
    ("POST", "/klachten/nieuw", Only(&[Klachtcoordinator])),
    ("GET", "/klachten/brieven", Only(&[Klachtcoordinator])),
    (
        "GET",
        "/klachten/brieven/instellingen",
        Only(&[Klachtcoordinator]),
    ),
    (
        "POST",
        "/klachten/brieven/instellingen",
        Only(&[Klachtcoordinator]),
    ),
    ("POST", "/klachten/brieven/logo", Only(&[Klachtcoordinator])),
    (
        "POST",
        "/klachten/brieven/stapel",
        Only(&[Klachtcoordinator]),
    ),
    (
        "GET",
        "/klachten/brieven/stapel/{id}/pdf",
        Only(&[Klachtcoordinator]),
    ),
    (
        "POST",
        "/klachten/brieven/stapel/{id}/verstuurd",
        Only(&[Klachtcoordinator]),
    ),
    (
        "GET",
        "/klachten/brieven/{id}/pdf",
        Only(&[Klachtcoordinator]),
    ),
    ("GET", "/klachten/categorieen", Only(&[Klachtcoordinator])),
    ("POST", "/klachten/categorieen", Only(&[Klachtcoordinator])),
    (
        "POST",
        "/klachten/brieven/{id}/verstuurd",
        Only(&[Klachtcoordinator]),
    ),
    (
        "GET",
        "/klachten/{id}",
        Only(&[Klachtcoordinator, Klachtbehandelaar, Commissielid]),
    ),
    (
        "POST",
        "/klachten/{id}/stap",
        Only(&[Klachtcoordinator, Klachtbehandelaar, Commissielid]),
    ),
    (
        "POST",
        "/klachten/{id}/indeling",
        Only(&[Klachtcoordinator]),
    ),
    (
        "POST",
        "/klachten/{id}/bemiddeling",
        Only(&[Klachtcoordinator, Klachtbehandelaar]),
    ),
    (
        "POST",
        "/klachten/{id}/onderdelen",
        Only(&[Klachtcoordinator, Commissielid]),
    ),
    (
        "POST",
        "/klachten/{id}/onderdelen/{element}",
        Only(&[Klachtcoordinator, Commissielid]),
    ),
    ("POST", "/klachten/{id}/acties", Only(&[Klachtcoordinator])),
    (
        "POST",
        "/klachten/{id}/acties/{followup}/klaar",
        Only(&[Klachtcoordinator]),
    ),
    (
        "POST",
        "/klachten/{id}/instemming",
        Only(&[Klachtcoordinator]),
    ),
    (
        "POST",
        "/klachten/{id}/bijlagen",
        Only(&[Klachtcoordinator, Klachtbehandelaar, Commissielid]),
    ),
    (
        "GET",
        "/klachten/{id}/bijlagen/{attachment}",
        Only(&[Klachtcoordinator, Klachtbehandelaar, Commissielid]),
    ),
    (
        "GET",
        "/klachten/{id}/beslissing",
        Only(&[Klachtcoordinator, Commissielid]),
    ),
    (
        "POST",
        "/klachten/{id}/beslissing",
        Only(&[Klachtcoordinator, Commissielid]),
    ),
    (
        "GET",
        "/klachten/{id}/beslissing/brief",
        Only(&[Klachtcoordinator, Commissielid]),
    ),
    (
        "POST",
        "/klachten/{id}/beslissing/brief",
        Only(&[Klachtcoordinator, Commissielid]),
    ),
    (
        "GET",
        "/klachten/{id}/beslissing/brief/pdf",
        Only(&[Klachtcoordinator, Commissielid]),
    ),
    (
        "POST",
        "/klachten/{id}/beslissing/versturen",
        Only(&[Klachtcoordinator]),
    ),
    ("GET", "/v", Anyone),
    ("POST", "/v", Anyone),
    ("GET", "/v/start", Anyone),
    ("GET", "/v/vraag/{step}", Anyone),
    ("POST", "/v/vraag/{step}", Anyone),
    ("GET", "/v/overzicht", Anyone),
    ("POST", "/v/overzicht", Anyone),
    ("GET", "/v/opgeslagen", Anyone),
    ("GET", "/v/bedankt", Anyone),
    ("GET", "/v/gesprek", Anyone),
    ("POST", "/v/gesprek", Anyone),
    ("GET", "/static/voorlezen.js", Anyone),
    ("GET", "/v/{code}", Anyone),
];

fn allows(a: Allowed, role: Option<Role>) -> bool {
    match (a, role) {
        (Anyone, _) => true,
        (_, None) => false,
        (Staff, Some(_)) => true,
        (Only(roles), Some(r)) => roles.contains(&r),
    }
}

/// Whether someone holding all of `roles` may use the route (one allowed role is enough).
fn allows_any(a: Allowed, roles: Option<&[Role]>) -> bool {
    match roles {
        None => allows(a, None),
        Some(rs) => rs.iter().any(|r| allows(a, Some(*r))),
    }
}

/// People with two roles, as municipalities give them: the route table must neither refuse them
/// what one of their roles allows nor give them more.
const TWO_ROLES: &[&[Role]] = &[
    &[Commissielid, Klachtbehandelaar],
    &[Klachtcoordinator, Raadslid],
    &[Onderzoeker, Invoerder],
    &[Beheerder, Raadslid],
    &[Klachtbehandelaar, Onderzoeker],
];

#[test]
fn every_route_is_in_the_matrix() {
    let mut served = vec![];
    for def in klankbord::startup::routes() {
        for m in &def.methods {
            served.push((m.as_str().to_string(), def.path.to_string(), def.access));
        }
    }
    for (method, path, access) in &served {
        let entry = MATRIX.iter().find(|(m, p, _)| m == method && p == path);
        let Some((_, _, expected)) = entry else {
            panic!("route {method} {path} has no entry in the access matrix (tests/it/access_matrix.rs)");
        };
        // The declared rule must match the matrix for every role.
        for role in Role::ALL.map(Some).into_iter().chain([None]) {
            let user = role.map(|r| klankbord::accounts::model::CurrentUser {
                id: 1,
                username: "x".into(),
                display_name: "x".into(),
                roles: vec![r],
            });
            assert_eq!(
                access.allows(user.as_ref()),
                allows(*expected, role),
                "{method} {path}: declared {access:?} differs from the matrix for {role:?}"
            );
        }
        for roles in TWO_ROLES {
            let user = klankbord::accounts::model::CurrentUser {
                id: 1,
                username: "x".into(),
                display_name: "x".into(),
                roles: roles.to_vec(),
            };
            assert_eq!(
                access.allows(Some(&user)),
                allows_any(*expected, Some(roles)),
                "{method} {path}: declared {access:?} differs from the matrix for {roles:?}"
            );
        }
    }
    for (m, p, _) in MATRIX {
        assert!(
            served.iter().any(|(sm, sp, _)| sm == m && sp == p),
            "matrix entry {m} {p} is not served any more"
        );
    }
}

both_backends!(every_role_against_every_route, |app| {
    let (_, _, target) = app.user("doel.account", &[Raadslid]);
    let mut users: Vec<(Vec<Role>, i64)> = vec![];
    for role in Role::ALL {
        let (_, _, id) = app.user(&format!("matrix.{}", role.code()), &[role]);
        users.push((vec![role], id));
    }
    for roles in TWO_ROLES {
        let name: Vec<&str> = roles.iter().map(|r| r.code()).collect();
        let (_, _, id) = app.user(&format!("matrix.{}", name.join(".")), roles);
        users.push((roles.to_vec(), id));
    }
    check_matrix(&app, &users, target);
});

/// Every route of the matrix, for each of `users` and for someone not logged in.
fn check_matrix(app: &crate::support::TestApp, users: &[(Vec<Role>, i64)], target: i64) {
    let mut failures = vec![];
    for (method, pattern, allowed) in MATRIX {
        let path = pattern
            .replace("{id}", &target.to_string())
            .replace("{step}", "0")
            .replace("{report}", "1")
            .replace("{job}", "onbekend")
            .replace("{sheet}", "1")
            .replace("{element}", "1")
            .replace("{followup}", "1")
            .replace("{attachment}", "1")
            .replace("{quote}", "1")
            .replace("{code}", "privacy");
        let subjects: Vec<Option<(&[Role], i64)>> = users
            .iter()
            .map(|(r, id)| Some((r.as_slice(), *id)))
            .chain([None])
            .collect();
        for subject in subjects {
            // A fresh session per request: some routes (logout) end the session they are called with.
            let client = match subject {
                Some((_, id)) => app.session_client(id),
                None => Client::with_cookies(&app.base, &[("kb_csrf", TEST_CSRF)]),
            };
            let r = if *method == "GET" {
                client.get(&path)
            } else {
                client.post_raw(&path, &[("csrf", TEST_CSRF)])
            };
            let role = subject.map(|(r, _)| r);
            let ok = if allows_any(*allowed, role) {
                {
                    let to_login = r.status == 303
                        && r.header("location")
                            .unwrap_or("")
                            .starts_with("/inloggen?terug=");
                    !matches!(r.status, 401 | 403) && !to_login
                }
            } else if role.is_none() {
                if *method == "GET" {
                    r.status == 303
                        && r.header("location")
                            .unwrap_or("")
                            .starts_with("/inloggen?terug=")
                } else {
                    r.status == 401
                }
            } else {
                r.status == 403
            };
            if !ok {
                failures.push(format!("{method} {path} as {role:?}: status {}", r.status));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "access matrix violations:\n{}",
        failures.join("\n")
    );
}

/// The same matrix for people who arrive through single sign-on, their roles mapped from the
/// groups the identity provider (a real one on this machine) gives them.
fn matrix_for_sso_users(backend: crate::support::Backend, test: &str) {
    use crate::support::oidc::{spawn_app, MockProvider};
    let Some(mock) = MockProvider::start(test) else {
        return;
    };
    let mapping: Vec<String> = Role::ALL
        .iter()
        .map(|r| format!("kb-{}={}", r.code(), r.code()))
        .collect();
    let mapping = mapping.join("; ");
    let env = [
        ("KLANKBORD_OIDC_ISSUER", mock.issuer.as_str()),
        ("KLANKBORD_OIDC_CLIENT_ID", "klankbord"),
        ("KLANKBORD_OIDC_CLIENT_SECRET", "test-secret"),
        ("KLANKBORD_OIDC_ROLE_CLAIM", "groups"),
        ("KLANKBORD_OIDC_ROLES", mapping.as_str()),
    ];
    let Some(app) = spawn_app(backend, test, &env) else {
        return;
    };
    let (_, _, target) = app.user("doel.account", &[Raadslid]);
    let people: Vec<Vec<Role>> = Role::ALL
        .iter()
        .map(|r| vec![*r])
        .chain(TWO_ROLES.iter().map(|r| r.to_vec()))
        .collect();
    let mut users = vec![];
    for (n, roles) in people.into_iter().enumerate() {
        let sub = format!("persoon-{n}");
        let groups: Vec<String> = roles.iter().map(|r| format!("kb-{}", r.code())).collect();
        mock.set_user(
            &sub,
            serde_json::json!({"groups": groups, "preferred_username": format!("sso.matrix.{n}")}),
        );
        let c = app.client();
        let r = crate::sso::sso_login(&app, &mock, &c, &sub);
        assert_eq!(r.status, 303, "{}", r.body);
        let id = {
            use diesel::prelude::*;
            klankbord::db::schema::users::table
                .filter(klankbord::db::schema::users::username.eq(format!("sso.matrix.{n}")))
                .select(klankbord::db::schema::users::id)
                .first::<i64>(&mut app.conn())
                .unwrap()
        };
        let mut held = klankbord::accounts::sessions::roles_of(&mut app.conn(), id).unwrap();
        held.sort();
        let mut want = roles.clone();
        want.sort();
        assert_eq!(held, want, "roles from the provider's groups");
        users.push((roles, id));
    }
    check_matrix(&app, &users, target);
}

#[test]
fn every_sso_role_against_every_route_sqlite() {
    matrix_for_sso_users(
        crate::support::Backend::Sqlite,
        "access_matrix::every_sso_role_against_every_route_sqlite",
    );
}

#[test]
fn every_sso_role_against_every_route_postgres() {
    matrix_for_sso_users(
        crate::support::Backend::Postgres,
        "access_matrix::every_sso_role_against_every_route_postgres",
    );
}

#[test]
fn every_state_changing_route_refuses_a_request_without_csrf_token() {
    let Some(app) =
        crate::support::TestApp::spawn(crate::support::Backend::Sqlite, "csrf_every_route")
    else {
        return;
    };
    let (_, _, id) = app.user("csrf.alles", &Role::ALL);
    let (_, _, target) = app.user("csrf.doel", &[Raadslid]);
    let mut checked = 0;
    for def in klankbord::startup::routes() {
        for method in &def.methods {
            if method.as_str() == "GET" {
                continue;
            }
            let path = def
                .path
                .replace("{id}", &target.to_string())
                .replace("{step}", "0")
                .replace("{report}", "1")
                .replace("{job}", "onbekend")
                .replace("{sheet}", "1")
                .replace("{element}", "1")
                .replace("{followup}", "1")
                .replace("{attachment}", "1")
                .replace("{quote}", "1")
                .replace("{code}", "privacy");
            // Logged in with every role, holding a CSRF cookie, but the form lacks the token.
            let client = app.session_client(id);
            let r = client.post_raw(&path, &[("gebruikersnaam", "x"), ("actie", "uitschakelen")]);
            assert_eq!(
                r.status, 403,
                "POST {path} without a CSRF token gave {}",
                r.status
            );
            // A wrong token is refused too.
            let r = client.post_raw(&path, &[("csrf", "wrongwrongwrongwrongwrongwrongwrong")]);
            assert_eq!(
                r.status, 403,
                "POST {path} with a wrong CSRF token gave {}",
                r.status
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} state-changing routes found");
    // Nothing happened: the target account is still active.
    let users = klankbord::accounts::service::list_users(&mut app.conn()).unwrap();
    assert!(users.iter().all(|(u, _)| !u.disabled));
}

// ---------------------------------------------------------------------------------------------
// Object-level access: who may act on THIS complaint in THIS state, whatever roles they hold.
// ---------------------------------------------------------------------------------------------

mod cases {
    use diesel::prelude::*;
    use klankbord::accounts::model::Role::{self, *};
    use klankbord::complaints::workflow::State;
    use klankbord::db::schema::{
        audit_log, complaint_attachments, complaint_elements, complaint_followups,
        complaint_hearings, complaint_letters, complaint_progress, complaints,
    };

    use crate::both_backends;
    use crate::support::{Client, TestApp, TEST_CSRF};

    /// One request a browser could send about a case.
    #[derive(Debug, Clone)]
    pub(crate) enum Req {
        Get(String),
        Post(String, Vec<(String, String)>),
        Upload(String),
    }

    /// The things on a case a request can point at.
    #[derive(Debug, Clone, Copy)]
    pub(crate) struct Parts {
        pub id: i64,
        pub element: i64,
        pub followup: i64,
        pub attachment: i64,
        pub letter: i64,
    }

    fn day(offset: i64) -> String {
        (klankbord::fmt::today() + chrono::Duration::days(offset))
            .format("%Y-%m-%d")
            .to_string()
    }

    fn post(path: String, fields: &[(&str, &str)]) -> Req {
        Req::Post(
            path,
            fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    /// The fields each step's own form sends (what would succeed for someone allowed).
    fn step_fields(code: &str) -> Vec<(&'static str, String)> {
        let mut f = vec![("reden", "De klager vroeg erom.".to_string())];
        match code {
            "decline" => f.push(("grond", "ouder_dan_jaar".into())),
            "skip_hearing" => f.push(("grond", "afgezien".into())),
            "postpone" => f.push(("weken", "4".into())),
            "record_file_consent" => {
                f.push(("datum", day(0)));
                f.push(("tekst", "schriftelijk".into()));
            }
            "plan_hearing" => {
                f.push(("datum", day(7)));
                f.push(("tijd", "14:00".into()));
                f.push(("wijze", "video".into()));
                f.push(("plaats", "https://video.voorbeeld.nl/kamer-1".into()));
                f.push(("genodigden", "klager, teamleider".into()));
            }
            "hold_hearing" => {
                f.push(("aanwezig", "klager, teamleider".into()));
                f.push(("tekst", "Verslag: beide partijen gehoord.".into()));
            }
            "record_advice" => f.push(("tekst", "Gegrond verklaren.".into())),
            "refer_to_ombudsman" => f.push(("datum", day(0))),
            "record_ombudsman_outcome" => f.push(("tekst", "Geen onderzoek.".into())),
            _ => {}
        }
        f
    }

    /// Every complaint action and download on one case, by name.
    pub(crate) fn every_request(p: Parts, assign_to: i64) -> Vec<(String, Req)> {
        let base = format!("/klachten/{}", p.id);
        let mut out: Vec<(String, Req)> = vec![
            ("view".into(), Req::Get(base.clone())),
            (
                "download".into(),
                Req::Get(format!("{base}/bijlagen/{}", p.attachment)),
            ),
            ("upload".into(), Req::Upload(format!("{base}/bijlagen"))),
            (
                "classify".into(),
                post(
                    format!("{base}/indeling"),
                    &[
                        ("soort", "klacht"),
                        ("commissie", "ja"),
                        ("behandelaar", &assign_to.to_string()),
                    ],
                ),
            ),
            (
                "mediation".into(),
                post(
                    format!("{base}/bemiddeling"),
                    &[
                        ("contact", &day(0)),
                        ("terugkoppeling", "klager tevreden"),
                        ("tevreden", "ja"),
                    ],
                ),
            ),
            (
                "element_add".into(),
                post(
                    format!("{base}/onderdelen"),
                    &[("onderdeel", "Nog een onderdeel")],
                ),
            ),
            (
                "element_judge".into(),
                post(
                    format!("{base}/onderdelen/{}", p.element),
                    &[
                        ("oordeel", "ongegrond"),
                        ("conclusie", "Anders beoordeeld."),
                    ],
                ),
            ),
            (
                "followup_add".into(),
                post(
                    format!("{base}/acties"),
                    &[
                        ("actie", "Werkoverleg"),
                        ("eigenaar", "Teamleider"),
                        ("voor", &day(30)),
                    ],
                ),
            ),
            (
                "followup_done".into(),
                post(format!("{base}/acties/{}/klaar", p.followup), &[]),
            ),
            (
                "consent".into(),
                post(
                    format!("{base}/instemming"),
                    &[("tot", &day(120)), ("hoe", "brief van de klager")],
                ),
            ),
            (
                "letter_posted".into(),
                post(format!("/klachten/brieven/{}/verstuurd", p.letter), &[]),
            ),
        ];
        for a in klankbord::complaints::workflow::Action::ALL {
            let code = a.code();
            let mut fields = vec![("actie", code.to_string())];
            fields.extend(step_fields(code));
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            out.push((
                format!("step.{code}"),
                post(format!("{base}/stap"), &fields),
            ));
        }
        out
    }

    /// Sends a request as this account.
    pub(crate) fn send(client: &Client, req: &Req) -> u16 {
        match req {
            Req::Get(path) => client.get_bytes(path).0,
            Req::Post(path, fields) => {
                let mut all: Vec<(&str, &str)> = vec![("csrf", TEST_CSRF)];
                all.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
                client.post_raw(path, &all).status
            }
            Req::Upload(path) => {
                let (ct, body) = crate::complaints::document_form(
                    TEST_CSRF,
                    Some(("stuk.pdf", "application/pdf", b"%PDF-1.4 nieuw stuk")),
                );
                client.post_body(path, &ct, &body).status
            }
        }
    }

    /// Everything about complaints that a request could change, as text to compare.
    pub(crate) fn snapshot(app: &TestApp) -> String {
        let mut c = app.conn();
        let cases: Vec<(i64, String, Option<i64>, bool, String, chrono::NaiveDate)> =
            complaints::table
                .order(complaints::id)
                .select((
                    complaints::id,
                    complaints::state,
                    complaints::handler_id,
                    complaints::committee,
                    complaints::kind,
                    complaints::deadline_on,
                ))
                .load(&mut c)
                .unwrap();
        type P = (
            i64,
            Option<chrono::NaiveDate>,
            Option<String>,
            Option<bool>,
            i32,
            Option<chrono::NaiveDate>,
            Option<String>,
            Option<chrono::NaiveDate>,
            Option<chrono::NaiveDate>,
        );
        let progress: Vec<P> = complaint_progress::table
            .order(complaint_progress::complaint_id)
            .select((
                complaint_progress::complaint_id,
                complaint_progress::mediation_contact_on,
                complaint_progress::mediation_feedback,
                complaint_progress::complainant_satisfied,
                complaint_progress::postponement_weeks,
                complaint_progress::consented_until,
                complaint_progress::advice,
                complaint_progress::file_consent_on,
                complaint_progress::decided_on,
            ))
            .load(&mut c)
            .unwrap();
        let elements: Vec<(i64, Option<String>, Option<String>)> = complaint_elements::table
            .order(complaint_elements::id)
            .select((
                complaint_elements::id,
                complaint_elements::judgement,
                complaint_elements::conclusion,
            ))
            .load(&mut c)
            .unwrap();
        let hearings: Vec<(i64, bool, Option<String>)> = complaint_hearings::table
            .order(complaint_hearings::id)
            .select((
                complaint_hearings::id,
                complaint_hearings::held,
                complaint_hearings::minutes,
            ))
            .load(&mut c)
            .unwrap();
        let followups: Vec<(i64, Option<chrono::NaiveDate>)> = complaint_followups::table
            .order(complaint_followups::id)
            .select((complaint_followups::id, complaint_followups::done_on))
            .load(&mut c)
            .unwrap();
        let letters: Vec<(i64, Option<chrono::NaiveDate>)> = complaint_letters::table
            .order(complaint_letters::id)
            .select((complaint_letters::id, complaint_letters::printed_on))
            .load(&mut c)
            .unwrap();
        let counts = [
            "complaint_events",
            "complaint_attachments",
            "complaint_category_links",
            "mail_outbox",
        ]
        .map(|t| crate::support::count_rows(&mut c, t));
        format!("{cases:?}\n{progress:?}\n{elements:?}\n{hearings:?}\n{followups:?}\n{letters:?}\n{counts:?}")
    }

    /// A case in `state` with a handler, a judged element, a hearing, a follow-up action, a file
    /// and a letter waiting to be posted.
    pub(crate) fn case(
        app: &TestApp,
        s: &klankbord::complaints::Setup,
        state: State,
        committee: bool,
        handler: Option<i64>,
    ) -> Parts {
        let id = crate::complaints::case_in(app, s, state, committee);
        let mut c = app.conn();
        diesel::update(complaints::table.find(id))
            .set(complaints::handler_id.eq(handler))
            .execute(&mut c)
            .unwrap();
        diesel::insert_into(complaint_followups::table)
            .values((
                complaint_followups::complaint_id.eq(id),
                complaint_followups::description.eq("Spreekkamer inrichten"),
                complaint_followups::owner.eq("Teamleider"),
                complaint_followups::due_on.eq(klankbord::fmt::today()),
            ))
            .execute(&mut c)
            .unwrap();
        diesel::insert_into(complaint_attachments::table)
            .values((
                complaint_attachments::complaint_id.eq(id),
                complaint_attachments::file_name.eq("brief.pdf"),
                complaint_attachments::content_type.eq("application/pdf"),
                complaint_attachments::size.eq(8i64),
                complaint_attachments::data.eq(b"%PDF-1.4".to_vec()),
            ))
            .execute(&mut c)
            .unwrap();
        diesel::insert_into(complaint_letters::table)
            .values((
                complaint_letters::complaint_id.eq(id),
                complaint_letters::kind.eq("ontvangst"),
                complaint_letters::recipient.eq("Mevrouw A. de Vries\nDorpsstraat 1"),
                complaint_letters::subject.eq("Ontvangst"),
                complaint_letters::body.eq("Wij hebben uw klacht ontvangen."),
                complaint_letters::created_at.eq(klankbord::db::now()),
            ))
            .execute(&mut c)
            .unwrap();
        let mut last = |t: &str| -> i64 {
            diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(&format!(
                "(SELECT MAX(id) FROM {t} WHERE complaint_id = {id})"
            )))
            .get_result(&mut c)
            .unwrap()
        };
        Parts {
            id,
            element: last("complaint_elements"),
            followup: last("complaint_followups"),
            attachment: last("complaint_attachments"),
            letter: last("complaint_letters"),
        }
    }

    /// Tries each named request as `who`; every one must be refused and change nothing.
    fn refused(
        app: &TestApp,
        who: (&str, i64),
        p: Parts,
        assign_to: i64,
        only: Option<&[&str]>,
        failures: &mut Vec<String>,
    ) -> usize {
        let client = app.session_client(who.1);
        let mut tried = 0;
        for (name, req) in every_request(p, assign_to) {
            if only.is_some_and(|o| !o.contains(&name.as_str())) {
                continue;
            }
            let before = snapshot(app);
            let status = send(&client, &req);
            tried += 1;
            if !matches!(status, 403 | 404 | 422) {
                failures.push(format!(
                    "{} on case {} ({name}): status {status}",
                    who.0, p.id
                ));
            }
            if snapshot(app) != before {
                failures.push(format!(
                    "{} on case {} ({name}): something changed",
                    who.0, p.id
                ));
            }
        }
        tried
    }

    fn who(a: &(String, i64)) -> (&str, i64) {
        (a.0.as_str(), a.1)
    }

    fn account(app: &TestApp, name: &str, roles: &[Role]) -> (String, i64) {
        let (u, _, id) = app.user(name, roles);
        (u, id)
    }

    both_backends!(
        each_complaint_action_is_refused_on_a_case_that_is_not_theirs,
        |app| {
            let s = crate::complaints::setup();
            let (_, coordinator) = account(&app, "obj.coordinator", &[Klachtcoordinator]);
            let (_, handler_a) = account(&app, "obj.behandelaar.a", &[Klachtbehandelaar]);
            let handler_b = account(&app, "obj.behandelaar.b", &[Klachtbehandelaar]);
            let member = account(&app, "obj.commissie", &[Commissielid]);
            let both = account(
                &app,
                "obj.commissie.behandelaar",
                &[Commissielid, Klachtbehandelaar],
            );
            let council = account(&app, "obj.raadslid", &[Raadslid]);
            let mut failures = vec![];

            // 1. Another handler's case: the other handler, and someone who is handler and
            //    committee member, may do nothing with it, nor may a council member.
            let a_mediating = case(&app, &s, State::Mediation, false, Some(handler_a));
            for person in [&handler_b, &both, &council] {
                let n = refused(
                    &app,
                    who(person),
                    a_mediating,
                    person.1,
                    None,
                    &mut failures,
                );
                assert_eq!(n, 11 + klankbord::complaints::workflow::Action::ALL.len());
            }
            // 2. A case the committee does not handle: not for a committee member.
            let not_committee = case(&app, &s, State::HearingPlanned, false, Some(handler_a));
            for person in [&member, &both] {
                refused(
                    &app,
                    who(person),
                    not_committee,
                    person.1,
                    None,
                    &mut failures,
                );
            }
            // 3. The reported attack: committee member and handler, on a committee case that is
            //    assigned to someone else. As committee member they see it and may plan the
            //    hearing; nothing a handler or the coordinator does is theirs.
            let committee_case = case(&app, &s, State::FormalHandling, true, Some(handler_a));
            let not_theirs: Vec<String> = every_request(committee_case, both.1)
                .into_iter()
                .map(|(n, _)| n)
                .filter(|n| {
                    ![
                        "view",
                        "download",
                        "upload",
                        "element_add",
                        "element_judge",
                        "step.record_file_consent",
                        "step.plan_hearing",
                        "step.skip_hearing",
                    ]
                    .contains(&n.as_str())
                })
                .collect();
            let not_theirs: Vec<&str> = not_theirs.iter().map(String::as_str).collect();
            refused(
                &app,
                who(&both),
                committee_case,
                both.1,
                Some(&not_theirs),
                &mut failures,
            );
            // 4. The wrong state, for people who could do it in another state: mediation notes
            //    on the handler's own case once it is in formal handling; the coordinator's
            //    follow-ups before the outcome, elements before formal handling, classification
            //    and consent after the decision.
            let own_formal = case(&app, &s, State::FormalHandling, false, Some(handler_a));
            refused(
                &app,
                ("obj.behandelaar.a", handler_a),
                own_formal,
                handler_a,
                Some(&[
                    "mediation",
                    "step.resolve_informally",
                    "step.start_formal_handling",
                    "step.withdraw",
                ]),
                &mut failures,
            );
            let received = case(&app, &s, State::Received, false, Some(handler_a));
            refused(
                &app,
                ("obj.coordinator", coordinator),
                received,
                handler_a,
                Some(&[
                    "mediation",
                    "element_add",
                    "element_judge",
                    "followup_add",
                    "followup_done",
                    "step.decide",
                    "step.close",
                    "step.hold_hearing",
                    "step.record_advice",
                ]),
                &mut failures,
            );
            let closed = case(&app, &s, State::Closed, false, Some(handler_a));
            refused(
                &app,
                ("obj.coordinator", coordinator),
                closed,
                handler_a,
                Some(&[
                    "classify",
                    "consent",
                    "mediation",
                    "element_add",
                    "element_judge",
                    "step.start_mediation",
                    "step.decide",
                    "step.postpone",
                ]),
                &mut failures,
            );
            assert!(failures.is_empty(), "not refused:\n{}", failures.join("\n"));

            // The refusals are in the audit log, under the case (who and what; nothing more).
            type Refusal = (Option<i64>, String, Option<String>, Option<String>);
            let refusals: Vec<Refusal> = audit_log::table
                .filter(audit_log::record_type.eq("complaint"))
                .filter(audit_log::action.eq_any(["complaint.access_refused", "access.refused"]))
                .select((
                    audit_log::actor_id,
                    audit_log::action,
                    audit_log::record_id,
                    audit_log::detail,
                ))
                .load(&mut app.conn())
                .unwrap();
            assert!(refusals.contains(&(
                Some(both.1),
                "complaint.access_refused".into(),
                Some(committee_case.id.to_string()),
                Some("mediation not_yours".into())
            )));
            assert!(refusals.contains(&(
                Some(handler_b.1),
                "complaint.access_refused".into(),
                Some(a_mediating.id.to_string()),
                Some("view hidden".into())
            )));
            // Refused by the route table (a council member on a case page) is logged too.
            assert!(refusals.contains(&(
                Some(council.1),
                "access.refused".into(),
                Some(a_mediating.id.to_string()),
                Some("route /klachten/{id}".into())
            )));

            // The same requests work for the people whose case it is (so the refusals above
            // were about access, not about a badly made request).
            let handler = app.session_client(handler_a);
            let requests = every_request(a_mediating, handler_a);
            let by_name = |n: &str| {
                requests
                    .iter()
                    .find(|(name, _)| name == n)
                    .map(|(_, r)| r.clone())
                    .unwrap()
            };
            assert_eq!(send(&handler, &by_name("view")), 200);
            assert_eq!(send(&handler, &by_name("download")), 200);
            assert_eq!(send(&handler, &by_name("mediation")), 303);
            assert_eq!(send(&handler, &by_name("step.resolve_informally")), 303);
            let member_client = app.session_client(both.1);
            let requests = every_request(committee_case, both.1);
            let plan = requests
                .iter()
                .find(|(n, _)| n == "step.plan_hearing")
                .map(|(_, r)| r.clone())
                .unwrap();
            assert_eq!(send(&member_client, &plan), 303);
            let co = app.session_client(coordinator);
            for (name, req) in every_request(received, handler_a) {
                if ["classify", "letter_posted", "upload", "consent"].contains(&name.as_str()) {
                    assert_eq!(send(&co, &req), 303, "{name}");
                }
            }
            let decided = case(&app, &s, State::Decided, false, None);
            for (name, req) in every_request(decided, handler_a) {
                if ["followup_add", "followup_done"].contains(&name.as_str()) {
                    assert_eq!(send(&co, &req), 303, "{name}");
                }
            }
        }
    );

    both_backends!(the_case_page_offers_only_what_the_person_may_do, |app| {
        let s = crate::complaints::setup();
        let (_, handler_a) = account(&app, "pagina.behandelaar.a", &[Klachtbehandelaar]);
        let both = account(
            &app,
            "pagina.commissie.behandelaar",
            &[Commissielid, Klachtbehandelaar],
        );
        // The attack's case: before the committee, assigned to someone else.
        let p = case(&app, &s, State::FormalHandling, true, Some(handler_a));
        let page = app
            .session_client(both.1)
            .get(&format!("/klachten/{}?lang=nl", p.id));
        assert_eq!(page.status, 200);
        let forms: Vec<String> = {
            let doc = scraper::Html::parse_document(&page.body);
            let sel = scraper::Selector::parse("form[method=post]").unwrap();
            doc.select(&sel)
                .filter_map(|f| f.value().attr("action").map(str::to_string))
                .collect()
        };
        let base = format!("/klachten/{}", p.id);
        assert!(
            !forms.iter().any(|a| a.ends_with("/bemiddeling")),
            "{forms:?}"
        );
        assert!(!forms.iter().any(|a| a.ends_with("/indeling")));
        assert!(!forms.iter().any(|a| a.contains("/acties")));
        assert!(!forms.iter().any(|a| a.ends_with("/instemming")));
        assert!(forms.contains(&format!("{base}/onderdelen")));
        let steps: Vec<String> = {
            let doc = scraper::Html::parse_document(&page.body);
            let sel = scraper::Selector::parse("form.step input[name=actie]").unwrap();
            let mut steps: Vec<String> = doc
                .select(&sel)
                .filter_map(|i| i.value().attr("value").map(str::to_string))
                .collect();
            // The main step comes first on the page; which steps there are is what counts here.
            steps.sort();
            steps
        };
        assert_eq!(
            steps,
            ["plan_hearing", "record_file_consent", "skip_hearing"],
            "only the committee's steps"
        );
        // Every form the page offers is accepted for this person (none is then refused).
        let client = app.session_client(both.1);
        for (name, req) in every_request(p, both.1) {
            let path = match &req {
                Req::Post(path, _) | Req::Upload(path) => path.clone(),
                Req::Get(_) => continue,
            };
            let offered = forms.contains(&path)
                && (!name.starts_with("step.") || steps.contains(&name[5..].to_string()));
            if offered && name != "step.plan_hearing" && name != "step.skip_hearing" {
                let status = send(&client, &req);
                assert_ne!(status, 403, "{name} was offered and then refused");
                assert_ne!(status, 404, "{name} was offered and then refused");
            }
        }
    });
}
