// Opaque page tokens. A token carries the cursor where the previous page
// ended and a fingerprint of the request it belongs to, sealed with an HMAC
// under a key kept in the database: a tampered token, or one from another
// collection, filter or order, is refused with INVALID_ARGUMENT.
#ifndef SANGKIEN_SERVER_DOMAIN_PAGE_TOKEN_H_
#define SANGKIEN_SERVER_DOMAIN_PAGE_TOKEN_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "domain/list_query.h"

namespace sangkien::domain {

class PageTokenCodec {
 public:
  // `key`: at least 32 random bytes.
  explicit PageTokenCodec(std::string key);

  // `scope` identifies the request: method, parent, filter and order_by.
  std::string Encode(std::string_view scope, const PageCursor& cursor) const;
  absl::StatusOr<PageCursor> Decode(std::string_view scope, std::string_view token) const;

 private:
  std::string Mac(std::string_view scope, std::string_view payload) const;
  std::string key_;
};

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_PAGE_TOKEN_H_
