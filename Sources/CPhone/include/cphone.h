#ifndef CPHONE_H
#define CPHONE_H
/* A tiny C face over Google's libphonenumber (C++), so Swift can call it without C++ interop. */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What libphonenumber says about one phone number as typed. */
typedef struct {
    /* 1 when the number parses and is a valid number for its country; -1 when memory ran out. */
    int valid;
    /* 1 when the number type is MOBILE or FIXED_LINE_OR_MOBILE. */
    int mobile;
    /* libphonenumber's PhoneNumberType value (FIXED_LINE = 0, MOBILE = 1, ..., UNKNOWN = 10). */
    int type;
    /* The number in E.164 ("+79123456789"), NUL-terminated; empty when not valid. */
    char e164[24];
} cphone_result;

/* Parses `length` bytes of UTF-8 `text`, reading a number without '+' in `region`
   (ISO 3166-1 alpha-2, e.g. "RU"). Safe to call from several threads at once. */
void cphone_check(const char *text, size_t length, const char *region, cphone_result *out);

/* The region codes libphonenumber has metadata for ("AC AD AE ... ZW"), space-separated and
   NUL-terminated in `out` (cut to `capacity`); returns the full length without the NUL. */
size_t cphone_supported_regions(char *out, size_t capacity);

#ifdef __cplusplus
}
#endif
#endif
