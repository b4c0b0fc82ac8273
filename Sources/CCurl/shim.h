#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H
/* libcurl (Debian libcurl4-openssl-dev): `crm-report send` hands the message to an SMTP server.
   curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: one typed
   setter per kind of value the sender passes. */
#include <curl/curl.h>

typedef size_t (*crm_curl_read_fn)(char *buffer, size_t size, size_t nitems, void *userdata);
typedef int (*crm_curl_debug_fn)(CURL *handle, curl_infotype type, char *data, size_t size, void *userdata);

static inline CURLcode crm_curl_set_long(CURL *c, CURLoption option, long value) { return curl_easy_setopt(c, option, value); }
static inline CURLcode crm_curl_set_string(CURL *c, CURLoption option, const char *value) { return curl_easy_setopt(c, option, value); }
static inline CURLcode crm_curl_set_pointer(CURL *c, CURLoption option, void *value) { return curl_easy_setopt(c, option, value); }
static inline CURLcode crm_curl_set_list(CURL *c, CURLoption option, struct curl_slist *value) { return curl_easy_setopt(c, option, value); }
static inline CURLcode crm_curl_set_offset(CURL *c, CURLoption option, curl_off_t value) { return curl_easy_setopt(c, option, value); }
static inline CURLcode crm_curl_set_read_function(CURL *c, crm_curl_read_fn f) { return curl_easy_setopt(c, CURLOPT_READFUNCTION, f); }
static inline CURLcode crm_curl_set_debug_function(CURL *c, crm_curl_debug_fn f) { return curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, f); }
static inline CURLcode crm_curl_response_code(CURL *c, long *code) { return curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, code); }

#endif
