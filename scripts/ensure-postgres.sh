#!/usr/bin/env bash
# ensure-postgres.sh — make sure a PostgreSQL answers at 127.0.0.1:5432 for the tests,
# with role postgres allowed in from loopback and a database named `test`.
#
# If nothing answers, installs Debian's postgresql if missing (creating cluster `main`
# when the package made none) and starts it. Prints one line on stdout:
#   LIAISON_TEST_PG=postgres://postgres@127.0.0.1:5432/test
# Everything else goes to stderr. Needs root for apt-get and pg_ctlcluster.
set -euo pipefail

url=postgres://postgres@127.0.0.1:5432/test
say() { printf 'ensure-postgres: %s\n' "$*" >&2; }
answers() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
psql_postgres() { PGCONNECT_TIMEOUT=5 psql -X -w -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5432 -U postgres "$@"; }
cluster_version() { pg_lsclusters -h 2>/dev/null | awk '$2 == "main" && $3 == 5432 { print $1; exit }'; }

if ! command -v pg_isready >/dev/null || ! answers; then
  if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    say "installing postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q --no-install-recommends postgresql >&2 ||
      { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends postgresql >&2; }
  fi
  version=$(cluster_version)
  if [ -z "$version" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    say "creating cluster $version/main on port 5432"
    pg_createcluster --port 5432 "$version" main >&2
  fi
  say "starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
  for _ in $(seq 1 100); do answers && break; sleep 0.2; done
  answers || { say "PostgreSQL $version/main does not answer on 127.0.0.1:5432; see /var/log/postgresql"; exit 1; }
fi

if ! psql_postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
  version=$(cluster_version)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  if ! grep -q 'liaison tests' "$hba"; then
    say "letting role postgres in from loopback without a password ($hba)"
    cp -p "$hba" "$hba.before-liaison"
    { printf '%s\n' '# liaison tests: role postgres from loopback' \
        'host all postgres 127.0.0.1/32 trust' 'host all postgres ::1/128 trust'
      cat "$hba.before-liaison"; } >"$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main reload >&2
  for _ in $(seq 1 50); do psql_postgres -d postgres -tAc 'select 1' >/dev/null 2>&1 && break; sleep 0.1; done
fi

if [ "$(psql_postgres -d postgres -tAc "select 1 from pg_database where datname = 'test'")" != 1 ]; then
  say "creating database test"
  psql_postgres -d postgres -c 'create database test' >&2
fi
echo "LIAISON_TEST_PG=$url"
