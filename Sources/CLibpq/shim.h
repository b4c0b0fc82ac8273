#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H
/* libpq (Debian libpq-dev): the PostgreSQL reader's table scans, COPY ... TO STDOUT (FORMAT binary). */
#include <libpq-fe.h>
#endif
