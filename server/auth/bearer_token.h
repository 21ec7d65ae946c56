// Bearer tokens: "skt_<16 hex>_<43 base64url>". The first part is a public
// prefix used to find the token; the whole string carries 256 random bits
// after it. Only the SHA-256 of the whole string is stored.
#ifndef SANGKIEN_SERVER_AUTH_BEARER_TOKEN_H_
#define SANGKIEN_SERVER_AUTH_BEARER_TOKEN_H_

#include <optional>
#include <string>
#include <string_view>

namespace sangkien::auth {

struct NewToken {
  std::string prefix;  // "skt_0123456789abcdef"
  std::string secret;  // the whole bearer string, shown to the caller once
  std::string hash;    // raw SHA-256 of `secret`
};

// Fresh random token from OpenSSL's CSPRNG.
NewToken GenerateToken();

// The prefix of a well-formed bearer string; nullopt otherwise.
std::optional<std::string> TokenPrefix(std::string_view secret);

// Raw SHA-256 of a bearer string.
std::string HashToken(std::string_view secret);

// Constant-time comparison of two hashes.
bool SameHash(std::string_view a, std::string_view b);

}  // namespace sangkien::auth

#endif  // SANGKIEN_SERVER_AUTH_BEARER_TOKEN_H_
