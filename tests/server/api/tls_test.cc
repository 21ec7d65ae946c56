// The transport: TLS with the server's certificate, client certificates when
// a client CA is given, and plaintext only on loopback unless allowed. The
// certificates are made here with OpenSSL: a throwaway CA per test.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "app/server.h"
#include "raw_calls.h"
#include "sangkien/v1/plan_service.grpc.pb.h"
#include "test_server.h"
#include "testing/temp_dir.h"

namespace sangkien::api_test {
namespace {

struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using Cert = std::unique_ptr<X509, X509Free>;

std::string BioText(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(size));
}

std::string KeyPem(EVP_PKEY* key) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
  return BioText(bio.get());
}

std::string CertPem(X509* cert) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(bio.get(), cert);
  return BioText(bio.get());
}

void AddExtension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  ASSERT_NE(ext, nullptr) << "extension " << OBJ_nid2sn(nid) << " = " << value;
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
}

// A key and a certificate, PEM encoded.
struct Identity {
  std::string key_pem;
  std::string cert_pem;
};

// A certificate authority that lives for one test.
class TestCa {
 public:
  explicit TestCa(const std::string& common_name) {
    key_.reset(EVP_EC_gen("P-256"));
    cert_ = NewCert(common_name, key_.get());
    X509_set_issuer_name(cert_.get(), X509_get_subject_name(cert_.get()));
    AddExtension(cert_.get(), cert_.get(), NID_basic_constraints, "critical,CA:TRUE");
    AddExtension(cert_.get(), cert_.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    AddExtension(cert_.get(), cert_.get(), NID_subject_key_identifier, "hash");
    X509_sign(cert_.get(), key_.get(), EVP_sha256());
  }

  std::string cert_pem() const { return CertPem(cert_.get()); }

  // A certificate for 127.0.0.1 and localhost, good for a server and a
  // client.
  Identity Issue(const std::string& common_name) {
    Pkey key(EVP_EC_gen("P-256"));
    Cert cert = NewCert(common_name, key.get());
    X509_set_issuer_name(cert.get(), X509_get_subject_name(cert_.get()));
    AddExtension(cert.get(), cert_.get(), NID_basic_constraints, "critical,CA:FALSE");
    AddExtension(cert.get(), cert_.get(), NID_key_usage, "critical,digitalSignature");
    AddExtension(cert.get(), cert_.get(), NID_ext_key_usage, "serverAuth,clientAuth");
    AddExtension(cert.get(), cert_.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1");
    AddExtension(cert.get(), cert_.get(), NID_authority_key_identifier, "keyid");
    X509_sign(cert.get(), key_.get(), EVP_sha256());
    return {KeyPem(key.get()), CertPem(cert.get())};
  }

 private:
  Cert NewCert(const std::string& common_name, EVP_PKEY* key) {
    Cert cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), ++serial_);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                               0);
    return cert;
  }

  Pkey key_;
  Cert cert_;
  long serial_ = 0;
};

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(ca_.cert_pem(), "");
    server_identity_ = ca_.Issue("sangkien test server");
    cert_file_ = Write("server.crt", server_identity_.cert_pem);
    key_file_ = Write("server.key", server_identity_.key_pem);
  }

  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_.File(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  app::ServerOptions Options(const std::string& listen = "127.0.0.1:0") {
    app::ServerOptions options;
    options.listen_address = listen;
    options.database_path = dir_.File(absl::StrCat("db", ++databases_, ".db"));
    options.seed_demo = false;
    options.log_calls = false;
    return options;
  }

  std::unique_ptr<app::Server> StartOrFail(app::ServerOptions options) {
    auto server = app::Server::Start(std::move(options));
    EXPECT_TRUE(server.ok()) << server.status();
    return server.ok() ? std::move(*server) : nullptr;
  }

  std::unique_ptr<app::Server> StartTls(bool require_client_certs) {
    app::ServerOptions options = Options();
    options.tls_cert_file = cert_file_;
    options.tls_key_file = key_file_;
    if (require_client_certs) {
      options.tls_client_ca_file = Write("clients-ca.crt", client_ca_.cert_pem());
    }
    return StartOrFail(std::move(options));
  }

  static std::shared_ptr<grpc::Channel> TlsChannel(const app::Server& server,
                                                   const std::string& trusted_ca_pem,
                                                   const Identity* client = nullptr,
                                                   const std::string& host = "127.0.0.1") {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = trusted_ca_pem;
    if (client != nullptr) {
      ssl.pem_private_key = client->key_pem;
      ssl.pem_cert_chain = client->cert_pem;
    }
    // A fresh connection per channel, so no test reuses another's handshake.
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    return grpc::CreateCustomChannel(absl::StrCat(host, ":", server.port()),
                                     grpc::SslCredentials(ssl), args);
  }

  static grpc::Status ListPlans(const std::shared_ptr<grpc::Channel>& channel) {
    auto stub = v1::PlanService::NewStub(channel);
    grpc::ClientContext context;
    context.set_deadline(CallDeadline());
    v1::ListPlansRequest request;
    v1::ListPlansResponse response;
    return stub->ListPlans(&context, request, &response);
  }

  testing::TempDir dir_;
  TestCa ca_{"Sáng Kiến test CA"};
  TestCa client_ca_{"Sáng Kiến test device CA"};
  Identity server_identity_;
  std::string cert_file_;
  std::string key_file_;
  int databases_ = 0;
};

TEST_F(TlsTest, ClientTrustingTheCaConnects) {
  auto server = StartTls(false);
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(server->transport(), "TLS");
  HealthResult health = CheckHealth(TlsChannel(*server, ca_.cert_pem()));
  ASSERT_TRUE(health.status.ok()) << health.status.error_message();
  EXPECT_EQ(health.serving_status, kHealthServing);
  grpc::Status plans = ListPlans(TlsChannel(*server, ca_.cert_pem()));
  EXPECT_TRUE(plans.ok()) << plans.error_message();
}

TEST_F(TlsTest, TheCertificateNamesLocalhostToo) {
  auto server = StartTls(false);
  ASSERT_NE(server, nullptr);
  grpc::Status plans = ListPlans(TlsChannel(*server, ca_.cert_pem(), nullptr, "localhost"));
  EXPECT_TRUE(plans.ok()) << plans.error_message();
}

TEST_F(TlsTest, PlaintextClientIsRefused) {
  auto server = StartTls(false);
  ASSERT_NE(server, nullptr);
  auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", server->port()),
                                     grpc::InsecureChannelCredentials());
  HealthResult health = CheckHealth(channel);
  EXPECT_EQ(health.status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << health.status.error_message();
}

TEST_F(TlsTest, ClientTrustingAnotherCaIsRefused) {
  auto server = StartTls(false);
  ASSERT_NE(server, nullptr);
  TestCa stranger("Some other CA");
  HealthResult health = CheckHealth(TlsChannel(*server, stranger.cert_pem()));
  EXPECT_EQ(health.status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << health.status.error_message();
}

TEST_F(TlsTest, ClientCertificatesAreRequiredWithAClientCa) {
  auto server = StartTls(true);
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(server->transport(), "TLS, client certificates required");

  HealthResult without = CheckHealth(TlsChannel(*server, ca_.cert_pem()));
  EXPECT_EQ(without.status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << "a client without a certificate: " << without.status.error_message();

  TestCa stranger("Some other device CA");
  Identity foreign = stranger.Issue("kiosk from elsewhere");
  HealthResult wrong_ca = CheckHealth(TlsChannel(*server, ca_.cert_pem(), &foreign));
  EXPECT_EQ(wrong_ca.status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << "a client certificate from another CA: " << wrong_ca.status.error_message();

  Identity kiosk = client_ca_.Issue("kiosk Hòa Bình");
  auto channel = TlsChannel(*server, ca_.cert_pem(), &kiosk);
  HealthResult with = CheckHealth(channel);
  ASSERT_TRUE(with.status.ok()) << with.status.error_message();
  EXPECT_EQ(with.serving_status, kHealthServing);
  grpc::Status plans = ListPlans(channel);
  EXPECT_TRUE(plans.ok()) << plans.error_message();
}

TEST_F(TlsTest, PlaintextOnANonLoopbackAddressNeedsAllowInsecure) {
  auto refused = app::Server::Start(Options("0.0.0.0:0"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find("plaintext on 0.0.0.0:0"), std::string::npos)
      << refused.status();
  EXPECT_NE(refused.status().message().find("--insecure"), std::string::npos) << refused.status();
  EXPECT_NE(refused.status().message().find("--tls_cert"), std::string::npos) << refused.status();

  app::ServerOptions allowed = Options("0.0.0.0:0");
  allowed.allow_insecure = true;
  auto server = StartOrFail(std::move(allowed));
  ASSERT_NE(server, nullptr);
  EXPECT_GT(server->port(), 0);
  EXPECT_EQ(server->transport(), "plaintext");
  auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", server->port()),
                                     grpc::InsecureChannelCredentials());
  EXPECT_TRUE(CheckHealth(channel).status.ok());
}

TEST_F(TlsTest, TlsOnANonLoopbackAddressNeedsNoFlag) {
  app::ServerOptions options = Options("0.0.0.0:0");
  options.tls_cert_file = cert_file_;
  options.tls_key_file = key_file_;
  auto server = StartOrFail(std::move(options));
  ASSERT_NE(server, nullptr);
  HealthResult health = CheckHealth(TlsChannel(*server, ca_.cert_pem()));
  EXPECT_TRUE(health.status.ok()) << health.status.error_message();
}

TEST_F(TlsTest, UnusableTlsFilesAreClearStartupErrors) {
  struct Case {
    std::string what, cert, key, client_ca, expect;
  };
  std::string other_key = Write("other.key", ca_.Issue("other").key_pem);
  std::string junk = Write("junk.pem", "not a certificate\n");
  std::string missing = dir_.File("missing.crt");
  const Case cases[] = {
      {"missing certificate", missing, key_file_, "", missing},
      {"missing key", cert_file_, dir_.File("missing.key"), "", "missing.key"},
      {"missing client CA", cert_file_, key_file_, dir_.File("missing-ca.crt"), "missing-ca.crt"},
      {"certificate without key", cert_file_, "", "", "go together"},
      {"key without certificate", "", key_file_, "", "go together"},
      {"client CA without TLS", "", "", cert_file_, "--tls_client_ca needs"},
      {"not a certificate", junk, key_file_, "", "no PEM certificate"},
      {"not a key", cert_file_, junk, "", "no unencrypted PEM private key"},
      {"client CA not a certificate", cert_file_, key_file_, junk, "--tls_client_ca"},
      {"key of another certificate", cert_file_, other_key, "", "is not the key of"},
  };
  for (const Case& c : cases) {
    app::ServerOptions options = Options();
    options.tls_cert_file = c.cert;
    options.tls_key_file = c.key;
    options.tls_client_ca_file = c.client_ca;
    auto server = app::Server::Start(std::move(options));
    ASSERT_FALSE(server.ok()) << c.what;
    EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument) << c.what;
    EXPECT_NE(server.status().message().find(c.expect), std::string::npos)
        << c.what << ": " << server.status();
  }
}

TEST(LoopbackAddressTest, KnowsWhatOnlyThisMachineReaches) {
  for (const char* address : {"127.0.0.1:50051", "127.0.0.1:0", "127.1.2.3:80", "localhost:50051",
                              "LOCALHOST:1", "[::1]:50051", "ipv4:127.0.0.1:5", "ipv6:[::1]:5",
                              "[::ffff:127.0.0.1]:5", "unix:/run/sangkien.sock"}) {
    EXPECT_TRUE(app::IsLoopbackAddress(address)) << address;
  }
  for (const char* address :
       {"0.0.0.0:50051", "[::]:50051", ":50051", "10.0.0.5:50051", "128.0.0.1:1", "example.org:443",
        "[::2]:1", "localhost.example:1", "[::1:50051"}) {
    EXPECT_FALSE(app::IsLoopbackAddress(address)) << address;
  }
}

}  // namespace
}  // namespace sangkien::api_test
