#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H
/* libpq (Debian libpq-dev): the one PostgreSQL driver (connections, queries, COPY both ways). */
#include <libpq-fe.h>

/* The error fields Swift reads (character-literal macros are not imported). */
static const int CLIBPQ_DIAG_SQLSTATE = PG_DIAG_SQLSTATE;
static const int CLIBPQ_DIAG_MESSAGE_PRIMARY = PG_DIAG_MESSAGE_PRIMARY;
#endif
