//! The access matrix: every route with the roles allowed. Adding a route to the product without
//! an entry here fails `every_route_is_in_the_matrix`; each entry is checked against each role.

use klankbord::accounts::model::Role;
use klankbord::web::routes;

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
    ("POST", "/uitloggen", Staff),
    ("POST", "/uitloggen/overal", Staff),
    ("GET", "/werkplek", Staff),
    ("GET", "/account/wachtwoord", Staff),
    ("POST", "/account/wachtwoord", Staff),
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

#[test]
fn every_route_is_in_the_matrix() {
    let mut served = vec![];
    for def in routes::all() {
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
    let mut users = vec![];
    for role in Role::ALL {
        let (_, _, id) = app.user(&format!("matrix.{}", role.code()), &[role]);
        users.push((role, id));
    }
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
        let subjects: Vec<Option<(Role, i64)>> =
            users.iter().copied().map(Some).chain([None]).collect();
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
            let ok = if allows(*allowed, role) {
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
});

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
    for def in routes::all() {
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
