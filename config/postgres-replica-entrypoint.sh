#!/bin/bash
# Streaming read replica: on first start, clone the primary with pg_basebackup
# (-R writes standby.signal and primary_conninfo), then run as a hot standby.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA" && chmod 0700 "$PGDATA"
    until pg_isready -h db -U "$POSTGRES_USER"; do sleep 1; done
    PGPASSWORD="$REPLICATION_PASSWORD" gosu postgres \
        pg_basebackup -h db -U replicator -D "$PGDATA" -X stream -R -P --checkpoint=fast
fi
exec docker-entrypoint.sh postgres -c hot_standby=on
