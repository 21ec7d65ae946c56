// Page tokens and change-feed markers (PageTokenCodec, api/change_marker).
// The first byte (modulo 4) picks what the rest is:
//   0: "scope\ntoken" (split at the last newline), a token from outside:
//      refused, or exactly what Encode gives for the cursor it decodes to;
//   1: 8 bytes of id, then "scope\nsort value": a cursor that must come back
//      from Encode then Decode unchanged, only under its own scope, and whose
//      token refuses a change of one character;
//   2: 8 bytes of id, 8 bytes of account, then a marker's sort value sealed
//      with the key (what only the server can make): DecodeMarker takes it
//      only as a non-negative position that encodes back to itself and that
//      no other caller can use;
//   3: a marker from outside for the account in the first 8 bytes: refused,
//      or a non-negative position.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "api/change_marker.h"
#include "domain/page_token.h"
#include "fuzz_support.h"

namespace {

using sangkien::domain::PageCursor;
using sangkien::domain::PageTokenCodec;

const PageTokenCodec& Codec() { return sangkien::fuzz::TokenCodec(); }

[[noreturn]] void Broken(const std::string& what) {
  std::cerr << "page token broke its contract: " << what << "\n";
  std::abort();
}

int64_t TakeInt64(std::string_view& in) {
  uint64_t v = 0;
  for (int i = 0; i < 8 && !in.empty(); ++i) {
    v = (v << 8) | static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
  }
  return static_cast<int64_t>(v);
}

sangkien::domain::Caller CallerFor(int64_t account_id) {
  sangkien::domain::Caller caller;
  caller.principal.account_id = account_id;
  return caller;
}

void DecodeFromOutside(std::string_view in) {
  // Scopes hold newlines (api/list_support.cc); tokens never do.
  size_t newline = in.rfind('\n');
  std::string_view scope = newline == std::string_view::npos ? "" : in.substr(0, newline);
  std::string_view token = newline == std::string_view::npos ? in : in.substr(newline + 1);
  auto cursor = Codec().Decode(scope, token);
  if (cursor.ok() && Codec().Encode(scope, *cursor) != token) {
    Broken("a token decoded that Encode would spell differently");
  }
}

void RoundTrip(std::string_view in) {
  PageCursor cursor;
  cursor.last_id = TakeInt64(in);
  auto [scope, sort_value] = sangkien::fuzz::SplitAtNewline(in);
  cursor.sort_value = std::string(sort_value);
  std::string token = Codec().Encode(scope, cursor);
  auto back = Codec().Decode(scope, token);
  if (!back.ok()) Broken("its own token refused: " + back.status().ToString());
  if (back->last_id != cursor.last_id || back->sort_value != cursor.sort_value) {
    Broken("the cursor changed on the way");
  }
  if (Codec().Decode(std::string(scope) + "x", token).ok()) Broken("taken under another scope");
  size_t at = static_cast<size_t>(cursor.last_id) % token.size();
  for (char c : {'A', '_', '0', '='}) {
    std::string changed = token;
    changed[at] = c;
    if (changed != token && Codec().Decode(scope, changed).ok()) {
      Broken("a token with one character changed still decodes");
    }
  }
}

void SealedMarker(std::string_view in) {
  PageCursor cursor;
  cursor.last_id = TakeInt64(in);
  auto caller = CallerFor(TakeInt64(in));
  cursor.sort_value = std::string(in);
  std::string marker = Codec().Encode(sangkien::api::MarkerScope(caller), cursor);
  auto position = sangkien::api::DecodeMarker(Codec(), caller, marker);
  if (!position.ok()) return;
  if (position->seq < 0 || position->compacted < 0) Broken("a negative position taken");
  std::string again = sangkien::api::EncodeMarker(Codec(), caller, *position);
  auto reread = sangkien::api::DecodeMarker(Codec(), caller, again);
  if (!reread.ok() || reread->seq != position->seq || reread->compacted != position->compacted) {
    Broken("a position did not survive its own marker");
  }
  auto other = CallerFor(caller.principal.account_id ^ 1);
  if (sangkien::api::DecodeMarker(Codec(), other, again).ok()) {
    Broken("another caller's marker taken");
  }
}

void MarkerFromOutside(std::string_view in) {
  auto caller = CallerFor(TakeInt64(in));
  if (in.empty()) return;  // the caller's "from the start", not a marker
  auto position = sangkien::api::DecodeMarker(Codec(), caller, in);
  if (position.ok() && (position->seq < 0 || position->compacted < 0)) {
    Broken("a negative position taken");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view in = sangkien::fuzz::AsText(data + 1, size - 1);
  switch (data[0] % 4) {
    case 0:
      DecodeFromOutside(in);
      break;
    case 1:
      RoundTrip(in);
      break;
    case 2:
      SealedMarker(in);
      break;
    default:
      MarkerFromOutside(in);
      break;
  }
  return 0;
}
