#ifndef CCRYPTO_SHIM_H
#define CCRYPTO_SHIM_H
/* OpenSSL 3's libcrypto (Debian libssl-dev), already loaded through libpq: SHA-256 through EVP. */
#include <openssl/evp.h>
#endif
