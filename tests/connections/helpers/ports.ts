/**
 * Ports of the servers these tests start: the app next to the e2e server's port (E2E_PORT), PostgreSQL and
 * PgBouncer from CONNECTIONS_PG_PORT (54340 by default), so that checkouts running side by side can keep apart.
 */
const e2e = Number(process.env.E2E_PORT ?? 3100);
const pg = Number(process.env.CONNECTIONS_PG_PORT ?? 54340);

export const ports = {
  restart: { app: e2e + 1, postgres: pg },
  pooler: { app: e2e + 2, postgres: pg + 1, pgbouncer: pg + 2 },
};
