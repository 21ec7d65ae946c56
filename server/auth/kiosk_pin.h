// Kiosk PINs: six digits a staff member types on their commune's kiosk. The
// server issues them and keeps only a salted PBKDF2-HMAC-SHA256; with a
// million possible PINs the lockout, not the hash, stops guessing, so the
// hash only has to make a stolen database slow to turn back into PINs.
#ifndef SANGKIEN_SERVER_AUTH_KIOSK_PIN_H_
#define SANGKIEN_SERVER_AUTH_KIOSK_PIN_H_

#include <string>
#include <string_view>

namespace sangkien::auth {

inline constexpr int kPinDigits = 6;
inline constexpr int kPinIterations = 60000;

struct PinHash {
  std::string salt;  // 16 random bytes
  std::string hash;  // 32 bytes
  int iterations = kPinIterations;
};

// Six uniformly random digits from OpenSSL's CSPRNG.
std::string GeneratePin();

// True for exactly six ASCII digits.
bool WellFormedPin(std::string_view pin);

// A fresh salt and the PIN's hash under it.
PinHash HashNewPin(std::string_view pin, int iterations = kPinIterations);

// Hashes `pin` with the stored salt and iterations and compares in constant
// time.
bool VerifyPin(std::string_view pin, const PinHash& stored);

}  // namespace sangkien::auth

#endif  // SANGKIEN_SERVER_AUTH_KIOSK_PIN_H_
