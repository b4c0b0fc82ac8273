// The only file that speaks C++ to libphonenumber. PhoneNumberUtil is a thread-safe singleton.
#include "cphone.h"

#include <cstring>
#include <new>
#include <set>
#include <string>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

static void check(const char *text, size_t length, const char *region, cphone_result *out);

extern "C" void cphone_check(const char *text, size_t length, const char *region, cphone_result *out) {
    // No C++ exception may cross into Swift (it would end in std::terminate and a backtrace);
    // under a memory limit libphonenumber's std::string can throw std::bad_alloc.
    try {
        check(text, length, region, out);
    } catch (const std::bad_alloc &) {
        out->valid = -1;
    }
}

static void check(const char *text, size_t length, const char *region, cphone_result *out) {
    out->valid = 0;
    out->mobile = 0;
    out->type = static_cast<int>(PhoneNumberUtil::UNKNOWN);
    out->e164[0] = '\0';
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(std::string(text, length), std::string(region), &number) != PhoneNumberUtil::NO_PARSING_ERROR) return;
    // IsValidNumber is exactly "GetNumberType is not UNKNOWN" (both look the region up from the
    // country code, then match the same patterns), so one call gives both at half the cost.
    const PhoneNumberUtil::PhoneNumberType type = util->GetNumberType(number);
    if (type == PhoneNumberUtil::UNKNOWN) return;
    std::string e164;
    util->Format(number, PhoneNumberUtil::E164, &e164);
    if (e164.size() >= sizeof(out->e164)) return;  // cannot happen for a valid number (at most 16 characters)
    out->valid = 1;
    out->type = static_cast<int>(type);
    out->mobile = type == PhoneNumberUtil::MOBILE || type == PhoneNumberUtil::FIXED_LINE_OR_MOBILE;
    std::memcpy(out->e164, e164.c_str(), e164.size() + 1);
}

extern "C" size_t cphone_supported_regions(char *out, size_t capacity) {
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    std::string joined;
    for (const std::string &r : regions) {
        if (!joined.empty()) joined += ' ';
        joined += r;
    }
    if (out != nullptr && capacity > 0) {
        const size_t n = joined.size() < capacity - 1 ? joined.size() : capacity - 1;
        std::memcpy(out, joined.data(), n);
        out[n] = '\0';
    }
    return joined.size();
}
