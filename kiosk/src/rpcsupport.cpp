#include "rpcsupport.h"

#include <QFile>

#include <grpcpp/grpcpp.h>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "syncengine.h"

namespace
{
bool parseDetails(const grpc::Status &status, google::rpc::Status *details)
{
    return !status.error_details().empty() && details->ParseFromString(status.error_details());
}
} // namespace

std::shared_ptr<grpc::Channel> makeChannel(const SyncOptions &options)
{
    std::shared_ptr<grpc::ChannelCredentials> creds;
    if (options.caFile.isEmpty()) {
        creds = grpc::InsecureChannelCredentials();
    } else {
        QFile ca(options.caFile);
        grpc::SslCredentialsOptions ssl;
        if (ca.open(QIODevice::ReadOnly)) {
            ssl.pem_root_certs = ca.readAll().toStdString();
        }
        creds = grpc::SslCredentials(ssl);
    }
    grpc::ChannelArguments args;
    // Mobile links: ping about once a minute, reconnect quickly.
    args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 60000);
    args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 20000);
    args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 500);
    args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 500);
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 3000);
    return grpc::CreateCustomChannel(options.target.toStdString(), creds, args);
}

bool isUnreachable(const grpc::Status &status)
{
    return status.error_code() == grpc::StatusCode::UNAVAILABLE || status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED;
}

std::string errorReason(const grpc::Status &status)
{
    google::rpc::Status details;
    if (parseDetails(status, &details)) {
        for (const auto &any : details.details()) {
            google::rpc::ErrorInfo info;
            if (any.UnpackTo(&info)) {
                return info.reason();
            }
        }
    }
    return {};
}

bool isFieldViolation(const grpc::Status &status, const std::string &field)
{
    google::rpc::Status details;
    if (status.error_code() != grpc::StatusCode::INVALID_ARGUMENT || !parseDetails(status, &details)) {
        return false;
    }
    for (const auto &any : details.details()) {
        google::rpc::BadRequest bad;
        if (any.UnpackTo(&bad)) {
            for (const auto &violation : bad.field_violations()) {
                if (violation.field() == field) {
                    return true;
                }
            }
        }
    }
    return false;
}

QString errorText(const grpc::Status &status, bool vietnamese)
{
    google::rpc::Status details;
    if (vietnamese && parseDetails(status, &details)) {
        for (const auto &any : details.details()) {
            google::rpc::LocalizedMessage localized;
            if (any.UnpackTo(&localized) && !localized.message().empty()) {
                return QString::fromStdString(localized.message());
            }
        }
    }
    return QString::fromStdString(status.error_message());
}
