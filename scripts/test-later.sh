#!/usr/bin/env bash
# The test suite as if it ran on a later day, to find the tests that hold only until some date has
# passed: a deadline in the future that becomes past, a plan period that ends, a scenario table that
# runs out. Everything that reads the clock is moved by the same offset with libfaketime: Node (and the
# Temporal core inside it), the time-skipping test server and a private Postgres started for the run.
# The dev server (`temporal: 'local'` tests) is a static Go binary that libfaketime cannot move; those
# tests run with its clock at the real time.
#
#   scripts/test-later.sh +400d [vitest arguments]     e.g. +400d, +90d, +2y
#
# Not part of CI. Needs the Debian packages faketime and postgresql (initdb, pg_ctl); as root, the
# private Postgres runs as the user postgres.
set -euo pipefail
offset=${1:?usage: scripts/test-later.sh +400d [vitest arguments]}
shift
cd "$(dirname "$0")/.."

lib=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -1 || true)
[ -n "$lib" ] || { echo "libfaketime is missing: apt-get install faketime" >&2; exit 1; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -x "$pgbin/pg_ctl" ] || { echo "Postgres server binaries are missing: apt-get install postgresql" >&2; exit 1; }
port=${TEST_LATER_PG_PORT:-54329}

dir=$(mktemp -d /tmp/giaoviec-later.XXXXXX)
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$dir"
  as_pg=(runuser -u postgres --)
fi
pg() { "${as_pg[@]}" env LD_PRELOAD="$lib" FAKETIME="$offset" "$@"; }
cleanup() {
  pg "$pgbin/pg_ctl" -D "$dir/data" stop -m immediate >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

pg "$pgbin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
echo "clock moved by $offset: $(LD_PRELOAD="$lib" FAKETIME="$offset" date -u '+%Y-%m-%d %H:%M UTC')"

LD_PRELOAD="$lib" FAKETIME="$offset" TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" npx vitest run "$@"
