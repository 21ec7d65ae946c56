#include "auth/bearer_token.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <stdexcept>

#include "absl/strings/escaping.h"

namespace sangkien::auth {
namespace {

constexpr std::string_view kScheme = "skt_";
constexpr size_t kPrefixHex = 16;    // 64 bits: finds the row, not secret
constexpr size_t kSecretBytes = 32;  // 256 bits
constexpr size_t kSecretChars = 43;  // base64url of 32 bytes, unpadded

std::string RandomBytes(size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) {
    throw std::runtime_error("no randomness available");
  }
  return out;
}

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }
bool IsBase64Url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

NewToken GenerateToken() {
  NewToken t;
  t.prefix = std::string(kScheme) + absl::BytesToHexString(RandomBytes(kPrefixHex / 2));
  std::string secret_part;
  absl::WebSafeBase64Escape(RandomBytes(kSecretBytes), &secret_part);
  t.secret = t.prefix + "_" + secret_part;
  t.hash = HashToken(t.secret);
  return t;
}

std::optional<std::string> TokenPrefix(std::string_view secret) {
  size_t prefix_len = kScheme.size() + kPrefixHex;
  if (secret.size() != prefix_len + 1 + kSecretChars) return std::nullopt;
  if (secret.substr(0, kScheme.size()) != kScheme || secret[prefix_len] != '_') return std::nullopt;
  for (size_t i = kScheme.size(); i < prefix_len; ++i) {
    if (!IsHex(secret[i])) return std::nullopt;
  }
  for (size_t i = prefix_len + 1; i < secret.size(); ++i) {
    if (!IsBase64Url(secret[i])) return std::nullopt;
  }
  return std::string(secret.substr(0, prefix_len));
}

std::string HashToken(std::string_view secret) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), digest);
  return std::string(reinterpret_cast<char*>(digest), sizeof(digest));
}

bool SameHash(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace sangkien::auth
