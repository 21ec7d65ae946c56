#include "auth/kiosk_pin.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstdint>
#include <stdexcept>

#include "auth/bearer_token.h"

namespace sangkien::auth {
namespace {

constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;

std::string Pbkdf2(std::string_view pin, const std::string& salt, int iterations) {
  std::string out(kHashBytes, '\0');
  if (PKCS5_PBKDF2_HMAC(pin.data(), static_cast<int>(pin.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()),
                        static_cast<int>(salt.size()), iterations, EVP_sha256(),
                        static_cast<int>(out.size()),
                        reinterpret_cast<unsigned char*>(out.data())) != 1) {
    throw std::runtime_error("PBKDF2 failed");
  }
  return out;
}

}  // namespace

std::string GeneratePin() {
  // Rejection sampling keeps every PIN equally likely: 2^32 is not a
  // multiple of a million.
  constexpr uint32_t kRange = 1000000;
  constexpr uint32_t kLimit = UINT32_MAX - UINT32_MAX % kRange;
  uint32_t value = 0;
  do {
    if (RAND_bytes(reinterpret_cast<unsigned char*>(&value), sizeof(value)) != 1) {
      throw std::runtime_error("no randomness available");
    }
  } while (value >= kLimit);
  std::string pin = std::to_string(value % kRange);
  return std::string(kPinDigits - pin.size(), '0') + pin;
}

bool WellFormedPin(std::string_view pin) {
  if (pin.size() != kPinDigits) return false;
  for (char c : pin) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

PinHash HashNewPin(std::string_view pin, int iterations) {
  PinHash out;
  out.salt.resize(kSaltBytes);
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.salt.data()), kSaltBytes) != 1) {
    throw std::runtime_error("no randomness available");
  }
  out.iterations = iterations;
  out.hash = Pbkdf2(pin, out.salt, iterations);
  return out;
}

bool VerifyPin(std::string_view pin, const PinHash& stored) {
  if (!WellFormedPin(pin) || stored.iterations <= 0) return false;
  return SameHash(Pbkdf2(pin, stored.salt, stored.iterations), stored.hash);
}

}  // namespace sangkien::auth
