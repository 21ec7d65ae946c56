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

// Why the options' transport files cannot be used, in one line for the
// operator, or empty when they can: cert and key given alone or without a
// CA, a file that cannot be read or holds no PEM of its kind, a key file
// that group or others may access.
QString transportProblem(const SyncOptions &options);

// A channel for a mobile-data link: keepalive pings, quick reconnects, gzip
// accepted unless turned off, and over TLS the kiosk's certificate if it has
// one. The files are read here, on every new channel, so a renewed
// certificate is taken up without a restart; transportProblem() first.
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
