//! A throwaway PostgreSQL cluster for the test run, started from the server binaries when they are
//! installed (Debian's postgresql package). One cluster per test process, one database per test.
//! A watchdog stops the cluster and removes its files when the test process ends.
//! `KLANKBORD_TEST_PG_URL` (an admin URL) uses an existing server instead.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::Connection;

struct Cluster {
    /// URL without the database name, e.g. `postgres://klankbord@127.0.0.1:5433`.
    base: String,
    admin_db: String,
}

static CLUSTER: OnceLock<Result<Cluster, String>> = OnceLock::new();
static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Creates a fresh, empty database and returns its URL; `Err` says why PostgreSQL is unavailable.
pub fn new_database() -> Result<String, String> {
    let cluster = CLUSTER.get_or_init(start).as_ref().map_err(|e| e.clone())?;
    let name = format!(
        "kb_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    );
    let mut admin =
        diesel::PgConnection::establish(&format!("{}/{}", cluster.base, cluster.admin_db))
            .map_err(|e| format!("cannot reach the test PostgreSQL server: {e}"))?;
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .map_err(|e| format!("cannot create a test database: {e}"))?;
    Ok(format!("{}/{name}", cluster.base))
}

fn find_bin_dir() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("PATH") {
        for dir in path.split(':') {
            if Path::new(dir).join("initdb").exists() && Path::new(dir).join("postgres").exists() {
                return Some(PathBuf::from(dir));
            }
        }
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|p| p.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(55432)
}

fn start() -> Result<Cluster, String> {
    if let Ok(url) = std::env::var("KLANKBORD_TEST_PG_URL") {
        let (base, db) = url
            .rsplit_once('/')
            .ok_or("KLANKBORD_TEST_PG_URL needs a database name")?;
        return Ok(Cluster {
            base: base.to_string(),
            admin_db: db.to_string(),
        });
    }
    let bin = find_bin_dir().ok_or(
        "PostgreSQL server binaries (initdb, postgres) not found; install the postgresql package",
    )?;
    let dir = std::env::temp_dir().join(format!("klankbord-pg-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    // initdb refuses to run as root: run the server as the `postgres` system user then.
    let prefix: Vec<String> = if is_root() {
        let ok = Command::new("chown")
            .arg("-R")
            .arg("postgres")
            .arg(&dir)
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !ok {
            return Err(
                "running as root and cannot hand the cluster folder to the postgres user".into(),
            );
        }
        vec![
            "runuser".into(),
            "-u".into(),
            "postgres".into(),
            "--".into(),
        ]
    } else {
        vec![]
    };
    let run = |program: &Path| -> Command {
        if prefix.is_empty() {
            Command::new(program)
        } else {
            let mut c = Command::new(&prefix[0]);
            c.args(&prefix[1..]).arg(program);
            c
        }
    };
    let data = dir.join("data");
    let out = run(&bin.join("initdb"))
        .arg("-D")
        .arg(&data)
        .args([
            "-U",
            "klankbord",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C",
        ])
        .output()
        .map_err(|e| format!("initdb: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "initdb failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let port = free_port();
    let log = std::fs::File::create(dir.join("server.log")).map_err(|e| e.to_string())?;
    if !prefix.is_empty() {
        let _ = Command::new("chown")
            .arg("postgres")
            .arg(dir.join("server.log"))
            .status();
    }
    run(&bin.join("postgres"))
        .arg("-D")
        .arg(&data)
        .arg("-p")
        .arg(port.to_string())
        .arg("-k")
        .arg(&dir)
        .args([
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "fsync=off",
            "-c",
            "synchronous_commit=off",
            "-c",
            "full_page_writes=off",
            "-c",
            "max_connections=400",
            "-c",
            "shared_buffers=64MB",
        ])
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("postgres: {e}"))?;
    // Stop the cluster when this test process is gone, whatever way it ends.
    let stop = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {prefix} {pg_ctl} -D {data} stop -m immediate >/dev/null 2>&1; rm -rf {dir}",
        pid = std::process::id(),
        prefix = prefix.join(" "),
        pg_ctl = bin.join("pg_ctl").display(),
        data = data.display(),
        dir = dir.display(),
    );
    Command::new("sh")
        .arg("-c")
        .arg(stop)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("watchdog: {e}"))?;
    let base = format!("postgres://klankbord@127.0.0.1:{port}");
    let started = Instant::now();
    loop {
        match diesel::PgConnection::establish(&format!("{base}/postgres")) {
            Ok(_) => break,
            Err(e) if started.elapsed() > Duration::from_secs(30) => {
                let log = std::fs::read_to_string(dir.join("server.log")).unwrap_or_default();
                return Err(format!("PostgreSQL did not start: {e}\n{log}"));
            }
            Err(_) => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    Ok(Cluster {
        base,
        admin_db: "postgres".into(),
    })
}
