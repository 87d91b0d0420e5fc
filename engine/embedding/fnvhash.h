#pragma once

// FNV-1a, 64 bit: a fixed, seedless hash so feature indices and cache keys are the same on every
// run and platform (qHash is seeded per process and must not be used for anything persisted).

#include <cstdint>
#include <string_view>

namespace m1 {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

constexpr std::uint64_t fnv1a(std::u16string_view text, std::uint64_t seed = kFnvOffset)
{
    std::uint64_t h = seed;
    for (char16_t c : text) {
        h ^= static_cast<std::uint64_t>(c);
        h *= kFnvPrime;
    }
    return h;
}

constexpr std::uint64_t fnv1aStep(std::uint64_t h, char16_t c)
{
    return (h ^ static_cast<std::uint64_t>(c)) * kFnvPrime;
}

// Final avalanche (from MurmurHash3's fmix64) so the low bits used as an index are well mixed.
constexpr std::uint64_t mixHash(std::uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

} // namespace m1
