#ifndef CIDN2_SHIM_H
#define CIDN2_SHIM_H
/* GNU libidn2 (Debian libidn2-dev): IDNA 2008 with UTS 46 mapping, for e-mail domains. */
#include <idn2.h>
#endif
