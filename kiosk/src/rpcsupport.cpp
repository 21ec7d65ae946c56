#include "rpcsupport.h"

#include <QFile>

#include <grpc/compression.h>
#include <grpcpp/grpcpp.h>

#include <sys/stat.h>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "syncengine.h"

namespace
{
bool parseDetails(const grpc::Status &status, google::rpc::Status *details)
{
    return !status.error_details().empty() && details->ParseFromString(status.error_details());
}

std::string readPem(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

// Empty when `path` can be read and holds a PEM block whose label ends in
// `label` ("CERTIFICATE", "PRIVATE KEY").
QString pemProblem(const QString &what, const QString &path, const char *label)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return QStringLiteral("cannot read the %1 %2: %3").arg(what, path, file.errorString());
    }
    const QByteArray text = file.readAll();
    if (!text.contains(QByteArray(label) + "-----") || !text.contains("-----BEGIN ")) {
        return QStringLiteral("the %1 %2 holds no PEM %3").arg(what, path, QString::fromLatin1(label));
    }
    return {};
}
} // namespace

QString transportProblem(const SyncOptions &options)
{
    if (options.certFile.isEmpty() != options.keyFile.isEmpty()) {
        return QStringLiteral("--cert and --key go together (keys cert and key): give the kiosk's certificate and its private key, or neither");
    }
    if (!options.certFile.isEmpty() && options.caFile.isEmpty()) {
        return QStringLiteral("--cert and --key need --ca (key ca): a client certificate is presented only over TLS");
    }
    if (!options.caFile.isEmpty()) {
        if (QString problem = pemProblem(QStringLiteral("CA file (--ca)"), options.caFile, "CERTIFICATE"); !problem.isEmpty()) {
            return problem;
        }
    }
    if (options.certFile.isEmpty()) {
        return {};
    }
    if (QString problem = pemProblem(QStringLiteral("certificate file (--cert)"), options.certFile, "CERTIFICATE"); !problem.isEmpty()) {
        return problem;
    }
    if (QString problem = pemProblem(QStringLiteral("key file (--key)"), options.keyFile, "PRIVATE KEY"); !problem.isEmpty()) {
        return problem;
    }
    // As ssh does: a key others can read is no longer the kiosk's alone.
    struct stat info {
    };
    if (::stat(QFile::encodeName(options.keyFile).constData(), &info) != 0) {
        return QStringLiteral("cannot read the key file (--key) %1").arg(options.keyFile);
    }
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return QStringLiteral("the key file %1 must be readable only by its owner (chmod 600); its mode is %2")
            .arg(options.keyFile, QString::number(info.st_mode & 07777, 8).rightJustified(4, QLatin1Char('0')));
    }
    return {};
}

std::shared_ptr<grpc::Channel> makeChannel(const SyncOptions &options)
{
    std::shared_ptr<grpc::ChannelCredentials> creds;
    if (options.caFile.isEmpty()) {
        creds = grpc::InsecureChannelCredentials();
    } else {
        grpc::SslCredentialsOptions ssl;
        ssl.pem_root_certs = readPem(options.caFile);
        if (!options.certFile.isEmpty()) {
            ssl.pem_cert_chain = readPem(options.certFile);
            ssl.pem_private_key = readPem(options.keyFile);
        }
        creds = grpc::SslCredentials(ssl);
    }
    grpc::ChannelArguments args;
    // Say which reply encodings the kiosk takes (grpc-accept-encoding): gzip
    // saves most of a sync's bytes on mobile data; "none" is for comparison.
    // Requests stay uncompressed; they are small.
    unsigned accepted = 1U << GRPC_COMPRESS_NONE;
    if (options.compression) {
        accepted |= 1U << GRPC_COMPRESS_GZIP;
    }
    args.SetInt(GRPC_COMPRESSION_CHANNEL_ENABLED_ALGORITHMS_BITSET, static_cast<int>(accepted));
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
