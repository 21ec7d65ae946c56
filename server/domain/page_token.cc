#include "domain/page_token.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstring>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "status/errors.h"

namespace sangkien::domain {
namespace {

constexpr char kVersion = 1;
constexpr size_t kMacBytes = 16;  // 128 bits is plenty against forgery here

void AppendUint64(std::string* out, uint64_t v) {
  for (int i = 7; i >= 0; --i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

uint64_t ReadUint64(std::string_view in) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

absl::Status BadToken() {
  return InvalidField("page_token",
                      "the page token is not valid for this request; start again without it",
                      "Mã trang không hợp lệ cho yêu cầu này; hãy tải lại từ đầu");
}

}  // namespace

PageTokenCodec::PageTokenCodec(std::string key) : key_(std::move(key)) {}

std::string PageTokenCodec::Mac(std::string_view scope, std::string_view payload) const {
  std::string data = absl::StrCat(scope.size(), ":", std::string(scope), std::string(payload));
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &mac_len);
  return std::string(reinterpret_cast<char*>(mac), kMacBytes);
}

std::string PageTokenCodec::Encode(std::string_view scope, const PageCursor& cursor) const {
  std::string payload;
  payload.push_back(kVersion);
  AppendUint64(&payload, static_cast<uint64_t>(cursor.last_id));
  payload.append(cursor.sort_value);
  std::string token = payload + Mac(scope, payload);
  return absl::WebSafeBase64Escape(token);
}

absl::StatusOr<PageCursor> PageTokenCodec::Decode(std::string_view scope,
                                                  std::string_view token) const {
  std::string raw;
  if (token.size() > 4096 || !absl::WebSafeBase64Unescape(std::string(token), &raw) ||
      raw.size() < 1 + 8 + kMacBytes || raw[0] != kVersion) {
    return BadToken();
  }
  // Base64 leaves spare bits in the last character; a decoder ignores them,
  // so a token that differs only there would decode to the same bytes.
  // Accept only the one spelling Encode produces.
  if (absl::WebSafeBase64Escape(raw) != token) return BadToken();
  std::string_view payload(raw.data(), raw.size() - kMacBytes);
  std::string expected = Mac(scope, payload);
  if (CRYPTO_memcmp(expected.data(), raw.data() + payload.size(), kMacBytes) != 0) {
    return BadToken();
  }
  PageCursor cursor;
  cursor.last_id = static_cast<int64_t>(ReadUint64(payload.substr(1, 8)));
  cursor.sort_value = std::string(payload.substr(9));
  return cursor;
}

}  // namespace sangkien::domain
