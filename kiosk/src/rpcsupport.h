// What the kiosk's gRPC calls share: the channel to the server, and reading
// the details the server attaches to an error.
#pragma once

#include <QString>

#include <memory>
#include <string>

namespace grpc
{
class Channel;
class Status;
} // namespace grpc

struct SyncOptions;

// A channel for a mobile-data link: keepalive pings and quick reconnects.
std::shared_ptr<grpc::Channel> makeChannel(const SyncOptions &options);

// The server did not answer at all (as opposed to answering with an error).
bool isUnreachable(const grpc::Status &status);

// The ErrorInfo reason the server gave ("PIN_INCORRECT"), or empty.
std::string errorReason(const grpc::Status &status);

// The server refused `field` of the request (a BadRequest field violation).
bool isFieldViolation(const grpc::Status &status, const std::string &field);

// The message for people: the server's vi-VN LocalizedMessage when
// `vietnamese`, else its English message.
QString errorText(const grpc::Status &status, bool vietnamese);
